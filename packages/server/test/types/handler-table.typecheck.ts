// Compiled by `tsc -p .` (npm run typecheck), never run: each @ts-expect-error below must stay
// an error, so the compiler proves the handler table follows openapi.yaml.
import type { HandlerTable } from '../../src/routes/handler.js';

declare const complete: HandlerTable;

// A table that misses an operation of the spec does not compile.
// @ts-expect-error DownloadFederationKubeconfig has no handler
export const missingOne: HandlerTable = { ...complete, DownloadFederationKubeconfig: undefined };

// A handler cannot answer with a status the spec does not define for its operation.
// @ts-expect-error 418 is not a response of ShowHealth
export const wrongStatus: HandlerTable['ShowHealth'] = async () => ({ status: 418, body: { status: 'ok' } });

// Nor with a body the spec does not define for that status.
// @ts-expect-error the 200 body of ShowHealth has no field "healthy"
export const wrongBody: HandlerTable['ShowHealth'] = async () => ({ status: 200, body: { healthy: true } });

// Nor with an error status as if it were a success: errors are thrown as UcsError.
// @ts-expect-error 404 is not a success of ShowClusterGroup
export const errorAsSuccess: HandlerTable['ShowClusterGroup'] = async () => ({ status: 404, body: { error_code: 'UCS.00000013', error_msg: 'x' } });

// The handler sees the validated, typed body: duration is a number.
export const typedBody: HandlerTable['DownloadFederationKubeconfig'] = async ({ body }) => {
  const days: number = body.duration;
  // @ts-expect-error there is no field "days" in the request body
  void body.days;
  void days;
  return complete.DownloadFederationKubeconfig({ body, params: { clustergroupid: 'x' }, query: {}, caller: { domainId: 'd', userName: 'u', groups: [], via: 'token' } });
};
