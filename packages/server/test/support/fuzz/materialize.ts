import { createHash } from 'node:crypto';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { signRequest } from '@ucs-fleet/apig-signer';
import { mutationLabel, type Mutation, type Recipe } from './generators.js';
import { jsonBodyIsValid, operations, type OperationModel } from './spec-model.js';
import type { WireRequest } from './wire.js';

/** What the fuzzer may use when it turns a recipe into bytes: credentials and the fleets that exist now. */
export interface FuzzContext {
  bodyLimit: number;
  token: string;
  otherAccountToken: string;
  accessKey: string;
  secretKey: string;
  domainId: string;
  /** Fleets of the caller's account (domainId) and of the other account, as they stand now. */
  ownFleets: () => string[];
  foreignFleets: () => string[];
  /** Registered clusters of the caller's account and of the other account, as they stand now. */
  ownClusters: () => string[];
  foreignClusters: () => string[];
}

/** A request ready to send, with what the contract lets us predict about its answer. */
export interface FuzzCase {
  operationId: string;
  wire: WireRequest;
  labels: string[];
  /** Reasons the request must not succeed (any one is enough): it breaks the contract or is not the caller's. */
  mustFail: string[];
  /** A status the pipeline must answer with, when the stage that decides it is known. */
  exactStatus?: { status: number; why: string };
  /** The X-Request-Id the client sent, which the server must not echo. */
  clientRequestId?: string;
  /** The caller the request authenticates as, when it does. */
  callerDomain: string | undefined;
}

/** Paths of the operations that need no credentials (the server decides on the path alone). */
const publicPaths = new Set(operations.filter((o) => !o.secured).map((o) => o.path));

const jsonTypes = new Set(['application/json', 'application/json; charset=utf-8', 'Application/JSON']);

/** True: the type of this encoding; undefined: the same media type with other parameters; false: another type. */
function contentTypeVerdict(sent: string | undefined, encoding: Recipe['encoding']): boolean | undefined {
  if (sent === undefined) return false;
  const expected = encoding === 'urlencoded' ? 'application/x-www-form-urlencoded' : encoding === 'multipart' ? multipartType : 'application/json';
  if (sent === expected || (encoding === 'json' && jsonTypes.has(sent))) return true;
  const base = (t: string) => t.split(';')[0]!.trim().toLowerCase();
  return base(sent) === base(expected) ? undefined : false;
}
let gzipBombCache: Buffer | undefined;

