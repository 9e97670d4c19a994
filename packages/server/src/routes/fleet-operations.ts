import type { Domain } from '../domain/index.js';
import { serverConfigsView } from '../domain/federation-versions.js';
import type { HandlerTable } from './handler.js';

type FleetOperations = 'UpdateClusterGroup' | 'ListServerConfigs' | 'ShowQuota';

/** The fleet operations of the official SDKs beyond the kubeconfig path. */
export function fleetOperationHandlers({ fleets, quotas }: Domain): Pick<HandlerTable, FleetOperations> {
  return {
    UpdateClusterGroup: async ({ caller, params, body }) => ({
      status: 200,
      body: await fleets.describe(caller, params.clustergroupid, body.description),
    }),
    ListServerConfigs: async () => ({ status: 200, body: serverConfigsView() }),
    ShowQuota: async ({ caller, params }) => ({ status: 200, body: await quotas.show(caller, params.domainid) }),
  };
}
