import { openapiJsonText } from '@ucs-fleet/types';

let parsed: unknown;

/**
 * openapi.yaml as an object, parsed once per process from the JSON form the generator embeds.
 * Every caller shares it, so it is frozen: a reader that tried to change it would throw at start
 * (the validator rewrites only its own deep copy, see http/validator.ts).
 */
export function specDocument<T = Record<string, unknown>>(): T {
  parsed ??= deepFreeze(JSON.parse(openapiJsonText));
  return parsed as T;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