export function materialize(recipe: Recipe, ctx: FuzzContext): FuzzCase {
  const { op } = recipe;
  const labels = recipe.mutations.map(mutationLabel);
  const mustFail: string[] = [];
  let method = op.method;
  // The path's id: a fleet's, or a cluster's for the cluster operations; the id mutations change it alike.
  const own = op.clusterScoped ? ctx.ownClusters() : ctx.ownFleets();
  const knownId = own.length > 0 ? own[recipe.fleet % own.length]! : 'no-fleet-left';
  let idSegment = encodeURIComponent(knownId);
  let idOwner: 'own' | 'foreign' | 'none' = own.length > 0 ? 'own' : 'none';
  let query = recipe.query.map(([name, value]) => ({ name, value, invalid: false }));
  let body: unknown = withKnownIds(structuredCloneOwn(recipe.body), ctx, recipe.fleet);
  let rawBody: Buffer | undefined;
  let contentTypes: string[] | undefined;
  let encoding: string | undefined;
  let chunked = false;
  const shapes: string[] = [];
  const extraHeaders: [string, string][] = [];
  let badAuth: Extract<Mutation, { kind: 'auth' }> | undefined;
  let account: 'own' | 'other' = 'own';
  let domainMismatch = false;

  for (const m of recipe.mutations) {
    switch (m.kind) {
      case 'method':
        method = m.method;
        break;
      case 'fleet-id':
        idSegment = m.id.replace('{known}', encodeURIComponent(knownId)).replace('{KNOWN}', encodeURIComponent(knownId.toUpperCase()));
        idOwner = 'none';
        break;
      case 'foreign-fleet': {
        const foreign = op.clusterScoped ? ctx.foreignClusters() : ctx.foreignFleets();
        if (foreign.length > 0) {
          idSegment = encodeURIComponent(foreign[m.index % foreign.length]!);
          idOwner = 'foreign';
        }
        break;
      }
      case 'path-shape':
        shapes.push(m.shape);
        // A percent-encoded letter is the same URI (RFC 3986, 6.2.2.2): no outcome is predicted for it.
        if (m.shape !== 'encoded-letter') mustFail.push(`the path shape ${m.shape} is not a path of the contract`);
        break;
      case 'query': {
        const added = m.params.map(([name, value]) => ({ name, value, invalid: m.invalid }));
        query = m.replace ? [...query.filter((q) => !m.params.some(([p]) => p === q.name)), ...added] : [...query, ...added];
        break;
      }
      case 'body-field':
        body = applyField(body, m.path, m.remove, m.value);
        break;
      case 'body-raw':
        rawBody = m.make(ctx.bodyLimit);
        break;
      case 'content-type':
        contentTypes = m.values;
        break;
      case 'encoding':
        encoding = m.encoding;
        break;
      case 'chunked':
        chunked = true;
        break;
      case 'auth':
        badAuth = m;
        break;
      case 'other-account':
        account = 'other';
        break;
      case 'domain-mismatch':
        domainMismatch = true;
        break;
      case 'headers':
        extraHeaders.push(...m.headers);
        break;
    }
  }

  // HEAD is GET without the body (RFC 9110), on a path that has GET.
  if (method !== op.method && !(method === 'HEAD' && op.methodsOnPath.includes('GET'))) mustFail.push(`${method} is not an operation of ${op.path}`);
  // The contract's files are answered before validation: their query plays no part.
  if (!op.servedAsFile) {
    // `?&` carries no parameter: an entry with neither name nor value is not one.
    const names = query.filter((q) => !rendersNothing(q)).map((q) => q.name);
    const repeated = names.filter((n, i) => names.indexOf(n) !== i);
    if (repeated.length > 0) mustFail.push(`query parameter ${repeated[0]} is repeated`);
    const bad = query.find((q) => q.invalid);
    if (bad) mustFail.push(`query ${bad.name}=${bad.value.slice(0, 16)} breaks the contract`);
  }

  // ---- the path
  // An account-scoped path (ShowQuota) names the fuzzing account, as a caller names its own.
  let path = op.path.replace('{clustergroupid}', idSegment).replace('{clusterid}', idSegment).replace('{domainid}', encodeURIComponent(ctx.domainId));
  for (const shape of shapes) path = reshape(path, shape);
  const queryText = query.map((q) => (rendersNothing(q) ? '' : `${q.name}=${q.value}`)).join('&');
  const target = queryText ? `${path}?${queryText}` : path;
  const isPublicPath = publicPaths.has(path);

  // ---- the body, and whether the contract takes it
  const serialization = recipe.encoding;
  let bytes: Buffer | undefined;
  let bodyVerdict: 'valid' | 'invalid' | 'unknown' = 'valid';
  let decodedBody: Buffer | undefined;
  if (rawBody !== undefined) {
    bytes = rawBody;
    bodyVerdict = rawVerdict(op, rawBody);
  } else if (op.body) {
    bytes = serialize(body, serialization);
    bodyVerdict = jsonBodyIsValid(op, body) ? 'valid' : 'invalid';
  }
  decodedBody = bytes;
  const defaultType = serialization === 'urlencoded' ? 'application/x-www-form-urlencoded' : serialization === 'multipart' ? multipartType : 'application/json';
  const sentTypes = contentTypes ?? (bytes !== undefined ? [defaultType] : []);
  const effectiveType = sentTypes[0];
  if (op.body) {
    const typeOk = contentTypeVerdict(effectiveType, rawBody !== undefined ? 'json' : serialization);
    if (typeOk === false) mustFail.push(`Content-Type ${effectiveType ?? '(none)'} is not the encoding of this body`);
    if (typeOk === undefined && bodyVerdict === 'valid') bodyVerdict = 'unknown';
    if (bytes === undefined || bytes.length === 0) {
      if (op.body.required) mustFail.push('the required body is missing');
    } else if (bodyVerdict === 'invalid') mustFail.push('the body breaks the schema');
  }

  // ---- content coding
  let codingBreaks = false;
  if (encoding !== undefined && bytes !== undefined) {
    switch (encoding) {
      case 'gzip':
        bytes = gzipSync(bytes);
        break;
      case 'deflate':
        bytes = deflateSync(bytes);
        break;
      case 'gzip-garbage':
      case 'br-garbage':
      case 'unknown-coding':
        if (bytes.length > 0) codingBreaks = true;
        break;
      case 'gzip-bomb':
        gzipBombCache ??= gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
        bytes = gzipBombCache;
        decodedBody = Buffer.alloc(8 * 1024 * 1024, 0x20);
        break;
      case 'identity':
        break;
    }
    if (encoding === 'br-garbage') bytes = Buffer.concat([bytes, brotliCompressSync(Buffer.from('x')).subarray(0, 1)]);
  }
  const codingHeader =
    encoding === undefined
      ? undefined
      : { gzip: 'gzip', deflate: 'deflate', 'gzip-garbage': 'gzip', 'br-garbage': 'br', 'unknown-coding': 'x-fuzz', 'gzip-bomb': 'gzip', identity: 'identity' }[encoding];

  // The contract's files (x-ucs-static) are answered before the body is read: a body sent with them plays no part.
  const answeredAsFile = op.servedAsFile && (method === 'GET' || method === 'HEAD') && shapes.length === 0;
  if (answeredAsFile) codingBreaks = false;
  const oversize = !answeredAsFile && ((decodedBody?.length ?? 0) > ctx.bodyLimit || (bytes?.length ?? 0) > ctx.bodyLimit);
  if (codingBreaks) mustFail.push(`Content-Encoding ${encoding} cannot be decoded`);
  if (oversize) mustFail.push('the body is over the limit');
  const preAuthVerdict = oversize || codingBreaks;

  // ---- headers and credentials
  const headers: [string, string][] = [];
  for (const t of sentTypes) headers.push(['Content-Type', t]);
  if (codingHeader && bytes !== undefined) headers.push(['Content-Encoding', codingHeader]);
  // Node keeps the first of repeated Authorization headers: an extra one goes after the
  // credentials, where it is dropped, rather than before them, where it would hide a signature.
  const isAuthorization = ([n]: [string, string]) => n.toLowerCase() === 'authorization';
  headers.push(...extraHeaders.filter((h) => !isAuthorization(h)));
  const clientRequestId = extraHeaders.find(([n]) => n.toLowerCase() === 'x-request-id')?.[1];
  const auth = credentials(recipe, ctx, { method, path, query: queryText, body: bytes, account, badAuth, domainMismatch });
  headers.push(...auth.headers, ...extraHeaders.filter(isAuthorization));

  // ---- what the contract lets us predict
  const authFails = auth.fails && !isPublicPath;
  if (authFails) mustFail.push(`credentials: ${auth.fails}`);
  const callerDomain = isPublicPath ? undefined : auth.fails ? undefined : account === 'other' ? 'd2' : ctx.domainId;
  if ((op.fleetScoped || op.clusterScoped) && callerDomain !== undefined) {
    const what = op.clusterScoped ? 'cluster' : 'fleet';
    const owner = idOwner === 'own' ? ctx.domainId : idOwner === 'foreign' ? 'd2' : undefined;
    if (owner !== callerDomain) mustFail.push(owner === undefined ? `${what} id ${idSegment.slice(0, 40)} is no ${what} of the caller` : `the ${what} is another account's`);
  }
  if (op.path.includes('{domainid}') && callerDomain !== undefined && callerDomain !== ctx.domainId) mustFail.push("the path names another account's domain id");
  if (domainMismatch && !auth.fails && !isPublicPath) mustFail.push('X-Domain-Id names another account');
  const extraDomain = extraHeaders.filter(([n]) => n.toLowerCase() === 'x-domain-id');
  // The server checks a signature against the decoded body, a client signs the bytes it sends:
  // a signed request with a Content-Encoding is refused (401), which no outcome below predicts.
  const signedCodedBody = codingHeader !== undefined && codingHeader !== 'identity' && auth.headers.some(([n, v]) => n === 'Authorization' && v.startsWith('SDK-HMAC'));
  let exactStatus: FuzzCase['exactStatus'];
  if (oversize && (!codingBreaks || !chunked)) exactStatus = { status: 413, why: `the body (${decodedBody?.length ?? 0} bytes decoded) is over the ${ctx.bodyLimit}-byte limit` };
  else if (signedCodedBody) exactStatus = undefined;
  else if (!preAuthVerdict && authFails) exactStatus = { status: 401, why: `credentials: ${auth.fails}` };
  else if (!preAuthVerdict && !auth.fails && !isPublicPath && domainMismatch && extraDomain.length === 0) exactStatus = { status: 403, why: 'X-Domain-Id names another account' };

  const wire: WireRequest = { method, path: target, headers, ...(bytes !== undefined ? { body: bytes } : {}), ...(chunked ? { chunked } : {}) };
  return { operationId: op.id, wire, labels, mustFail, ...(exactStatus ? { exactStatus } : {}), ...(clientRequestId ? { clientRequestId } : {}), callerDomain };
}

