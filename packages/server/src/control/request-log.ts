import { operationTable, type OperationId, type controlComponents } from '@ucs-fleet/types';
import type { RequestHandler, Response } from 'express';
import type { Clock } from '../domain/clock.js';
import { contextOf } from '../http/request-context.js';
import { isControlPath } from './paths.js';

/** What is kept of a request (control-openapi.yaml): never a header, a query or a body, so never a credential or secret. */
export type RecordedRequest = controlComponents['schemas']['RecordedRequest'];

/** Past this many, the oldest are dropped: a long run cannot grow the log without bound. */
export const requestLogCapacity = 10_000;

/** The requests the server answered outside the control API, oldest first. */
export class RequestLog {
  #entries: RecordedRequest[] = [];

  add(entry: RecordedRequest): void {
    this.#entries.push(entry);
    if (this.#entries.length > requestLogCapacity) this.#entries.splice(0, this.#entries.length - requestLogCapacity);
  }

  list(): RecordedRequest[] {
    return this.#entries.map((e) => ({ ...e }));
  }

  /** Forgets every request; answers how many there were. */
  clear(): number {
    const count = this.#entries.length;
    this.#entries = [];
    return count;
  }
}

/** Records each answered request that is not a control call, with the time of the server clock. */
export function recordRequests(log: RequestLog, clock: Clock): RequestHandler {
  return (req, res, next) => {
    if (isControlPath(req.path)) return next();
    const errorCode = watchErrorCode(res);
    const path = req.path;
    res.on('finish', () => {
      log.add({
        operationId: operationIdOf(req.method, path),
        method: req.method,
        path,
        status: res.statusCode,
        errorCode: errorCode(),
        requestId: contextOf(req).requestId,
        time: new Date(clock.now()).toISOString(),
      });
    });
    next();
  };
}

/** Every error body goes out through res.json (see http/error-handler.ts); its error_code is all that is kept. */
function watchErrorCode(res: Response): () => string | null {
  let code: string | null = null;
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    const value = (body as { error_code?: unknown } | null)?.error_code;
    if (res.statusCode >= 400 && typeof value === 'string') code = value;
    return json(body);
  };
  return () => code;
}

// The validator's own route lookup is private to it; the table's paths are few and fixed, so a
// regular expression per path is enough.
const routes = (Object.keys(operationTable) as OperationId[]).map((id) => ({
  id,
  method: operationTable[id].method.toUpperCase(),
  pattern: new RegExp(`^${operationTable[id].path.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`),
}));

/** The operation of openapi.yaml that a method and path name, or null. */
export function operationIdOf(method: string, path: string): OperationId | null {
  return routes.find((r) => r.method === method && r.pattern.test(path))?.id ?? null;
}
