import type { Domain } from '../domain/index.js';
import type { Store } from '../store/store.js';
import { clusterKubeconfigHandlers } from './cluster-kubeconfig.js';
import { clusterHandlers } from './clusters.js';
import { federationHandlers } from './federation.js';
import { fleetOperationHandlers } from './fleet-operations.js';
import { fleetHandlers } from './fleets.js';
import type { HandlerTable } from './handler.js';
import { healthHandlers } from './health.js';
import { workloadHandlers } from './workloads.js';

export type { Handler, HandlerInput, HandlerTable } from './handler.js';

export function allHandlers(domain: Domain, store: Store): HandlerTable {
  return { ...fleetHandlers(domain), ...fleetOperationHandlers(domain), ...federationHandlers(domain), ...workloadHandlers(domain), ...clusterKubeconfigHandlers(domain), ...clusterHandlers(domain), ...healthHandlers(store) };
}
