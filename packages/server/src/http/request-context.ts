import type { Request } from 'express';
import type { Caller } from '../domain/caller.js';

/** What the server's own middleware attaches to a request. */
export interface RequestContext {
  requestId: string;
  rawBody: Buffer;
  caller: Caller | undefined;
}

const contexts = new WeakMap<Request, RequestContext>();

export function contextOf(req: Request): RequestContext {
  let ctx = contexts.get(req);
  if (!ctx) {
    ctx = { requestId: '', rawBody: Buffer.alloc(0), caller: undefined };
    contexts.set(req, ctx);
  }
  return ctx;
}
