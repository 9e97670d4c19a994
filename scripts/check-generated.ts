// Fails when a generated file differs from what `npm run generate` would write.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generatedFiles } from './generated-files.js';

const stale = (await generatedFiles()).filter(
  (f) => !existsSync(f.path) || readFileSync(f.path, 'utf8') !== f.content,
);
if (stale.length > 0) {
  for (const f of stale) console.error(`stale: ${relative(process.cwd(), f.path)}`);
  console.error('The generated files do not match openapi.yaml. Fix: npm run generate');
  process.exit(1);
}
console.log('generated files match openapi.yaml');
