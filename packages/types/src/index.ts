export type { paths, components, operations } from './schema.js';
export { operationTable, ucsErrorMeanings, type OperationRoute } from './operation-table.js';
export { controlOperationTable, controlPathPrefix } from './control-operation-table.js';
export { controlOpenapiJsonText, controlOpenapiYamlText } from './control-spec-text.js';
export type { paths as controlPaths, components as controlComponents, operations as controlOperations } from './control-schema.js';
export { openapiJsonText, openapiYamlText } from './spec-text.js';
export type {
  OperationId,
  PathParams,
  QueryParams,
  RequestBody,
  ResponseStatus,
  ResponseBody,
  OperationResponse,
  SuccessResponse,
} from './operation-types.js';

import type { components } from './schema.js';
export type Kubeconfig = components['schemas']['Kubeconfig'];
export type UcsErrorBody = components['schemas']['UcsError'];
export type UcsErrorCode = components['schemas']['UcsErrorCode'];
export type ClusterGroup = components['schemas']['ClusterGroup'];
export type Job = components['schemas']['Job'];
/** A federated workload (CreateProxyUnitedWorkload ... DeleteProxyUnitedWorkload), named as the SDK names it. */
export type MutiWorkload = components['schemas']['MutiWorkload'];
