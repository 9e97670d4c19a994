import type { Domain } from '../domain/index.js';
import type { HandlerTable } from './handler.js';

export function clusterKubeconfigHandlers({ clusterKubeconfigs }: Domain): Pick<HandlerTable, 'CreateClusterKubeconfig'> {
  return {
    CreateClusterKubeconfig: async ({ caller, params }) => ({ status: 201, body: await clusterKubeconfigs.issue(caller, params.clusterid) }),
  };
}
