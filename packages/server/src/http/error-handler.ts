import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { bodyTooLarge, internalError, invalidBody, invalidHeader, invalidQuery, methodNotAllowed, resourceNotFound, storeError, UcsError } from '../domain/errors.js';
import { contextOf } from './request-context.js';
import { validatorFailure, type ValidatorFailure } from './validator.js';
import { DatabaseUnreachableError } from '../store/database-unreachable.js';
import { StoreError } from '../store/store-error.js';

/** The one place any error becomes a response: the UCS error body, never a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const ucs = toUcsError(err, req.method, req.get('content-type'));
    if (ucs.status >= 500) logger.error({ requestId: contextOf(req).requestId, err: describe(err) }, 'request failed');
    if (res.headersSent) return;
    res.status(ucs.status).json({ error_code: ucs.code, error_msg: ucs.message });
  };
}

/**
 * No path of the spec ends in '/', but the validator matches `/healthz/` to `/healthz` and then
 * finds no 404 among that operation's responses (a 500 of its own): such a path is refused first.
 */
export const trailingSlashNotFound: RequestHandler = (req, _res, next) => {
  if (req.path.length > 1 && req.path.endsWith('/')) throw resourceNotFound(`${req.method} ${req.path}`);
  next();
};

/** Anything no route matched. The validator answers for paths in the spec; this is the rest. */
export const notFound: RequestHandler = (req) => {
  throw resourceNotFound(`${req.method} ${req.path}`);
};

function toUcsError(err: unknown, method: string, contentType: string | undefined): UcsError {
  if (err instanceof UcsError) return err;
  if (isBodyParserError(err)) {
    if (err.type === 'entity.too.large') return bodyTooLarge(`larger than ${err.limit} bytes`);
    return invalidBody(err.message);
  }
  const failure = validatorFailure(err);
  if (failure) return fromValidator(failure, method, contentType);
  // A body the reader could not decode (a Content-Encoding that does not match the bytes).
  if (isClientHttpError(err)) return invalidBody('the body cannot be decoded with its Content-Encoding');
  if (isStoreError(err)) return storeError();
  return internalError();
}

function fromValidator(failure: ValidatorFailure, method: string, contentType: string | undefined): UcsError {
  const where = failure.path;
  const detail = `${fieldName(where)} ${failure.message}`.trim();
  switch (failure.status) {
    case 404:
      return resourceNotFound('no such path');
    case 405:
      return methodNotAllowed(method);
    case 413:
      return bodyTooLarge('too large');
    case 415:
      return invalidHeader(`Content-Type ${contentType ?? '(none)'} is not supported by this operation; send application/json`, 415);
    case 400:
      if (where.startsWith('/query')) return invalidQuery(detail);
      if (where.startsWith('/headers')) return invalidHeader(detail);
      if (where.startsWith('/params') || where.startsWith('/path')) return resourceNotFound(detail);
      return invalidBody(detail || 'does not match the schema');
    default:
      return internalError();
  }
}

/** `/body/metadata/name` -> `metadata.name`; `/body` -> `body`. */
function fieldName(path: string): string {
  const parts = path.split('/').filter(Boolean).slice(1);
  return parts.length > 0 ? parts.join('.') : path.split('/').filter(Boolean)[0] ?? '';
}

function isBodyParserError(err: unknown): err is { type: string; message: string; limit?: number } {
  return typeof err === 'object' && err !== null && typeof (err as { type?: unknown }).type === 'string' && 'expose' in err;
}

function isClientHttpError(err: unknown): boolean {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof err === 'object' && err !== null && 'expose' in err && typeof status === 'number' && status >= 400 && status < 500;
}

/** The store reports every failure of its database, on either engine, as a StoreError. */
function isStoreError(err: unknown): boolean {
  return err instanceof StoreError || err instanceof DatabaseUnreachableError;
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
