import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

export const specPath = fileURLToPath(new URL('../openapi.yaml', import.meta.url));
const typesDir = fileURLToPath(new URL('../packages/types/src/', import.meta.url));
const header = '// Generated from openapi.yaml by `npm run generate`. Do not edit by hand.\n';

const httpMethods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export interface GeneratedFile {
  path: string;
  content: string;
}

export async function generatedFiles(): Promise<GeneratedFile[]> {
  const specText = readFileSync(specPath, 'utf8');
  return [
    { path: `${typesDir}schema.ts`, content: await schemaTypes(specText) },
    { path: `${typesDir}operation-table.ts`, content: operationTable(specText) },
    { path: `${typesDir}spec-text.ts`, content: specModule(specText) },
  ];
}

async function schemaTypes(specText: string): Promise<string> {
  const ast = await openapiTS(specText, { alphabetize: false, exportType: false });
  return header + astToString(ast);
}

// The spec travels inside the types package so that a published server or stub needs no file beside it.
// The JSON form spares every server start a YAML parse (~100 ms and the yaml package).
function specModule(specText: string): string {
  return (
    `${header}/** The text of openapi.yaml. */\nexport const openapiYamlText: string = ${JSON.stringify(specText)};\n\n` +
    `/** openapi.yaml as JSON text (what /openapi.json serves). */\nexport const openapiJsonText: string = ${JSON.stringify(JSON.stringify(parse(specText)))};\n`
  );
}

interface RouteRow {
  operationId: string;
  method: string;
  path: string;
  secured: boolean;
  static: boolean;
}

function operationTable(specText: string): string {
  const rows = routeRows(parse(specText));
  const body = rows
    .map((r) => `  ${r.operationId}: { method: '${r.method}', path: '${r.path}', expressPath: '${expressPath(r.path)}', secured: ${r.secured}, static: ${r.static} },`)
    .join('\n');
  return `${header}import type { operations } from './schema.js';

export interface OperationRoute {
  readonly method: 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';
  readonly path: string;
  readonly expressPath: string;
  /** False for the operations whose spec says security: []. */
  readonly secured: boolean;
  /** True for the operations marked x-ucs-static: the server answers them as files, not through a typed handler. */
  readonly static: boolean;
}

/** Every operation of openapi.yaml, by operationId, with its HTTP method and path. */
export const operationTable = {
${body}
} as const satisfies { readonly [K in keyof operations]: OperationRoute };
`;
}

interface SpecOperation {
  operationId?: string;
  security?: unknown[];
  'x-ucs-static'?: unknown;
}

function routeRows(spec: { paths: Record<string, Record<string, SpecOperation>>; security?: unknown[] }): RouteRow[] {
  const globallySecured = (spec.security ?? []).length > 0;
  const rows: RouteRow[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of httpMethods) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const secured = op.security ? op.security.length > 0 : globallySecured;
      rows.push({ operationId: op.operationId, method, path, secured, static: op['x-ucs-static'] === true });
    }
  }
  return rows;
}

function expressPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}
