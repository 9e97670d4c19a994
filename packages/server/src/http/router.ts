import { operationTable, type OperationId, type OperationRoute } from '@ucs-fleet/types';
import type { Express, Request, Response } from 'express';
import type { UcsError } from '../domain/errors.js';
import type { HandledOperationId, HandlerTable } from '../routes/handler.js';
import { contextOf } from './request-context.js';

/**
 * Wires every operation of the generated table to its handler: no route is written by hand.
 * Operations marked x-ucs-static are served as files by contract-docs.ts instead.
 *
 * One layer answers them all, by the operation the validator has already found for the request
 * (req.openapi: its route in the spec and its decoded, validated path parameters). One Express
 * route per operation made the router test the request against every route before it, for
 * nothing: it was the largest share of the garbage of a kubeconfig request (~15%).
 */
export function mountOperations(app: Express, handlers: HandlerTable, faultHook?: FaultHook): void {
  if (!app.enabled('strict routing') || !app.enabled('case sensitive routing')) {
    throw new Error('mountOperations needs an app with strict, case-sensitive routing (see createApp)');
  }
  const endpoints = new Map<string, (req: Request, res: Response, pathParams: Record<string, string>) => Promise<void>>();
  for (const id of Object.keys(operationTable) as OperationId[]) {
    const route = operationTable[id];
    if (route.static) continue;
    endpoints.set(operationKey(route.method, route.path), operationEndpoint(id as HandledOperationId, handlers[id as HandledOperationId] as unknown as AnyHandler, faultHook));
  }
  app.use((req, res, next) => {
    const found = (req as { openapi?: { openApiRoute?: string; pathParams?: Record<string, string> } }).openapi;
    const route = found?.openApiRoute;
    // HEAD is answered by the GET operation (body dropped by node:http), as Express routes do.
    const endpoint = route === undefined ? undefined : (endpoints.get(operationKey(req.method, route)) ?? (req.method === 'HEAD' ? endpoints.get(operationKey('GET', route)) : undefined));
    // The validator answers every request whose path or method the spec lacks before this layer.
    if (!endpoint) return next();
    return endpoint(req, res, found?.pathParams ?? {});
  });
}

const operationKey = (method: string, specPath: string): string => `${method.toUpperCase()} ${specPath}`;

/** Past the table's compile-time checks, every handler is called the same way. */
type AnyHandler = (input: unknown) => Promise<{ status: number; body: unknown }>;

/** Asked before each handler runs; an error it returns is the answer instead (the test stub's failNext). */
export type FaultHook = (operationId: HandledOperationId) => UcsError | undefined;

function operationEndpoint(id: HandledOperationId, handler: AnyHandler, faultHook: FaultHook | undefined) {
  return async (req: Request, res: Response, pathParams: Record<string, string>): Promise<void> => {
    const fault = faultHook?.(id);
    if (fault) throw fault;
    const result = await handler({ params: pathParams, query: req.query, body: req.body, caller: contextOf(req).caller });
    res.status(result.status).json(result.body);
  };
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

type FormContent = { encoding?: Record<string, { contentType?: string }> };

/** Routes whose spec accepts form encodings, for the form decoder, each with its fields that hold JSON text. */
export function formRoutes(spec: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, FormContent> } }>> }): {
  method: 'post' | 'put' | 'patch';
  expressPath: string;
  jsonFields: Set<string>;
}[] {
  return Object.values(operationTable).flatMap((r: OperationRoute) => {
    const content = spec.paths[r.path]?.[r.method]?.requestBody?.content ?? {};
    const forms = ['multipart/form-data', 'application/x-www-form-urlencoded'].flatMap((type) => (content[type] ? [content[type]] : []));
    const jsonFields = new Set(
      forms.flatMap((form) => Object.entries(form.encoding ?? {}).flatMap(([field, e]) => (e.contentType === 'application/json' ? [field] : []))),
    );
    return forms.length > 0 && (r.method === 'post' || r.method === 'put' || r.method === 'patch') ? [{ method: r.method, expressPath: r.expressPath, jsonFields }] : [];
  });
}
