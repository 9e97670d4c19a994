import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { coverageFigure, coverageMarkdown, coveragePath, readmeWithCoverage } from './coverage.js';

export const specPath = fileURLToPath(new URL('../openapi.yaml', import.meta.url));
export const controlSpecPath = fileURLToPath(new URL('../control-openapi.yaml', import.meta.url));
const typesDir = fileURLToPath(new URL('../packages/types/src/', import.meta.url));
const header = (source: string) => `// Generated from ${source} by \`npm run generate\`. Do not edit by hand.\n`;

const httpMethods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Every path of the control API starts with it, and no path of openapi.yaml may. */
export const controlPathPrefix = '/__control/';

export interface GeneratedFile {
  path: string;
  content: string;
}

export async function generatedFiles(): Promise<GeneratedFile[]> {
  const specText = readFileSync(specPath, 'utf8');
  const controlText = readFileSync(controlSpecPath, 'utf8');
  const spec = parse(specText) as Spec;
  const control = parse(controlText) as Spec;
  checkPathPrefixes(spec, control);
  return [
    { path: `${typesDir}schema.ts`, content: await schemaTypes(specText, 'openapi.yaml') },
    { path: `${typesDir}operation-table.ts`, content: operationTable(spec) },
    { path: `${typesDir}spec-text.ts`, content: specModule(specText, spec, 'openapi.yaml', 'openapi') },
    { path: `${typesDir}control-schema.ts`, content: await schemaTypes(controlText, 'control-openapi.yaml') },
    { path: `${typesDir}control-operation-table.ts`, content: controlOperationTable(control) },
    { path: `${typesDir}control-spec-text.ts`, content: specModule(controlText, control, 'control-openapi.yaml', 'controlOpenapi') },
    { path: coveragePath, content: coverageMarkdown() },
    readmeWithCoverage(coverageFigure()),
  ];
}

async function schemaTypes(specText: string, source: string): Promise<string> {
  const ast = await openapiTS(specText, { alphabetize: false, exportType: false });
  return header(source) + astToString(ast);
}

// The spec travels inside the types package so that a published server or stub needs no file beside it.
// The JSON form spares every server start a YAML parse (~100 ms and the yaml package).
function specModule(specText: string, spec: Spec, source: string, name: string): string {
  return (
    `${header(source)}/** The text of ${source}. */\nexport const ${name}YamlText: string = ${JSON.stringify(specText)};\n\n` +
    `/** ${source} as JSON text. */\nexport const ${name}JsonText: string = ${JSON.stringify(JSON.stringify(spec))};\n`
  );
}

/** The control API lives under its own prefix, so that it can never shadow a UCS path. */
function checkPathPrefixes(spec: Spec, control: Spec): void {
  const taken = Object.keys(spec.paths).filter((p) => p.startsWith(controlPathPrefix.slice(0, -1)));
  if (taken.length > 0) throw new Error(`openapi.yaml: ${taken.join(', ')} lies under the control API's reserved prefix ${controlPathPrefix}`);
  const outside = Object.keys(control.paths).filter((p) => !p.startsWith(controlPathPrefix));
  if (outside.length > 0) throw new Error(`control-openapi.yaml: ${outside.join(', ')} is not under ${controlPathPrefix}`);
}

interface Spec {
  paths: Record<string, Record<string, SpecOperation>>;
  security?: unknown[];
  components?: {
    responses?: Record<string, SpecResponse>;
    schemas?: Record<string, { enum?: string[]; 'x-enumDescriptions'?: Record<string, string> }>;
  };
}

interface SpecOperation {
  operationId?: string;
  security?: unknown[];
  'x-ucs-static'?: unknown;
  responses?: Record<string, SpecResponse>;
}

interface SpecResponse {
  $ref?: string;
  'x-ucs-error-codes'?: string[];
}

interface RouteRow {
  operationId: string;
  method: string;
  path: string;
  secured: boolean;
  static: boolean;
  /** Each error status of the operation with the UCS codes its response may carry, the usual one first. */
  errors: [number, string[]][];
}

