import { openapiJsonText } from '@ucs-fleet/types';

let parsed: unknown;

/**
 * openapi.yaml as an object, parsed once per process from the JSON form the generator embeds.
 * Each call returns a private copy, because the validator rewrites the document it is given.
 */
export function specDocument<T = Record<string, unknown>>(): T {
  parsed ??= JSON.parse(openapiJsonText);
  return structuredClone(parsed) as T;
}
