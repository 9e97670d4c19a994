// Generated from openapi.yaml by `npm run generate`. Do not edit by hand.
import type { components, operations } from './schema.js';

type UcsErrorCode = components['schemas']['UcsErrorCode'];

export interface OperationRoute {
  readonly method: 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';
  readonly path: string;
  readonly expressPath: string;
  /** False for the operations whose spec says security: []. */
  readonly secured: boolean;
  /** True for the operations marked x-ucs-static: the server answers them as files, not through a typed handler. */
  readonly static: boolean;
  /** Each error status of the operation and the UCS codes its response may carry (x-ucs-error-codes), the usual one first. */
  readonly errors: { readonly [status: number]: readonly UcsErrorCode[] };
}

/** Every operation of openapi.yaml, by operationId, with its HTTP method, path and error statuses. */
export const operationTable = {
  ListClusterGroup: { method: 'get', path: '/v1/clustergroups', expressPath: '/v1/clustergroups', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  RegisterClusterGroup: { method: 'post', path: '/v1/clustergroups', expressPath: '/v1/clustergroups', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 413: ['UCS.00000012'], 415: ['UCS.00000016'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  ShowClusterGroup: { method: 'get', path: '/v1/clustergroups/{clustergroupid}', expressPath: '/v1/clustergroups/:clustergroupid', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  DeleteClusterGroup: { method: 'delete', path: '/v1/clustergroups/{clustergroupid}', expressPath: '/v1/clustergroups/:clustergroupid', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  EnableFederation: { method: 'post', path: '/v1/clustergroups/{clustergroupid}/federations', expressPath: '/v1/clustergroups/:clustergroupid/federations', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  DisableFederation: { method: 'delete', path: '/v1/clustergroups/{clustergroupid}/federations', expressPath: '/v1/clustergroups/:clustergroupid/federations', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  ShowFederationProgress: { method: 'get', path: '/v1/clustergroups/{clustergroupid}/federations/progress', expressPath: '/v1/clustergroups/:clustergroupid/federations/progress', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  CreateFederationConnection: { method: 'post', path: '/v1/clustergroups/{clustergroupid}/connection', expressPath: '/v1/clustergroups/:clustergroupid/connection', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 413: ['UCS.00000012'], 415: ['UCS.00000016'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  CreateFederationCert: { method: 'post', path: '/v1/clustergroups/{clustergroupid}/cert', expressPath: '/v1/clustergroups/:clustergroupid/cert', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 413: ['UCS.00000012'], 415: ['UCS.00000016'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  DownloadFederationKubeconfig: { method: 'post', path: '/v1/clustergroups/{clustergroupid}/kubeconfig', expressPath: '/v1/clustergroups/:clustergroupid/kubeconfig', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 413: ['UCS.00000012'], 415: ['UCS.00000016'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  UpdateClusterGroup: { method: 'put', path: '/v1/clustergroups/{clustergroupid}/description', expressPath: '/v1/clustergroups/:clustergroupid/description', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 413: ['UCS.00000012'], 415: ['UCS.00000016'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  ListServerConfigs: { method: 'get', path: '/v1/serverconfig', expressPath: '/v1/serverconfig', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 413: ['UCS.00000012'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  ShowQuota: { method: 'get', path: '/v1/maintenance/quota/{domainid}', expressPath: '/v1/maintenance/quota/:domainid', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 413: ['UCS.00000012'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  UpdateClusterGroupAssociatedClusters: { method: 'put', path: '/v1/clustergroups/{clustergroupid}/associatedclusters', expressPath: '/v1/clustergroups/:clustergroupid/associatedclusters', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.01100006'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 413: ['UCS.00000012'], 415: ['UCS.00000016'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  UpdateClusterGroupAssociatedRules: { method: 'put', path: '/v1/clustergroups/{clustergroupid}/associatedrules', expressPath: '/v1/clustergroups/:clustergroupid/associatedrules', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 413: ['UCS.00000012'], 415: ['UCS.00000016'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  UpdateClusterGroupAssociatedZones: { method: 'put', path: '/v1/clustergroups/{clustergroupid}/associatedzones', expressPath: '/v1/clustergroups/:clustergroupid/associatedzones', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 413: ['UCS.00000012'], 415: ['UCS.00000016'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  UpgradeFederation: { method: 'post', path: '/v1/clustergroups/{clustergroupid}/federations/upgrade', expressPath: '/v1/clustergroups/:clustergroupid/federations/upgrade', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 413: ['UCS.00000012'], 415: ['UCS.00000016'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  RollbackFederation: { method: 'post', path: '/v1/clustergroups/{clustergroupid}/federations/rollback', expressPath: '/v1/clustergroups/:clustergroupid/federations/rollback', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00000003', 'UCS.00000017'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 413: ['UCS.00000012'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  EnableClusterGroupPolicy: { method: 'post', path: '/v1/clustergroups/{clustergroupid}/policy', expressPath: '/v1/clustergroups/:clustergroupid/policy', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00150004', 'UCS.00150006', 'UCS.01130006'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 413: ['UCS.00000012'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  DisableClusterGroupPolicy: { method: 'delete', path: '/v1/clustergroups/{clustergroupid}/policy', expressPath: '/v1/clustergroups/:clustergroupid/policy', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00150004', 'UCS.00150006', 'UCS.01130006'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 413: ['UCS.00000012'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  CreateClusterGroupPolicyInstance: { method: 'post', path: '/v1/clustergroups/{clustergroupid}/policyinstance', expressPath: '/v1/clustergroups/:clustergroupid/policyinstance', secured: true, static: false, errors: { 400: ['UCS.00000012', 'UCS.00000011', 'UCS.00000016', 'UCS.00150004', 'UCS.00150006', 'UCS.01130006'], 401: ['UCS.00000018'], 403: ['UCS.00000004'], 404: ['UCS.00000013'], 405: ['UCS.00000013'], 413: ['UCS.00000012'], 415: ['UCS.00000016'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  ShowHealth: { method: 'get', path: '/healthz', expressPath: '/healthz', secured: false, static: false, errors: { 405: ['UCS.00000013'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  ShowOpenApiYaml: { method: 'get', path: '/openapi.yaml', expressPath: '/openapi.yaml', secured: false, static: true, errors: { 405: ['UCS.00000013'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  ShowOpenApiJson: { method: 'get', path: '/openapi.json', expressPath: '/openapi.json', secured: false, static: true, errors: { 405: ['UCS.00000013'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  ShowApiDocs: { method: 'get', path: '/docs', expressPath: '/docs', secured: false, static: true, errors: { 405: ['UCS.00000013'], 500: ['UCS.00000006', 'UCS.00000005'] } },
  ShowApiDocsScript: { method: 'get', path: '/docs/redoc.standalone.js', expressPath: '/docs/redoc.standalone.js', secured: false, static: true, errors: { 404: ['UCS.00000013'], 405: ['UCS.00000013'], 500: ['UCS.00000006', 'UCS.00000005'] } },
} as const satisfies { readonly [K in keyof operations]: OperationRoute };

/** What each UCS error code means (x-enumDescriptions of UcsErrorCode). */
export const ucsErrorMeanings = {
  'UCS.00000003': "Failed to obtain the federation information",
  'UCS.00000004': "Request forbidden",
  'UCS.00000005': "Database operation failed",
  'UCS.00000006': "Server internal error",
  'UCS.00000011': "Bad query parameter value",
  'UCS.00000012': "Invalid request body",
  'UCS.00000013': "No requested resources found",
  'UCS.00000016': "Invalid header value",
  'UCS.00000017': "Insufficient quota",
  'UCS.00000018': "Authorization failed",
  'UCS.01100006': "Cluster number in fleet exceed limit",
  'UCS.00150004': "ClusterGroup already enable policy",
  'UCS.00150006': "ClusterGroup not enable policy",
  'UCS.01130006': "ClusterGroup policy management is installing or closing",
} as const satisfies { readonly [C in UcsErrorCode]: string };
