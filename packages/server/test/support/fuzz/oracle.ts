import { specProblems } from '../spec-check.js';
import { separateKnownGaps } from './contract-gaps.js';
import type { FuzzCase } from './materialize.js';
import { operationAt } from './spec-model.js';
import type { WireResponse } from './wire.js';

export interface Verdict {
  violations: string[];
  /** Known contract gaps this answer fell into (see contract-gaps.ts). */
  gaps: string[];
}

/** GETs that change state by the UCS design: the agent manifests of a cluster are downloaded once (IsDownloadedCert). */
const getsThatWrite = new Set(['ShowClusterAccessInfo']);

const stackTrace = /\n\s+at |\bat [\w.<>]+ \(|\.[cm]?[jt]s:\d+|node_modules|SqliteError|TypeError|RangeError|ReferenceError|SyntaxError:/;
const ucsCode = /^UCS\.\d{8}$/;

/**
 * The properties every answer must have, whatever was sent: no 5xx, the shape openapi.yaml
 * gives it, a UCS error code and X-Request-Id on every 4xx, no stack trace, no state change
 * unless it is a 2xx to a write, and no success for a request the contract refuses.
 */
export function judge(c: FuzzCase, r: WireResponse, stateChanged: boolean): Verdict {
  const violations: string[] = [];
  if (r.status >= 500) violations.push(`a ${r.status}`);
  const raw = contractProblems(c.wire.method, routedPath(c.wire.path), r);
  const { problems, gaps } = separateKnownGaps(raw);
  violations.push(...problems.map((p) => `openapi.yaml: ${p}`));
  const requestId = r.headers.get('x-request-id');
  if (!requestId) violations.push('no X-Request-Id');
  if (c.clientRequestId !== undefined && requestId === c.clientRequestId) violations.push('X-Request-Id echoes the value the client chose');
  if (r.status >= 400 && r.status < 500 && c.wire.method !== 'HEAD') {
    const code = (r.body as { error_code?: unknown } | undefined)?.error_code;
    if (typeof code !== 'string' || !ucsCode.test(code)) violations.push(`a ${r.status} without a UCS error code`);
  }
  const json = (r.headers.get('content-type') ?? '').includes('json');
  if ((r.status >= 400 || json) && stackTrace.test(r.text)) violations.push('the answer carries a stack trace or internals');
  const success = r.status >= 200 && r.status < 300;
  if (stateChanged && !success) violations.push(`the store changed on a ${r.status}`);
  if (stateChanged && (c.wire.method === 'GET' || c.wire.method === 'HEAD') && !(success && getsThatWrite.has(c.operationId))) violations.push(`the store changed on a ${c.wire.method}`);
  if (c.mustFail.length > 0 && r.status < 400) violations.push(`accepted (${r.status}) although ${c.mustFail.join('; ')}`);
  if (c.exactStatus && r.status !== c.exactStatus.status) violations.push(`${r.status} instead of ${c.exactStatus.status} (${c.exactStatus.why})`);
  return { violations, gaps };
}

/**
 * The path as Express routes it, for the spec check: Express never resolves dot segments,
 * but the URL parser in specProblems would, so each `.` or `..` segment is kept as a name.
 */
export function routedPath(target: string): string {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const rest = q < 0 ? '' : target.slice(q);
  return path
    .split('/')
    .map((s) => (/^(\.|%2e){1,2}$/i.test(s) ? '_dot_' : s))
    .join('/') + rest;
}

/** A short, printable account of a request and its answer, for failure messages. */
export function describeExchange(c: FuzzCase, r: WireResponse | undefined): string {
  const head = c.wire.headers.map(([n, v]) => `${n}: ${v.length > 80 ? `${v.slice(0, 80)}...(${v.length})` : v}`).join('\n    ');
  const body = c.wire.body === undefined ? '(none)' : c.wire.body.length > 300 ? `${c.wire.body.subarray(0, 300).toString('utf8')}...(${c.wire.body.length} bytes)` : c.wire.body.toString('utf8');
  const path = c.wire.path.length > 200 ? `${c.wire.path.slice(0, 200)}...(${c.wire.path.length})` : c.wire.path;
  return [
    `${c.operationId}: ${c.wire.method} ${path}${c.wire.chunked ? ' (chunked)' : ''}`,
    `  mutations: ${c.labels.join(', ') || '(none: a valid request)'}`,
    `  headers:\n    ${head}`,
    `  body: ${body}`,
    r ? `  -> ${r.status} ${r.text.slice(0, 400)}` : '  -> no answer',
  ].join('\n');
}

/**
 * specProblems for JSON answers; for an operation whose answer the spec types as another
 * media type (the docs pages, the YAML), the status, the media type and X-Request-Id.
 */
function contractProblems(method: string, url: string, r: WireResponse): string[] {
  const pathname = new URL(url, 'http://x').pathname;
  const op = operationAt(method === 'HEAD' ? 'GET' : method, pathname);
  if (method === 'HEAD') {
    // HTTP's HEAD is GET without the body: its status must be one GET may answer, or an error.
    const problems = r.headers.get('x-request-id') ? [] : ['no X-Request-Id header'];
    if (r.status < 400 && !op?.statuses.includes(r.status)) problems.push(`a ${r.status} to HEAD where GET does not answer it`);
    return problems;
  }
  const media = op?.responseMedia[String(r.status)];
  if (!op || !media || media.length === 0 || media.includes('application/json')) {
    return specProblems({ method, url, status: r.status, headers: r.headers, body: r.body });
  }
  const problems: string[] = [];
  if (!r.headers.get('x-request-id')) problems.push('no X-Request-Id header');
  const type = (r.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (method !== 'HEAD' && !media.includes(type)) problems.push(`body of type ${type || '(none)'} where the spec says ${media.join(' or ')}`);
  return problems;
}
