import type { Domain } from '../domain/index.js';
import { serverConfigsView } from '../domain/federation-versions.js';
import type { HandlerTable } from './handler.js';

type FleetOperations =
  | 'UpdateClusterGroup'
  | 'UpdateClusterGroupAssociatedClusters'
  | 'UpdateClusterGroupAssociatedRules'
  | 'UpdateClusterGroupAssociatedZones'
  | 'UpgradeFederation'
  | 'RollbackFederation'
  | 'EnableClusterGroupPolicy'
  | 'DisableClusterGroupPolicy'
  | 'CreateClusterGroupPolicyInstance'
  | 'ListServerConfigs'
  | 'ShowQuota';

/** The fleet operations of the official SDKs beyond the kubeconfig path. */
export function fleetOperationHandlers({ fleets, quotas, associations, membership, upgrades, policies }: Domain): Pick<HandlerTable, FleetOperations> {
  return {
    UpdateClusterGroup: async ({ caller, params, body }) => ({
      status: 200,
      body: await fleets.describe(caller, params.clustergroupid, body.description),
    }),
    UpdateClusterGroupAssociatedClusters: async ({ caller, params, body }) => ({
      status: 200,
      body: await membership.addToFleet(caller, params.clustergroupid, body.clusterIds),
    }),
    UpdateClusterGroupAssociatedRules: async ({ caller, params, body }) => ({
      status: 200,
      body: await associations.bindRules(caller, params.clustergroupid, body.ruleIDNamespaces),
    }),
    UpdateClusterGroupAssociatedZones: async ({ caller, params, body }) => ({
      status: 200,
      body: await associations.setZones(caller, params.clustergroupid, body.dnsSuffix),
    }),
    UpgradeFederation: async ({ caller, params, body }) => ({
      status: 200,
      body: await upgrades.upgrade(caller, params.clustergroupid, body?.targetVersion),
    }),
    RollbackFederation: async ({ caller, params }) => ({ status: 200, body: await upgrades.rollback(caller, params.clustergroupid) }),
    EnableClusterGroupPolicy: async ({ caller, params }) => ({ status: 201, body: await policies.enable(caller, params.clustergroupid) }),
    DisableClusterGroupPolicy: async ({ caller, params }) => ({ status: 200, body: await policies.disable(caller, params.clustergroupid) }),
    CreateClusterGroupPolicyInstance: async ({ caller, params, body }) => ({
      status: 201,
      body: await policies.createInstance(caller, params.clustergroupid, body),
    }),
    ListServerConfigs: async () => ({ status: 200, body: serverConfigsView() }),
    ShowQuota: async ({ caller, params }) => ({ status: 200, body: await quotas.show(caller, params.domainid) }),
  };
}
