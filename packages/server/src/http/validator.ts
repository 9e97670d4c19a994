import * as OpenApiValidator from 'express-openapi-validator';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import type { RequestHandler } from 'express';

/** Request and response validation against openapi.yaml; the spec is compiled once, at startup. */
export function openApiValidator(spec: OpenAPIV3.DocumentV3): RequestHandler[] {
  return OpenApiValidator.middleware({
    apiSpec: spec,
    validateRequests: { allowUnknownQueryParameters: false, coerceTypes: false },
    validateResponses: true,
    // Authentication runs before validation, in our own middleware (token or AK/SK).
    validateSecurity: false,
    ignoreUndocumented: false,
    validateApiSpec: false,
  }) as RequestHandler[];
}
