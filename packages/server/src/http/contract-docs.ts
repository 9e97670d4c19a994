import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { openapiJsonText, openapiYamlText, operationTable, type OperationId, type OperationRoute } from '@ucs-fleet/types';
import { Router, type RequestHandler } from 'express';
import { specDocument } from '../spec-document.js';
import { resourceNotFound } from '../domain/errors.js';
import { dropConditionalHeaders } from './unconditional.js';
import type { HandledOperationId } from '../routes/handler.js';

/** The operations marked x-ucs-static in openapi.yaml: answered here as files, not by a typed handler. */
export type StaticOperationId = Exclude<OperationId, HandledOperationId>;

/**
 * The contract, served by the server that implements it: the YAML, the same as JSON, and a
 * page rendering it with Redoc. Mounted before authentication and validation (these need no
 * credentials and are not JSON); paths and methods come from the generated operation table, so
 * a new x-ucs-static operation fails compilation until it has a file here. Other methods on
 * these paths fall through to the validator, which answers 405 as for any operation.
 */
export function contractDocs(): RequestHandler {
  const spec = specDocument<{ info: { title: string; version: string } }>();
  const files: { [K in StaticOperationId]: RequestHandler } = {
    ShowOpenApiYaml: yamlFile(openapiYamlText),
    ShowOpenApiJson: jsonFile(openapiJsonText),
    ShowApiDocs: docsPageFile(`${spec.info.title} ${spec.info.version}`, operationTable.ShowOpenApiJson.path),
    ShowApiDocsScript: (req, res, next) => {
      const file = redocBundlePath();
      if (!file) throw resourceNotFound('this installation has no Redoc bundle');
      dropConditionalHeaders(req);
      res.type('text/javascript; charset=utf-8').sendFile(file, { maxAge: '1h', acceptRanges: false }, (err) => {
        if (err && !res.headersSent) next(err);
      });
    },
  };
  return contractFiles(files, operationTable);
}

/**
 * A router for the files of a contract's x-ucs-static operations. Express would answer OPTIONS
 * itself (200, "GET, HEAD") and HEAD with the GET route; the spec has neither here, so any
 * method but the operations' own goes on to the validator's 405 (and an API call does not even
 * enter this router).
 */
export function contractFiles<K extends string>(
  files: Record<K, RequestHandler>,
  table: { readonly [P in NoInfer<K>]: Pick<OperationRoute, 'method' | 'expressPath'> },
): RequestHandler {
  const ids = Object.keys(files) as K[];
  const router = Router({ strict: true, caseSensitive: true });
  for (const id of ids) router[table[id].method](table[id].expressPath, files[id]);
  const methods = new Set(ids.map((id) => table[id].method.toUpperCase()));
  return (req, res, next) => (methods.has(req.method) ? router(req, res, next) : next());
}

export const yamlFile =
  (text: string): RequestHandler =>
  (_req, res) => {
    res.type('text/yaml; charset=utf-8').send(text);
  };

export const jsonFile =
  (text: string): RequestHandler =>
  (_req, res) => {
    res.type('application/json; charset=utf-8').send(text);
  };

/** The Redoc page of the document served at specPath. */
export const docsPageFile =
  (title: string, specPath: string): RequestHandler =>
  (_req, res) => {
    res.set('Content-Security-Policy', docsPagePolicy).type('text/html; charset=utf-8').send(docsPage(title, specPath));
  };

// Everything the page loads comes from this server: the policy makes the browser refuse any
// other origin, so a page that works here works on a machine without internet access (Redoc's
// "API docs by" badge points at a CDN image: refused, Redoc hides it). Redoc injects its styles
// (styled-components). The icon link stops the browser asking for /favicon.ico, a path the API
// does not have.
const docsPagePolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A page rendering the OpenAPI document at specPath with the Redoc bundle this server serves. */
function docsPage(title: string, specPath: string): string {
  const paths = { spec: specPath, script: operationTable.ShowApiDocsScript.path };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
</head>
<body>
<redoc spec-url="${paths.spec}" disable-telemetry="true"></redoc>
<script type="module" src="${paths.script}"></script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

let redocBundle: string | null | undefined;

/**
 * Redoc's standalone bundle: copied into dist/assets/ by scripts/build.ts for the published
 * package; in the repository, the copy that @redocly/cli (the spec linter) ships.
 */
export function redocBundlePath(): string | undefined {
  if (redocBundle === undefined) {
    const candidates = [fileURLToPath(new URL('../assets/redoc.standalone.js', import.meta.url)), fromRedoclyCli()];
    redocBundle = candidates.find((f): f is string => f !== undefined && existsSync(f)) ?? null;
  }
  return redocBundle ?? undefined;
}

function fromRedoclyCli(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('@redocly/cli/lib/chunks/redoc.standalone.js');
  } catch {
    return undefined;
  }
}
