import { createRequire } from 'node:module';

/**
 * express-openapi-validator 5.6.2 finds a request's operation (openapi.metadata.js, lookupRoute)
 * by compiling every route of the spec with path-to-regexp's pathToRegexp, on every request:
 * about 5% of the CPU a kubeconfig costs. The validator offers no hook for it, so its copy of
 * path-to-regexp gets a memoised pathToRegexp: a spec has a fixed set of routes, and the
 * compiled { regexp, keys } is only read (regexp has no g or y flag, so exec keeps no state).
 * Other callers (Express's router uses its own internal reference) are unaffected.
 */
interface PathToRegexpModule {
  pathToRegexp: ((path: unknown, options?: Record<string, unknown>) => unknown) & { memoised?: true };
}

/** Routes of a spec are few; past this many distinct inputs nothing more is cached. */
const MAX_ENTRIES = 1000;

export function memoiseValidatorRouteLookup(): void {
  const fromValidator = createRequire(createRequire(import.meta.url).resolve('express-openapi-validator'));
  const mod = fromValidator('path-to-regexp') as PathToRegexpModule;
  const compile = mod.pathToRegexp;
  if (compile.memoised) return;
  const cache = new Map<string, unknown>();
  const memoised = (path: unknown, options: Record<string, unknown> = {}): unknown => {
    const key = cacheKey(path, options);
    if (key === undefined) return compile(path, options);
    let compiled = cache.get(key);
    if (compiled === undefined) {
      compiled = compile(path, options);
      if (cache.size < MAX_ENTRIES) cache.set(key, compiled);
    }
    return compiled;
  };
  mod.pathToRegexp = Object.assign(memoised, { memoised: true as const });
}

/** The validator passes { sensitive, strict } only; any other call is passed through uncached. */
function cacheKey(path: unknown, options: Record<string, unknown>): string | undefined {
  if (typeof path !== 'string') return undefined;
  for (const name in options) if (name !== 'sensitive' && name !== 'strict') return undefined;
  return `${options['sensitive'] ? 'S' : 's'}${options['strict'] ? 'T' : 't'}${path}`;
}