/**
 * A generated body's placeholders (generators.ts, knownIdBodies) replaced by ids that exist
 * now: `{own-fleet}` and `{own-cluster}` by one of the caller's, drawn by the recipe's index.
 */
function withKnownIds(body: unknown, ctx: FuzzContext, index: number): unknown {
  const pick = (ids: string[], none: string) => (ids.length > 0 ? ids[index % ids.length]! : none);
  if (body === '{own-fleet}') return pick(ctx.ownFleets(), 'no-fleet-left');
  if (body === '{own-cluster}') return pick(ctx.ownClusters(), 'no-cluster-left');
  if (Array.isArray(body)) return body.map((v) => withKnownIds(v, ctx, index));
  if (body !== null && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) (body as Record<string, unknown>)[k] = withKnownIds(v, ctx, index);
  }
  return body;
}

const multipartBoundary = 'fuzzBoundary7MA4YWxkTrZu0gW';
const multipartType = `multipart/form-data; boundary=${multipartBoundary}`;

function serialize(body: unknown, encoding: Recipe['encoding']): Buffer {
  if (encoding === 'json') return Buffer.from(JSON.stringify(body) ?? '', 'utf8');
  const fields: [string, string][] =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, JSON.stringify(v) ?? 'null'])
      : [['body', JSON.stringify(body) ?? 'null']];
  if (encoding === 'urlencoded') return Buffer.from(fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'), 'utf8');
  const parts = fields.map(([k, v]) => `--${multipartBoundary}\r\nContent-Disposition: form-data; name="${k.replace(/"/g, '%22')}"\r\n\r\n${v}\r\n`);
  return Buffer.from(`${parts.join('')}--${multipartBoundary}--\r\n`, 'utf8');
}

