import { controlOpenapiJsonText, controlOperationTable } from '@ucs-fleet/types';
import { Router, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { chain } from '../http/chain.js';
import { decodeJsonBody } from '../http/body-decode.js';
import { errorHandler, notFound } from '../http/error-handler.js';
import { rawBody } from '../http/raw-body.js';
import { openApiValidator } from '../http/validator.js';
import { requireControlToken } from './auth.js';
import { controlDocs } from './docs.js';
import type { ControlHandlerTable, HandledControlOperationId } from './handler.js';
import { isControlPath } from './paths.js';

export interface ControlRouterOptions {
  handlers: ControlHandlerTable;
  token: string;
  logger: Logger;
  bodyLimitBytes: number;
}

/**
 * The control API, a pipeline of its own beside the UCS one: its docs, its token, the body
 * limit, validation of requests and responses against control-openapi.yaml, its handlers, the
 * same error handler. Only paths under the control prefix enter it; nothing in it falls
 * through to the UCS operations.
 */
export function controlRouter(o: ControlRouterOptions): RequestHandler {
  const router = Router({ strict: true, caseSensitive: true });
  router.use(controlDocs());
  router.use(chain([...rawBody(o.bodyLimitBytes), requireControlToken(o.token), decodeJsonBody]));
  router.use(chain(openApiValidator(JSON.parse(controlOpenapiJsonText) as Parameters<typeof openApiValidator>[0])));
  const handled = (Object.keys(o.handlers) as HandledControlOperationId[]);
  for (const id of handled) {
    const route = controlOperationTable[id];
    const handler = o.handlers[id] as (body: unknown) => Promise<{ status: number; body: unknown }>;
    router[route.method](route.expressPath, async (req, res) => {
      const result = await handler(req.body);
      res.status(result.status).json(result.body);
    });
  }
  router.use(notFound);
  router.use(errorHandler(o.logger));
  return (req, res, next) => (isControlPath(req.path) ? router(req, res, next) : next());
}
