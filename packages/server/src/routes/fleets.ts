import type { Domain } from '../domain/index.js';
import type { HandlerTable } from './handler.js';

type FleetOperations = 'RegisterClusterGroup' | 'ListClusterGroup' | 'ShowClusterGroup' | 'DeleteClusterGroup';

export function fleetHandlers({ fleets }: Domain): Pick<HandlerTable, FleetOperations> {
  return {
    RegisterClusterGroup: async ({ caller, body }) => ({ status: 201, body: await fleets.create(caller, body) }),
    ListClusterGroup: async ({ caller, query }) => ({
      status: 200,
      body: await fleets.list(caller, {
        // The API's -1 means every fleet, as no limit does.
        limit: query.limit === -1 ? undefined : query.limit,
        offset: query.offset ?? 0,
        orderBy: query.order_by ?? 'create_at',
        order: query.order ?? 'desc',
      }),
    }),
    ShowClusterGroup: async ({ caller, params }) => ({ status: 200, body: await fleets.show(caller, params.clustergroupid) }),
    DeleteClusterGroup: async ({ caller, params }) => ({ status: 200, body: await fleets.delete(caller, params.clustergroupid) }),
  };
}