function operationTable(spec: Spec): string {
  const rows = routeRows(spec);
  const meanings = errorCodeMeanings(spec);
  const body = rows.map((r) => `  ${r.operationId}: ${routeLiteral(r)},`).join('\n');
  const meaningRows = Object.entries(meanings).map(([code, meaning]) => `  '${code}': ${JSON.stringify(meaning)},`).join('\n');
  return `${header('openapi.yaml')}import type { components, operations } from './schema.js';

type UcsErrorCode = components['schemas']['UcsErrorCode'];

export interface OperationRoute {
  readonly method: 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';
  readonly path: string;
  readonly expressPath: string;
  /** False for the operations whose spec says security: []. */
  readonly secured: boolean;
  /** True for the operations marked x-ucs-static: the server answers them as files, not through a typed handler. */
  readonly static: boolean;
  /** Each error status of the operation and the UCS codes its response may carry (x-ucs-error-codes), the usual one first. */
  readonly errors: { readonly [status: number]: readonly UcsErrorCode[] };
}

/** Every operation of openapi.yaml, by operationId, with its HTTP method, path and error statuses. */
export const operationTable = {
${body}
} as const satisfies { readonly [K in keyof operations]: OperationRoute };

/** What each UCS error code means (x-enumDescriptions of UcsErrorCode). */
export const ucsErrorMeanings = {
${meaningRows}
} as const satisfies { readonly [C in UcsErrorCode]: string };
`;
}

function controlOperationTable(spec: Spec): string {
  const rows = routeRows(spec, false);
  const body = rows.map((r) => `  ${r.operationId}: ${routeLiteral(r, false)},`).join('\n');
  return `${header('control-openapi.yaml')}import type { OperationRoute } from './operation-table.js';
import type { operations } from './control-schema.js';

/** The prefix of every path of control-openapi.yaml; no path of openapi.yaml starts with it. */
export const controlPathPrefix = '${controlPathPrefix}';

/** Every operation of control-openapi.yaml, by operationId, with its HTTP method and path. */
export const controlOperationTable = {
${body}
} as const satisfies { readonly [K in keyof operations]: Omit<OperationRoute, 'errors'> };
`;
}

function routeLiteral(r: RouteRow, withErrors = true): string {
  const errors = r.errors.map(([status, codes]) => `${status}: [${codes.map((c) => `'${c}'`).join(', ')}]`).join(', ');
  const fields = [`method: '${r.method}'`, `path: '${r.path}'`, `expressPath: '${expressPath(r.path)}'`, `secured: ${r.secured}`, `static: ${r.static}`];
  if (withErrors) fields.push(`errors: { ${errors} }`);
  return `{ ${fields.join(', ')} }`;
}

function routeRows(spec: Spec, withErrors = true): RouteRow[] {
  const globallySecured = (spec.security ?? []).length > 0;
  const rows: RouteRow[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of httpMethods) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const secured = op.security ? op.security.length > 0 : globallySecured;
      rows.push({ operationId: op.operationId, method, path, secured, static: op['x-ucs-static'] === true, errors: withErrors ? errorRows(spec, op) : [] });
    }
  }
  return rows;
}

/** The x-ucs-error-codes of each error response of an operation, following a $ref to components.responses. */
function errorRows(spec: Spec, op: SpecOperation): [number, string[]][] {
  const known = new Set(spec.components?.schemas?.UcsErrorCode?.enum ?? []);
  return Object.entries(op.responses ?? {})
    .filter(([status]) => Number(status) >= 400)
    .map(([status, response]) => {
      const resolved = response.$ref ? spec.components?.responses?.[response.$ref.replace('#/components/responses/', '')] : response;
      const codes = resolved?.['x-ucs-error-codes'];
      if (!codes || codes.length === 0) throw new Error(`${op.operationId} ${status}: the response has no x-ucs-error-codes`);
      const unknown = codes.filter((c) => !known.has(c));
      if (unknown.length > 0) throw new Error(`${op.operationId} ${status}: ${unknown.join(', ')} is not in the UcsErrorCode enum`);
      return [Number(status), codes];
    });
}

function errorCodeMeanings(spec: Spec): Record<string, string> {
  const schema = spec.components?.schemas?.UcsErrorCode;
  const meanings = schema?.['x-enumDescriptions'] ?? {};
  const missing = (schema?.enum ?? []).filter((code) => !meanings[code]);
  if (missing.length > 0) throw new Error(`openapi.yaml: UcsErrorCode has no x-enumDescriptions for ${missing.join(', ')}`);
  return Object.fromEntries((schema?.enum ?? []).map((code) => [code, meanings[code]!]));
}

function expressPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}
