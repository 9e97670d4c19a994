/**
 * Everything this server relies on in express-openapi-validator, in one file: its options, where
 * our Content-Type guard goes among its middlewares, the error classes it throws, and the
 * memoised route lookup. Each reliance is checked when the app is built, so that another version
 * of the library fails at start with a message, never by quietly validating less.
 */
import { createRequire } from 'node:module';
import * as OpenApiValidator from 'express-openapi-validator';
import type { HttpError, OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import type { RequestHandler } from 'express';
import { invalidHeader } from '../domain/errors.js';
import { contextOf } from './request-context.js';

const validatorRequire = createRequire(createRequire(import.meta.url).resolve('express-openapi-validator'));
// Checked when this module loads: the server does not start without them.
const errorClasses = exportedErrorClasses();

/** What a request failed on, as the validator says it: the first of its errors. */
export interface ValidatorFailure {
  status: number;
  /** Where: `/body/metadata/name`, `/query/limit`, `/headers/content-type`, `/path/...` or the URL path. */
  path: string;
  message: string;
}

/**
 * Request and response validation against openapi.yaml; the spec is compiled once, at startup.
 * The library works on its own deep copy of `spec` (index.js: cloneDeep(options.apiSpec)).
 */
export function openApiValidator(spec: OpenAPIV3.DocumentV3): RequestHandler[] {
  memoiseValidatorRouteLookup();
  const middlewares = OpenApiValidator.middleware({
    apiSpec: spec,
    validateRequests: { allowUnknownQueryParameters: false, coerceTypes: false },
    validateResponses: true,
    // Authentication runs before validation, in our own middleware (token or AK/SK).
    validateSecurity: false,
    ignoreUndocumented: false,
    validateApiSpec: false,
  }) as RequestHandler[];
  // After the middleware that finds the operation (req.openapi), before those that validate.
  const at = middlewares.findIndex((m) => m.name === 'metadataMiddleware');
  if (at < 0) unsupported(`none of its middlewares (${middlewares.map((m) => m.name || '(anonymous)').join(', ')}) is metadataMiddleware`);
  middlewares.splice(at + 1, 0, boundedContentType);
  return middlewares;
}

/** The request's failure when `err` is one of the validator's errors; undefined for any other error. */
export function validatorFailure(err: unknown): ValidatorFailure | undefined {
  if (!errorClasses.some((c) => err instanceof c)) return undefined;
  const { status, errors, path, message } = err as HttpError;
  const first = errors[0];
  return { status, path: first?.path ?? path ?? '', message: first?.message ?? message };
}

type ErrorClass = abstract new (...args: never[]) => HttpError;

/** The classes the library exports as `error` (HttpError's subclasses: every error it throws). */
function exportedErrorClasses(): ErrorClass[] {
  const exported = (OpenApiValidator as { error?: Record<string, unknown> }).error ?? {};
  const classes = Object.values(exported).filter((c): c is ErrorClass => typeof c === 'function');
  for (const name of ['BadRequest', 'NotFound', 'MethodNotAllowed', 'RequestEntityTooLarge', 'UnsupportedMediaType', 'InternalServerError']) {
    if (typeof exported[name] !== 'function') unsupported(`it exports no error class ${name}`);
  }
  return classes;
}

function unsupported(what: string): never {
  const { version } = validatorRequire('./package.json') as { version: string };
  throw new Error(`express-openapi-validator ${version} is not the one this server is built on (5.6.2): ${what}`);
}

/**
 * The validator compiles and caches a request and a response validator per distinct
 * Content-Type header, parameters included: a client varying `; x=<n>` cost ~100 ms of CPU and
 * ~0.5 MB of memory per request, without bound (found by the reliability fuzz). The body is
 * already decoded here, so the validator is shown only the media type, and no type at all for
 * an operation that takes no body: a handful of cache entries per operation.
 */
const boundedContentType: RequestHandler = (req, _res, next) => {
  const header = req.headers['content-type'];
  const operation = (req as { openapi?: { schema?: { requestBody?: unknown } } }).openapi;
  const takesBody = operation?.schema?.requestBody != null;
  // The validator skips an optional body that comes without a type: it would reach the handler unchecked.
  if (!header && takesBody && contextOf(req).rawBody.length > 0) throw invalidHeader('a body needs a Content-Type; send application/json', 415);
  if (header === undefined) return next();
  if (operation && !takesBody) delete req.headers['content-type'];
  else req.headers['content-type'] = header.split(';')[0]!.trim().toLowerCase();
  next();
};

/**
 * The validator finds a request's operation (openapi.metadata.js, lookupRoute) by compiling
 * every route of the spec with path-to-regexp's pathToRegexp, on every request: about 5% of the
 * CPU a kubeconfig costs. It offers no hook for it, so its copy of path-to-regexp gets a memoised
 * pathToRegexp: a spec has a fixed set of routes, and the compiled { regexp, keys } is only read
 * (regexp has no g or y flag, so exec keeps no state). Other callers (Express's router uses its
 * own internal reference) are unaffected.
 */
interface PathToRegexpModule {
  pathToRegexp: ((path: unknown, options?: Record<string, unknown>) => unknown) & { memoised?: true };
}

/** Routes of a spec are few; past this many distinct inputs nothing more is cached. */
const MAX_ROUTE_ENTRIES = 1000;

export function memoiseValidatorRouteLookup(): void {
  const mod = validatorRequire('path-to-regexp') as Partial<PathToRegexpModule>;
  const compile = mod.pathToRegexp;
  if (typeof compile !== 'function') unsupported('its path-to-regexp has no pathToRegexp function');
  if (compile.memoised) return;
  const cache = new Map<string, unknown>();
  const memoised = (path: unknown, options: Record<string, unknown> = {}): unknown => {
    const key = routeCacheKey(path, options);
    if (key === undefined) return compile(path, options);
    let compiled = cache.get(key);
    if (compiled === undefined) {
      compiled = compile(path, options);
      if (cache.size < MAX_ROUTE_ENTRIES) cache.set(key, compiled);
    }
    return compiled;
  };
  mod.pathToRegexp = Object.assign(memoised, { memoised: true as const });
}

/** The validator passes { sensitive, strict } only; any other call is passed through uncached. */
function routeCacheKey(path: unknown, options: Record<string, unknown>): string | undefined {
  if (typeof path !== 'string') return undefined;
  for (const name in options) if (name !== 'sensitive' && name !== 'strict') return undefined;
  return `${options['sensitive'] ? 'S' : 's'}${options['strict'] ? 'T' : 't'}${path}`;
}
