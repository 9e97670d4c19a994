// Generated from control-openapi.yaml by `npm run generate`. Do not edit by hand.
import type { OperationRoute } from './operation-table.js';
import type { operations } from './control-schema.js';

/** The prefix of every path of control-openapi.yaml; no path of openapi.yaml starts with it. */
export const controlPathPrefix = '/__control/';

/** Every operation of control-openapi.yaml, by operationId, with its HTTP method and path. */
export const controlOperationTable = {
  ResetStore: { method: 'post', path: '/__control/reset', expressPath: '/__control/reset', secured: true, static: false },
  ListFaults: { method: 'get', path: '/__control/faults', expressPath: '/__control/faults', secured: true, static: false },
  PlanFault: { method: 'post', path: '/__control/faults', expressPath: '/__control/faults', secured: true, static: false },
  ClearFaults: { method: 'delete', path: '/__control/faults', expressPath: '/__control/faults', secured: true, static: false },
  ShowFederationDelay: { method: 'get', path: '/__control/federation-delay', expressPath: '/__control/federation-delay', secured: true, static: false },
  SetFederationDelay: { method: 'put', path: '/__control/federation-delay', expressPath: '/__control/federation-delay', secured: true, static: false },
  ShowClock: { method: 'get', path: '/__control/clock', expressPath: '/__control/clock', secured: true, static: false },
  AdvanceClock: { method: 'post', path: '/__control/clock/advance', expressPath: '/__control/clock/advance', secured: true, static: false },
  ListRequests: { method: 'get', path: '/__control/requests', expressPath: '/__control/requests', secured: true, static: false },
  ClearRequests: { method: 'delete', path: '/__control/requests', expressPath: '/__control/requests', secured: true, static: false },
  ListIssuedCertificates: { method: 'get', path: '/__control/certificates', expressPath: '/__control/certificates', secured: true, static: false },
  ShowControlOpenApiYaml: { method: 'get', path: '/__control/openapi.yaml', expressPath: '/__control/openapi.yaml', secured: false, static: true },
  ShowControlOpenApiJson: { method: 'get', path: '/__control/openapi.json', expressPath: '/__control/openapi.json', secured: false, static: true },
  ShowControlApiDocs: { method: 'get', path: '/__control/docs', expressPath: '/__control/docs', secured: false, static: true },
} as const satisfies { readonly [K in keyof operations]: Omit<OperationRoute, 'errors'> };
