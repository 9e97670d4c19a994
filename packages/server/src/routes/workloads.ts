import type { Domain } from '../domain/index.js';
import type { HandlerTable } from './handler.js';

type WorkloadOperations = 'CreateProxyUnitedWorkload' | 'ShowProxyUnitedWorkload' | 'UpdateProxyUnitedWorkload' | 'DeleteProxyUnitedWorkload';

/** The federated workloads of a fleet (one path, four methods). */
export function workloadHandlers({ workloads }: Domain): Pick<HandlerTable, WorkloadOperations> {
  return {
    CreateProxyUnitedWorkload: async ({ caller, params, body }) => ({ status: 201, body: await workloads.create(caller, params.clustergroupid, body) }),
    ShowProxyUnitedWorkload: async ({ caller, params, query }) => ({ status: 200, body: await workloads.show(caller, params.clustergroupid, query) }),
    UpdateProxyUnitedWorkload: async ({ caller, params, body }) => ({ status: 200, body: await workloads.update(caller, params.clustergroupid, body) }),
    DeleteProxyUnitedWorkload: async ({ caller, params, query }) => ({ status: 200, body: await workloads.delete(caller, params.clustergroupid, query) }),
  };
}