/** A raw body is judged as the spec would: decodable UTF-8, JSON, and valid for the schema. */
function rawVerdict(op: OperationModel, raw: Buffer): 'valid' | 'invalid' | 'unknown' {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw);
  } catch {
    return 'unknown';
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'invalid';
  }
  return jsonBodyIsValid(op, value) ? 'valid' : 'invalid';
}

function reshape(path: string, shape: string): string {
  switch (shape) {
    case 'trailing-slash':
      return `${path}/`;
    case 'upper-case':
      return path.startsWith('/v1/') ? `/V1/${path.slice(4)}` : path.toUpperCase();
    case 'double-slash':
      return path.replace(/^\/([^/]+)/, '/$1/');
    case 'dot-segment':
      return path.replace(/^\/([^/]+)/, '/$1/.');
    case 'dotdot-segment':
      return path.replace(/^\/([^/]+)/, '/$1/fuzz/..');
    case 'matrix':
      return `${path};jsessionid=1`;
    case 'extra-segment':
      return `${path}/extra`;
    case 'encoded-letter':
      return path.replace(/([a-z])(?=[^/]*$)/, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    default:
      return path;
  }
}

interface AuthInput {
  method: string;
  path: string;
  query: string;
  body: Buffer | undefined;
  account: 'own' | 'other';
  badAuth: Extract<Mutation, { kind: 'auth' }> | undefined;
  domainMismatch: boolean;
}

/** The credential headers of a request, and why they must be refused when they must. */
function credentials(recipe: Recipe, ctx: FuzzContext, a: AuthInput): { headers: [string, string][]; fails: string | undefined } {
  const headers: [string, string][] = [];
  const token = a.account === 'other' ? ctx.otherAccountToken : ctx.token;
  const domainHeader: [string, string][] = a.domainMismatch ? [['X-Domain-Id', a.account === 'other' ? ctx.domainId : 'd2']] : [];
  const sign = (o: { secret?: string; ak?: string; date?: Date; body?: Buffer | string; query?: string; contentSha256?: string } = {}) =>
    Object.entries(
      signRequest(
        { method: a.method, path: a.path, query: o.query ?? a.query, headers: { host: 'placeholder', ...(o.contentSha256 ? { 'x-sdk-content-sha256': o.contentSha256 } : {}) }, body: o.body ?? a.body ?? '' },
        { accessKey: o.ak ?? ctx.accessKey, secretKey: o.secret ?? ctx.secretKey },
        { ...(o.date ? { date: o.date } : {}), signedHeaders: ['x-sdk-date'] },
      ),
    ) as [string, string][];
  const bad = a.badAuth;
  if (!bad) {
    if (recipe.auth === 'public') return { headers: domainHeader, fails: undefined };
    // AK/SK is bound to the first account; the other account signs in with its token.
    const mode = a.account === 'other' ? 'token' : recipe.auth;
    if (mode === 'token' || mode === 'token+aksk') headers.push(['X-Auth-Token', token]);
    if (mode === 'aksk' || mode === 'token+aksk') headers.push(...sign());
    return { headers: [...headers, ...domainHeader], fails: undefined };
  }
  switch (bad.mode) {
    case 'none':
      return { headers: domainHeader, fails: 'none sent' };
    case 'unknown-token':
      return { headers: [['X-Auth-Token', `tok-${bad.text}`], ...domainHeader], fails: 'an unknown token' };
    case 'empty-token':
      return { headers: [['X-Auth-Token', ''], ...domainHeader], fails: 'an empty token' };
    case 'duplicated-token':
      return { headers: [['X-Auth-Token', token], ['X-Auth-Token', token], ...domainHeader], fails: 'two X-Auth-Token headers' };
    case 'bad-signature': {
      const signed = sign().map(([n, v]): [string, string] => [n, n === 'Authorization' ? v.replace(/Signature=(.)/, (_, c: string) => `Signature=${c === 'a' ? 'b' : 'a'}`) : v]);
      return { headers: [...signed, ...domainHeader], fails: 'an altered signature' };
    }
    case 'wrong-secret':
      return { headers: [...sign({ secret: `wrong-${bad.text}` }), ...domainHeader], fails: 'signed with a wrong secret key' };
    case 'stale-date':
      return { headers: [...sign({ date: new Date(Date.now() - 16 * 60_000) }), ...domainHeader], fails: 'signed 16 minutes ago' };
    case 'unknown-access-key':
      return { headers: [...sign({ ak: `UNKNOWN${bad.text.replace(/[^A-Za-z0-9]/g, '')}` }), ...domainHeader], fails: 'an unknown access key' };
    case 'garbage-authorization':
      return { headers: [['Authorization', `SDK-HMAC-SHA256 ${bad.text}`], ...domainHeader], fails: 'a malformed Authorization header' };
    case 'signed-other-bytes':
      return {
        headers: [...sign(a.body && a.body.length > 0 ? { body: Buffer.concat([a.body, Buffer.from(' ')]) } : { query: a.query ? `${a.query}&x=1` : 'x=1' }), ...domainHeader],
        fails: 'a signature over other bytes',
      };
    case 'unsigned-content-hash': {
      // Signed over other bytes, with an X-Sdk-Content-Sha256 naming their hash that the signature does not cover.
      const other = Buffer.concat([a.body ?? Buffer.alloc(0), Buffer.from(' ')]);
      const hash = createHash('sha256').update(other).digest('hex');
      return { headers: [['X-Sdk-Content-Sha256', hash], ...sign({ body: other, contentSha256: hash }), ...domainHeader], fails: 'an unsigned X-Sdk-Content-Sha256 naming other bytes' };
    }
    case 'unsigned-unsigned-payload':
      return {
        headers: [['X-Sdk-Content-Sha256', 'UNSIGNED-PAYLOAD'], ...sign({ contentSha256: 'UNSIGNED-PAYLOAD' }), ...domainHeader],
        fails: 'an X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD the signature does not cover',
      };
    case 'valid-token-bad-signature':
      return { headers: [['X-Auth-Token', ctx.token], ...sign({ secret: 'wrong-secret' }), ...domainHeader], fails: 'a valid token beside a bad signature' };
  }
}

function applyField(body: unknown, path: (string | number)[], remove: boolean, value: unknown): unknown {
  if (path.length === 0) return remove ? undefined : value;
  const root: unknown = body !== null && typeof body === 'object' ? body : {};
  let node = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    let next = node[key];
    if (next === null || typeof next !== 'object') {
      if (remove) return root;
      next = typeof path[i + 1] === 'number' ? [] : {};
      setOwn(node, key, next);
    }
    node = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else setOwn(node, last, value);
  return root;
}

/** Sets a key as an own property, `__proto__` included (an assignment would change the prototype). */
function setOwn(o: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function structuredCloneOwn(v: unknown): unknown {
  return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown);
}

function rendersNothing(q: { name: string; value: string }): boolean {
  return q.name === '' && q.value === '';
}
