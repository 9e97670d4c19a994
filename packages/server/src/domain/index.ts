import { randomUUID } from 'node:crypto';
import { CaCache } from './ca-cache.js';
import type { Clock } from './clock.js';
import { FederationEvents } from './federation-events.js';
import { FederationService } from './federation.js';
import { FleetService } from './fleets.js';
import { KubeconfigService } from './kubeconfigs.js';
import { ClusterKubeconfigService } from './cluster-kubeconfigs.js';
import { QuotaService } from './quotas.js';
import { AssociationService } from './fleet-associations.js';
import { UpgradeService } from './federation-upgrade.js';
import { PolicyService } from './policies.js';
import { WorkloadService } from './workloads.js';
import { MembershipService } from './cluster-membership.js';
import { ClusterService } from './clusters.js';
import type { KeyPool, KeyType } from '@ucs-fleet/pki';
import type { Store } from '../store/store.js';

export interface DomainOptions {
  store: Store;
  clock: Clock;
  fleetQuota: number;
  /** Registered clusters per account; 50, the UCS default, when absent. */
  clusterQuota?: number;
  region: string;
  enableDelayMs: () => number;
  /** The kubeconfig server URL of a fleet: its path on the federation endpoint. */
  endpointUrl: (fleetId: string) => string;
  /** The kubeconfig server URL of a registered cluster: its path on the federation endpoint. */
  clusterEndpointUrl: (clusterId: string) => string;
  /** base64 of the endpoint CA's PEM: every kubeconfig's certificate-authority-data. */
  endpointCaData: string;
  keyType: KeyType;
  keyPool: KeyPool | undefined;
}

/** The domain services the routes call, wired to one store and one clock. */
export interface Domain {
  fleets: FleetService;
  federation: FederationService;
  kubeconfigs: KubeconfigService;
  clusterKubeconfigs: ClusterKubeconfigService;
  quotas: QuotaService;
  associations: AssociationService;
  upgrades: UpgradeService;
  policies: PolicyService;
  workloads: WorkloadService;
  clusters: ClusterService;
  membership: MembershipService;
  caCache: CaCache;
  /** Enables and disables, announced after the store committed them. */
  federationEvents: FederationEvents;
}

const defaultClusterQuota = 50;

export function createDomain(o: DomainOptions): Domain {
  const newId = randomUUID;
  const caCache = new CaCache(o.keyPool, (federationId) => o.store.getCa(federationId));
  const federationEvents = new FederationEvents();
  const membership = new MembershipService({ store: o.store, clock: o.clock });
  const clusters = new ClusterService({ store: o.store, clock: o.clock, newId, quota: o.clusterQuota ?? defaultClusterQuota });
  const fleets = new FleetService({ store: o.store, clock: o.clock, newId, quota: o.fleetQuota, region: o.region, membership });
  const federation = new FederationService({
    store: o.store,
    clock: o.clock,
    fleets,
    caCache,
    newId,
    enableDelayMs: o.enableDelayMs,
    caKeyType: o.keyType,
    events: federationEvents,
  });
  const kubeconfigs = new KubeconfigService({
    store: o.store,
    clock: o.clock,
    fleets,
    federation,
    caCache,
    clientKeyType: o.keyType,
    endpointUrl: o.endpointUrl,
    endpointCaData: o.endpointCaData,
  });
  const clusterKubeconfigs = new ClusterKubeconfigService({ store: o.store, clock: o.clock, clientKeyType: o.keyType, clusterUrl: o.clusterEndpointUrl, endpointCaData: o.endpointCaData });
  const quotas = new QuotaService({ store: o.store, fleetQuota: o.fleetQuota, clusterQuota: o.clusterQuota ?? defaultClusterQuota });
  const associations = new AssociationService({ clock: o.clock, fleets });
  const upgrades = new UpgradeService({ clock: o.clock, fleets, newId, upgradeDelayMs: o.enableDelayMs });
  const policies = new PolicyService({ clock: o.clock, fleets, newId, enableDelayMs: o.enableDelayMs });
  const workloads = new WorkloadService({ store: o.store, clock: o.clock, fleets, newId });
  return { fleets, federation, kubeconfigs, clusterKubeconfigs, quotas, associations, upgrades, policies, workloads, clusters, membership, caCache, federationEvents };
}
