import { openapiYamlText, operationTable, type OperationId } from '@ucs-fleet/types';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/** The subset of JSON Schema that openapi.yaml uses for requests. */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  format?: string;
  enum?: unknown[];
  default?: unknown;
  example?: unknown;
  $ref?: string;
}

export interface ParameterModel {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

/** One operation of openapi.yaml as the fuzzer needs it: where it lives, what it takes, what it may answer. */
export interface OperationModel {
  id: OperationId;
  method: string;
  path: string;
  secured: boolean;
  /** The path has a {clustergroupid}: the operation acts on one fleet of the caller. */
  fleetScoped: boolean;
  /** The path has a {clusterid}: the operation acts on one registered cluster of the caller. */
  clusterScoped: boolean;
  query: ParameterModel[];
  /** Media types of the request body and their (resolved) schemas; undefined when the operation takes no body. */
  body: { required: boolean; media: Record<string, JsonSchema> } | undefined;
  /** Methods the spec defines on this operation's path. */
  methodsOnPath: string[];
  statuses: number[];
  /** Marked x-ucs-static: answered as a file before request validation, so its query is not checked. */
  servedAsFile: boolean;
  /** Media types of each response status, from the spec. */
  responseMedia: Record<string, string[]>;
}

interface SpecOperation {
  operationId: string;
  parameters?: unknown[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
  'x-ucs-static'?: boolean;
}
type SpecPathItem = Record<string, SpecOperation | unknown[]> & { parameters?: unknown[] };
interface SpecDoc {
  paths: Record<string, SpecPathItem>;
  components: Record<string, Record<string, unknown>>;
}

export const spec = parse(openapiYamlText) as SpecDoc;

function follow(ref: string): unknown {
  const parts = ref.replace(/^#\//, '').split('/');
  let node: unknown = spec;
  for (const p of parts) node = (node as Record<string, unknown>)[p];
  if (node === undefined) throw new Error(`openapi.yaml: ${ref} does not resolve`);
  return node;
}

function deref<T>(node: unknown): T {
  let n = node as { $ref?: string };
  while (n && typeof n.$ref === 'string') n = follow(n.$ref) as { $ref?: string };
  return n as T;
}

/** The schema with every $ref replaced by what it points to (request schemas are not recursive). */
export function resolveSchema(schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 20) throw new Error('schema nests too deeply (a recursive request schema?)');
  const s = deref<JsonSchema>(schema);
  const out: JsonSchema = { ...s };
  if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, resolveSchema(v, depth + 1)]));
  if (s.items) out.items = resolveSchema(s.items, depth + 1);
  if (typeof s.additionalProperties === 'object') out.additionalProperties = resolveSchema(s.additionalProperties, depth + 1);
  return out;
}

function parameterModel(p: unknown): ParameterModel {
  const d = deref<{ name: string; in: ParameterModel['in']; required?: boolean; schema: JsonSchema }>(p);
  return { name: d.name, in: d.in, required: d.required === true, schema: resolveSchema(d.schema) };
}

const httpMethods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Every operation of the generated operation table, with its request shape read from openapi.yaml. */
export const operations: OperationModel[] = (Object.keys(operationTable) as OperationId[]).map((id) => {
  const route = operationTable[id];
  const item = spec.paths[route.path];
  if (!item) throw new Error(`openapi.yaml has no path ${route.path} for ${id}`);
  const op = item[route.method] as SpecOperation | undefined;
  if (!op || op.operationId !== id) throw new Error(`openapi.yaml has no ${route.method} ${route.path} for ${id}`);
  const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(parameterModel);
  const content = op.requestBody?.content;
  return {
    id,
    method: route.method.toUpperCase(),
    path: route.path,
    secured: route.secured,
    fleetScoped: route.path.includes('{clustergroupid}'),
    clusterScoped: route.path.includes('{clusterid}'),
    query: parameters.filter((p) => p.in === 'query'),
    body: content
      ? {
          required: op.requestBody?.required === true,
          media: Object.fromEntries(Object.entries(content).map(([type, m]) => [type, resolveSchema(m.schema ?? {})])),
        }
      : undefined,
    methodsOnPath: Object.keys(item)
      .filter((k) => httpMethods.includes(k))
      .map((k) => k.toUpperCase()),
    statuses: Object.keys(op.responses ?? {}).map(Number),
    servedAsFile: op['x-ucs-static'] === true,
    responseMedia: Object.fromEntries(
      Object.entries(op.responses ?? {}).map(([status, r]) => [status, Object.keys(deref<{ content?: Record<string, unknown> }>(r).content ?? {})]),
    ),
  };
});

export function operation(id: OperationId): OperationModel {
  const op = operations.find((o) => o.id === id);
  if (!op) throw new Error(`no operation ${id}`);
  return op;
}

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped once more.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;
const ajv = new Ajv({ strict: false, allErrors: false });
addFormats(ajv);
const validators = new Map<string, ValidateFunction>();

/**
 * Whether a decoded JSON body satisfies the operation's application/json schema: the oracle
 * that says which generated bodies the server must refuse, read from the spec and not from
 * the server's code.
 */
export function jsonBodyIsValid(op: OperationModel, value: unknown): boolean {
  const schema = op.body?.media['application/json'];
  if (!schema) return true;
  let v = validators.get(op.id);
  if (!v) {
    v = ajv.compile(schema);
    validators.set(op.id, v);
  }
  return v(value) === true;
}

/** The operation a request reaches, as the spec's path templates match it (undefined: none). */
export function operationAt(method: string, pathname: string): OperationModel | undefined {
  return operations.find((o) => o.method === method.toUpperCase() && new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname));
}
