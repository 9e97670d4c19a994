// Regenerates everything derived from openapi.yaml: the openapi-typescript types and the
// server's operation table. Run with `npm run generate`; CI fails when the output is stale.
import { writeFileSync } from 'node:fs';
import { generatedFiles } from './generated-files.js';

for (const file of await generatedFiles()) {
  writeFileSync(file.path, file.content);
  console.log(`wrote ${file.path}`);
}
