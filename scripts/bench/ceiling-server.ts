// A ceiling for the benchmark: Express 5 answering the kubeconfig POST with a static document.
//   --mode bare       express.json() + the handler: what Express itself costs.
//   --mode validator  the same plus express-openapi-validator on openapi.yaml with the reference
//                     server's options (request and response validation, security left to the
//                     app): what the validated pipeline costs before any of our own work.
// Usage: node --import tsx scripts/bench/ceiling-server.ts --mode bare|validator --port N [--host H]
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import express, { type RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { parse } from 'yaml';
import { expressMessageClasses } from '@ucs-fleet/server/express-prototypes';
import { staticKubeconfig } from './static-kubeconfig.js';

const { values } = parseArgs({
  options: { mode: { type: 'string' }, port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' }, spec: { type: 'string' } },
});
const mode = values.mode;
if (mode !== 'bare' && mode !== 'validator') throw new Error('--mode must be bare or validator');
const port = Number(values.port ?? '0');

const app = express();
app.disable('x-powered-by');
app.use(express.json());
if (mode === 'validator') {
  const specPath = values.spec ?? new URL('../../openapi.yaml', import.meta.url).pathname;
  app.use(
    OpenApiValidator.middleware({
      apiSpec: parse(readFileSync(specPath, 'utf8')),
      validateRequests: { allowUnknownQueryParameters: false, coerceTypes: false },
      validateResponses: true,
      validateSecurity: false,
      ignoreUndocumented: false,
      validateApiSpec: false,
    }) as RequestHandler[],
  );
}
app.post('/v1/clustergroups/:clustergroupid/kubeconfig', (_req, res) => {
  res.setHeader('X-Request-Id', randomUUID());
  res.status(201).json(staticKubeconfig);
});

// Requests built with Express's prototypes, as the reference server builds them: without this,
// Express's per-request prototype change costs more than everything a ceiling measures.
const server = createServer(expressMessageClasses(app), app).listen(port, values.host ?? '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`ceiling ${mode} listening on ${typeof address === 'object' && address ? address.port : port}\n`);
});
const stop = (): void => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
