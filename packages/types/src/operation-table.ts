// Generated from openapi.yaml by `npm run generate`. Do not edit by hand.
import type { operations } from './schema.js';

export interface OperationRoute {
  readonly method: 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';
  readonly path: string;
  readonly expressPath: string;
  /** False for the operations whose spec says security: []. */
  readonly secured: boolean;
  /** True for the operations marked x-ucs-static: the server answers them as files, not through a typed handler. */
  readonly static: boolean;
}

/** Every operation of openapi.yaml, by operationId, with its HTTP method and path. */
export const operationTable = {
  ListClusterGroup: { method: 'get', path: '/v1/clustergroups', expressPath: '/v1/clustergroups', secured: true, static: false },
  RegisterClusterGroup: { method: 'post', path: '/v1/clustergroups', expressPath: '/v1/clustergroups', secured: true, static: false },
  ShowClusterGroup: { method: 'get', path: '/v1/clustergroups/{clustergroupid}', expressPath: '/v1/clustergroups/:clustergroupid', secured: true, static: false },
  DeleteClusterGroup: { method: 'delete', path: '/v1/clustergroups/{clustergroupid}', expressPath: '/v1/clustergroups/:clustergroupid', secured: true, static: false },
  EnableFederation: { method: 'post', path: '/v1/clustergroups/{clustergroupid}/federations', expressPath: '/v1/clustergroups/:clustergroupid/federations', secured: true, static: false },
  DisableFederation: { method: 'delete', path: '/v1/clustergroups/{clustergroupid}/federations', expressPath: '/v1/clustergroups/:clustergroupid/federations', secured: true, static: false },
  ShowFederationProgress: { method: 'get', path: '/v1/clustergroups/{clustergroupid}/federations/progress', expressPath: '/v1/clustergroups/:clustergroupid/federations/progress', secured: true, static: false },
  CreateFederationConnection: { method: 'post', path: '/v1/clustergroups/{clustergroupid}/connection', expressPath: '/v1/clustergroups/:clustergroupid/connection', secured: true, static: false },
  CreateFederationCert: { method: 'post', path: '/v1/clustergroups/{clustergroupid}/cert', expressPath: '/v1/clustergroups/:clustergroupid/cert', secured: true, static: false },
  DownloadFederationKubeconfig: { method: 'post', path: '/v1/clustergroups/{clustergroupid}/kubeconfig', expressPath: '/v1/clustergroups/:clustergroupid/kubeconfig', secured: true, static: false },
  ShowHealth: { method: 'get', path: '/healthz', expressPath: '/healthz', secured: false, static: false },
  ShowOpenApiYaml: { method: 'get', path: '/openapi.yaml', expressPath: '/openapi.yaml', secured: false, static: true },
  ShowOpenApiJson: { method: 'get', path: '/openapi.json', expressPath: '/openapi.json', secured: false, static: true },
  ShowApiDocs: { method: 'get', path: '/docs', expressPath: '/docs', secured: false, static: true },
  ShowApiDocsScript: { method: 'get', path: '/docs/redoc.standalone.js', expressPath: '/docs/redoc.standalone.js', secured: false, static: true },
} as const satisfies { readonly [K in keyof operations]: OperationRoute };
