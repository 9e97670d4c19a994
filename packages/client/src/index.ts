export {
  createUcsClient,
  type UcsClient,
  type UcsClientOptions,
  type ListFleetsQuery,
  type ConnectionRequest,
  type WorkloadQuery,
  type ListClustersQuery,
  type ListManagedClustersQuery,
  type ClusterAccessQuery,
} from './client.js';
export { UcsApiError, UcsNetworkError } from './errors.js';
export { kubeconfigToYaml } from './kubeconfig-yaml.js';
export { akskMiddleware, tokenMiddleware, domainMiddleware } from './auth-middleware.js';
export type { Kubeconfig, UcsErrorCode, UcsErrorBody, ClusterGroup, Job, MutiWorkload, paths, components } from '@ucs-fleet/types';
