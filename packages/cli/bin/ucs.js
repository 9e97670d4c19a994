#!/usr/bin/env node
// The `ucs` command. Installed from npm it runs the compiled dist/; in the repository (where
// src/ is, and dist/ may be missing or stale) it runs the TypeScript sources through tsx, so
// `npx ucs` works right after `npm ci`, without a build.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const source = new URL('../src/bin/ucs.ts', import.meta.url);

// Resolves the workspace packages (@ucs-fleet/client...) to their sources, as
// `node --conditions=ucs-source` does.
const sourceConditionHook = `export async function resolve(specifier, context, next) {
  return next(specifier, { ...context, conditions: [...context.conditions, 'ucs-source'] });
}`;

if (existsSync(source)) {
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  register(`data:text/javascript,${encodeURIComponent(sourceConditionHook)}`);
  await import(source.href);
} else {
  await import('../dist/bin/ucs.js');
}
