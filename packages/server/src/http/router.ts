import { operationTable, type OperationId, type OperationRoute } from '@ucs-fleet/types';
import type { Express, Request, RequestHandler } from 'express';
import type { UcsError } from '../domain/errors.js';
import type { HandledOperationId, HandlerTable } from '../routes/handler.js';
import { contextOf } from './request-context.js';

/**
 * Wires every operation of the generated table to its handler: no route is written by hand.
 * Operations marked x-ucs-static are served as files by contract-docs.ts instead.
 */
export function mountOperations(app: Express, handlers: HandlerTable, faultHook?: FaultHook): void {
  const handled = (Object.keys(operationTable) as OperationId[]).filter((id): id is HandledOperationId => !operationTable[id].static);
  if (!app.enabled('strict routing') || !app.enabled('case sensitive routing')) {
    throw new Error('mountOperations needs an app with strict, case-sensitive routing (see createApp)');
  }
  for (const id of handled) {
    const route = operationTable[id];
    app[route.method](route.expressPath, operationEndpoint(id, handlers[id] as unknown as AnyHandler, faultHook));
  }
}

/** Past the table's compile-time checks, every handler is called the same way. */
type AnyHandler = (input: unknown) => Promise<{ status: number; body: unknown }>;

/** Asked before each handler runs; an error it returns is the answer instead (the test stub's failNext). */
export type FaultHook = (operationId: HandledOperationId) => UcsError | undefined;

function operationEndpoint(id: HandledOperationId, handler: AnyHandler, faultHook: FaultHook | undefined): RequestHandler {
  return async (req, res) => {
    const fault = faultHook?.(id);
    if (fault) throw fault;
    const result = await handler(handlerInput(req));
    res.status(result.status).json(result.body);
  };
}

function handlerInput(req: Request): unknown {
  return { params: req.params, query: req.query, body: req.body, caller: contextOf(req).caller };
}

/**
 * Paths whose operations need no credentials. Matched on the path alone, so that another
 * method on such a path gets its 405 rather than a 401.
 */
export function publicPathMatcher(): (path: string) => boolean {
  const publicPaths = new Set<string>(
    Object.values(operationTable)
      .filter((r: OperationRoute) => !r.secured)
      .map((r) => r.path),
  );
  return (path) => publicPaths.has(path);
}

/** Routes whose spec accepts form encodings, for the form decoder. */
export function formRoutes(spec: { paths: Record<string, Record<string, { requestBody?: { content?: object } }>> }): { method: 'post' | 'put' | 'patch'; expressPath: string }[] {
  return Object.values(operationTable).flatMap((r: OperationRoute) => {
    const content = spec.paths[r.path]?.[r.method]?.requestBody?.content ?? {};
    const acceptsForm = 'multipart/form-data' in content || 'application/x-www-form-urlencoded' in content;
    return acceptsForm && (r.method === 'post' || r.method === 'put' || r.method === 'patch') ? [{ method: r.method, expressPath: r.expressPath }] : [];
  });
}
