import * as OpenApiValidator from 'express-openapi-validator';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import type { RequestHandler } from 'express';
import { memoiseValidatorRouteLookup } from './validator-route-memo.js';

/** Request and response validation against openapi.yaml; the spec is compiled once, at startup. */
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
  middlewares.splice(at + 1, 0, boundedContentType);
  return middlewares;
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
  if (header === undefined) return next();
  const operation = (req as { openapi?: { schema?: { requestBody?: unknown } } }).openapi;
  if (operation && operation.schema?.requestBody == null) delete req.headers['content-type'];
  else req.headers['content-type'] = header.split(';')[0]!.trim().toLowerCase();
  next();
};
