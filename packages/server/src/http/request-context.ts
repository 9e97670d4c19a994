import type { Request } from 'express';
import type { Caller } from '../domain/caller.js';

/** What the server's own middleware attaches to a request. */
export interface RequestContext {
  requestId: string;
  rawBody: Buffer;
  caller: Caller | undefined;
}

/**
 * Kept on the request itself rather than in a WeakMap keyed by it: a WeakMap's table lives in the
 * old generation, and V8 promoted every context (and its request id) it held to the old
 * generation with it, to be reclaimed only by a full mark-compact.
 */
const context = Symbol('ucs.requestContext');

type WithContext = Request & { [context]?: RequestContext };

/** Shared by every request without a body: it is never written to. */
const emptyBody = Buffer.alloc(0);

export function contextOf(req: Request): RequestContext {
  return ((req as WithContext)[context] ??= { requestId: '', rawBody: emptyBody, caller: undefined });
}
