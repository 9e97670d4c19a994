import type { Express, Request } from 'express';

/**
 * Every answer goes out in full: these answers are never served from a client's cache, and
 * openapi.yaml lists no 304 or 412. Express answered `If-None-Match: *` with 304 (its freshness
 * check takes `*` as matching any answer, ETags or not); `req.fresh`, the request property it
 * asks, is false on this app's requests.
 */
export function answerInFull(app: Express): void {
  Object.defineProperty(app.request, 'fresh', { configurable: true, enumerable: true, get: () => false });
}

/** The request headers that make a GET conditional (RFC 9110, 13.1) or a partial one (If-Range). */
const conditionalHeaders = ['if-none-match', 'if-modified-since', 'if-match', 'if-unmodified-since', 'if-range'] as const;

/**
 * For a file sent with res.sendFile, whose sender asks the headers itself: it answered 304 or
 * 412 by its own ETag and Last-Modified, and 412 to any If-Match when it sends no ETag. Only for
 * public files: a signed request's headers are left as they came.
 */
export function dropConditionalHeaders(req: Request): void {
  // Deleted only when present: a delete turns the headers object into a slower dictionary.
  for (const name of conditionalHeaders) if (req.headers[name] !== undefined) delete req.headers[name];
}
