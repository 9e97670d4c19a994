import type { Domain } from '../domain/index.js';
import type { HandlerTable } from './handler.js';

type ClusterOperations =
  | 'RegisterCluster'
  | 'ShowClusterList'
  | 'ShowCluster'
  | 'UpdateCluster'
  | 'DeleteCluster'
  | 'ListManagedClusters'
  | 'ShowClusterAccessInfo'
  | 'JoinGroup'
  | 'LeaveGroup'
  | 'ListRegisteredClusterVersions'
  | 'RetryClusterActivation';

/** Registered clusters and their fleet membership. */
export function clusterHandlers({ clusters, membership }: Domain): Pick<HandlerTable, ClusterOperations> {
  return {
    RegisterCluster: async ({ caller, body }) => ({ status: 201, body: await clusters.register(caller, body) }),
    ShowClusterList: async ({ caller, query }) => ({
      status: 200,
      body: await clusters.list(
        caller,
        {
          // The API's -1 means every cluster, as no limit does.
          limit: query.limit === -1 ? undefined : query.limit,
          offset: query.offset ?? 0,
          orderBy: query.order_by ?? 'create_at',
          order: query.order ?? 'desc',
          ...(query.category !== undefined ? { category: query.category } : {}),
          ...(query.clustergroupid !== undefined ? { fleetId: query.clustergroupid } : {}),
          ...(query.managetype !== undefined && query.managetype !== 'all' ? { manageType: query.managetype } : {}),
          ...(query.clusterids !== undefined ? { ids: query.clusterids.split(',').filter((id) => id !== '') } : {}),
        },
        query.enablestatus !== false,
      ),
    }),
    ShowCluster: async ({ caller, params }) => ({ status: 200, body: await clusters.show(caller, params.clusterid) }),
    UpdateCluster: async ({ caller, params, body }) => ({ status: 200, body: await clusters.update(caller, params.clusterid, body) }),
    DeleteCluster: async ({ caller, params }) => ({ status: 200, body: await clusters.delete(caller, params.clusterid) }),
    ListManagedClusters: async ({ caller, query }) => ({
      status: 200,
      body: await clusters.listManaged(caller, {
        ...(query.unimported !== undefined ? { unimported: query.unimported } : {}),
        limit: query.limit === -1 ? undefined : query.limit,
        offset: query.offset ?? 0,
      }),
    }),
    ShowClusterAccessInfo: async ({ caller, params, query }) => ({ status: 200, body: await clusters.accessInfo(caller, params.clusterid, query) }),
    JoinGroup: async ({ caller, params, body }) => ({ status: 200, body: await membership.join(caller, params.clusterid, body.clusterGroupID) }),
    LeaveGroup: async ({ caller, params }) => ({ status: 200, body: await membership.leave(caller, params.clusterid) }),
    ListRegisteredClusterVersions: async () => ({ status: 200, body: clusters.versions() }),
    RetryClusterActivation: async ({ caller, params }) => ({ status: 200, body: await clusters.retryActivation(caller, params.clusterid) }),
  };
}
