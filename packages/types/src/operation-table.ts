// Generated from openapi.yaml by `npm run generate`. Do not edit by hand.
import type { operations } from './schema.js';

export interface OperationRoute {
  readonly method: 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';
  readonly path: string;
  readonly expressPath: string;
  /** False for the operations whose spec says security: []. */
  readonly secured: boolean;
}

/** Every operation of openapi.yaml, by operationId, with its HTTP method and path. */
export const operationTable = {
  ListClusterGroup: { method: 'get', path: '/v1/clustergroups', expressPath: '/v1/clustergroups', secured: true },
  RegisterClusterGroup: { method: 'post', path: '/v1/clustergroups', expressPath: '/v1/clustergroups', secured: true },
  ShowClusterGroup: { method: 'get', path: '/v1/clustergroups/{clustergroupid}', expressPath: '/v1/clustergroups/:clustergroupid', secured: true },
  DeleteClusterGroup: { method: 'delete', path: '/v1/clustergroups/{clustergroupid}', expressPath: '/v1/clustergroups/:clustergroupid', secured: true },
  EnableFederation: { method: 'post', path: '/v1/clustergroups/{clustergroupid}/federations', expressPath: '/v1/clustergroups/:clustergroupid/federations', secured: true },
  DisableFederation: { method: 'delete', path: '/v1/clustergroups/{clustergroupid}/federations', expressPath: '/v1/clustergroups/:clustergroupid/federations', secured: true },
  ShowFederationProgress: { method: 'get', path: '/v1/clustergroups/{clustergroupid}/federations/progress', expressPath: '/v1/clustergroups/:clustergroupid/federations/progress', secured: true },
  CreateFederationConnection: { method: 'post', path: '/v1/clustergroups/{clustergroupid}/connection', expressPath: '/v1/clustergroups/:clustergroupid/connection', secured: true },
  CreateFederationCert: { method: 'post', path: '/v1/clustergroups/{clustergroupid}/cert', expressPath: '/v1/clustergroups/:clustergroupid/cert', secured: true },
  DownloadFederationKubeconfig: { method: 'post', path: '/v1/clustergroups/{clustergroupid}/kubeconfig', expressPath: '/v1/clustergroups/:clustergroupid/kubeconfig', secured: true },
  ShowHealth: { method: 'get', path: '/healthz', expressPath: '/healthz', secured: false },
} as const satisfies { readonly [K in keyof operations]: OperationRoute };
