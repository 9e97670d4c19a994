import { openapiYamlText } from '@ucs-fleet/types';
import { parse } from 'yaml';

let parsed: unknown;

/**
 * openapi.yaml as an object, parsed once per process (a YAML parse costs ~100 ms of start-up).
 * Each call returns a private copy, because the validator rewrites the document it is given.
 */
export function specDocument<T = Record<string, unknown>>(): T {
  parsed ??= parse(openapiYamlText);
  return structuredClone(parsed) as T;
}
