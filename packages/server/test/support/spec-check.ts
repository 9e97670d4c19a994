import { openapiYamlText } from '@ucs-fleet/types';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped once more.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

interface SpecDoc {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }> }>>;
  'x-ucs-connection-answers': Record<string, { $ref: string }>;
  components: { responses: Record<string, { 'x-ucs-error-codes'?: string[] }> };
}

const spec = parse(openapiYamlText) as SpecDoc;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(spec as object, 'spec');
const compiled = new Map<string, ValidateFunction>();

export interface SeenResponse {
  method: string;
  url: string;
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * Checks any response the tests receive against openapi.yaml, errors included (the server's
 * validator checks neither the errors it raises nor 5xx answers). Throws with what is wrong.
 */
export function assertMatchesSpec(r: SeenResponse): void {
  const problems = specProblems(r);
  if (problems.length > 0) throw new Error(`${r.method} ${r.url} -> ${r.status} breaks openapi.yaml:\n  ${problems.join('\n  ')}`);
}

export function specProblems(r: SeenResponse): string[] {
  const problems: string[] = [];
  if (!r.headers.get('x-request-id')) problems.push('no X-Request-Id header');
  const template = matchPath(new URL(r.url, 'http://x').pathname);
  const method = r.method.toLowerCase();
  const operation = template ? spec.paths[template]?.[method] : undefined;
  let pointer: string;
  if (operation) {
    const status = String(r.status);
    if (!operation.responses?.[status]) return [...problems, `status ${status} is not defined for ${method} ${template}`];
    if (!operation.responses[status]?.content) return problems;
    pointer = `spec#/paths/${escape(template!)}/${method}/responses/${status}/content/application~1json/schema`;
  } else {
    if (r.status < 400) return [...problems, `a ${r.status} for a path or method the spec does not have`];
    pointer = 'spec#/components/schemas/UcsError';
  }
  const validate = validatorFor(pointer);
  if (!validate(r.body)) problems.push(...(validate.errors ?? []).map((e) => `body${e.instancePath} ${e.message ?? ''}`));
  return problems;
}

/**
 * Checks an answer given before any operation (openapi.yaml, x-ucs-connection-answers): its
 * status is listed there, its body is a UcsError with one of the codes that response names,
 * and it has an X-Request-Id.
 */
export function connectionAnswerProblems(r: { status: number; headers: Headers; body: unknown }): string[] {
  const problems: string[] = [];
  if (!r.headers.get('x-request-id')) problems.push('no X-Request-Id header');
  const ref = spec['x-ucs-connection-answers'][String(r.status)]?.$ref;
  if (!ref) return [...problems, `status ${r.status} is not in x-ucs-connection-answers`];
  const codes = spec.components.responses[ref.split('/').at(-1)!]?.['x-ucs-error-codes'] ?? [];
  const validate = validatorFor('spec#/components/schemas/UcsError');
  if (!validate(r.body)) return [...problems, ...(validate.errors ?? []).map((e) => `body${e.instancePath} ${e.message ?? ''}`)];
  const code = (r.body as { error_code: string }).error_code;
  if (!codes.includes(code)) problems.push(`error_code ${code} is not one of ${ref}'s x-ucs-error-codes (${codes.join(', ')})`);
  return problems;
}

function validatorFor(pointer: string): ValidateFunction {
  let v = compiled.get(pointer);
  if (!v) {
    v = ajv.compile({ $ref: pointer });
    compiled.set(pointer, v);
  }
  return v;
}

function matchPath(pathname: string): string | undefined {
  return Object.keys(spec.paths).find((template) => {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return pattern.test(pathname);
  });
}

function escape(template: string): string {
  return template.replace(/~/g, '~0').replace(/\//g, '~1').replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}
