import fc from 'fast-check';
import type { JsonSchema, OperationModel } from './spec-model.js';
import { utf8OnTheWire } from './wire.js';

/**
 * A generated request before it meets the server: a valid request for one operation (read
 * from openapi.yaml) and zero to two mutations. Fleet ids are drawn by index from the pool
 * of fleets that exist when the request is sent, so one recipe stays meaningful while the
 * server's state moves.
 */
export interface Recipe {
  op: OperationModel;
  fleet: number;
  query: [string, string][];
  /** The valid JSON body (a value of the operation's application/json schema), or undefined. */
  body: unknown;
  /** How the body is encoded: JSON, or one of the form encodings the spec also accepts. */
  encoding: BodyEncoding;
  auth: ValidAuth;
  mutations: Mutation[];
}

export type BodyEncoding = 'json' | 'urlencoded' | 'multipart';
export type ValidAuth = 'token' | 'aksk' | 'token+aksk' | 'public';
export type BadAuth =
  | 'none'
  | 'unknown-token'
  | 'empty-token'
  | 'duplicated-token'
  | 'bad-signature'
  | 'wrong-secret'
  | 'stale-date'
  | 'unknown-access-key'
  | 'garbage-authorization'
  | 'signed-other-bytes'
  | 'unsigned-content-hash'
  | 'unsigned-unsigned-payload'
  | 'valid-token-bad-signature';

export type PathShape = 'trailing-slash' | 'upper-case' | 'double-slash' | 'dot-segment' | 'dotdot-segment' | 'matrix' | 'extra-segment' | 'encoded-letter';
export type ContentEncodingMutation = 'gzip' | 'deflate' | 'gzip-garbage' | 'br-garbage' | 'unknown-coding' | 'gzip-bomb' | 'identity';

export type Mutation =
  | { kind: 'method'; method: string }
  | { kind: 'fleet-id'; id: string; label: string }
  | { kind: 'foreign-fleet'; index: number }
  | { kind: 'path-shape'; shape: PathShape }
  | { kind: 'query'; params: [string, string][]; replace: boolean; invalid: boolean; label: string }
  | { kind: 'body-field'; path: (string | number)[]; remove: boolean; value: unknown; label: string }
  | { kind: 'body-raw'; make: (limit: number) => Buffer; label: string }
  | { kind: 'content-type'; values: string[]; label: string }
  | { kind: 'encoding'; encoding: ContentEncodingMutation }
  | { kind: 'chunked' }
  | { kind: 'auth'; mode: BadAuth; text: string }
  | { kind: 'other-account' }
  | { kind: 'domain-mismatch' }
  | { kind: 'headers'; headers: [string, string][]; label: string };

export function mutationLabel(m: Mutation): string {
  switch (m.kind) {
    case 'method':
      return `method:${m.method}`;
    case 'fleet-id':
      return `fleet-id:${m.label}`;
    case 'path-shape':
      return `path:${m.shape}`;
    case 'query':
    case 'body-field':
    case 'body-raw':
    case 'content-type':
    case 'headers':
      return `${m.kind}:${m.label}`;
    case 'encoding':
      return `content-encoding:${m.encoding}`;
    case 'auth':
      return `auth:${m.mode}`;
    default:
      return m.kind;
  }
}

// ---------------------------------------------------------------- values of a schema

const fleetNameRegex = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;

/** Values that satisfy a (resolved) schema, boundaries included. */
export function validValue(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'object': {
      const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, validValue(v)]));
      return fc.record(props, { requiredKeys: s.required ?? [] });
    }
    case 'array':
      return fc.array(validValue(s.items ?? {}), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'integer': {
      const min = s.minimum ?? (s.format === 'int32' ? -(2 ** 31) : Number.MIN_SAFE_INTEGER);
      const max = s.maximum ?? (s.format === 'int32' ? 2 ** 31 - 1 : Number.MAX_SAFE_INTEGER);
      const edges = [min, min + 1, max - 1, max, 0, 1, 30].filter((n) => n >= min && n <= max);
      return fc.oneof(fc.constantFrom(...edges), fc.integer({ min, max }));
    }
    case 'number':
      return fc.double({ min: s.minimum ?? -1e9, max: s.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'string': {
      // The validator checks date-time strings: a valid one is an RFC 3339 time.
      if (s.format === 'date-time') return fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
      const minLength = s.minLength ?? 0;
      const maxLength = s.maxLength ?? 64;
      // Its example, now and then: the name of an object the harness made (a workload named web), so that an update meets one.
      if (s.pattern && typeof s.example === 'string') return fc.oneof(fc.constant(s.example), validValue({ ...s, example: undefined }), validValue({ ...s, example: undefined }));
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        // The fleet name pattern, reused where openapi.yaml uses it; other patterns as they are.
        const gen = s.pattern === fleetNameRegex.source ? fc.stringMatching(fleetNameRegex) : fc.stringMatching(re);
        return gen.filter((v) => [...v].length >= minLength && [...v].length <= maxLength);
      }
      const cap = Math.min(maxLength, 64);
      const edgeLengths = [minLength, maxLength].filter((n) => n <= 4096);
      return fc.oneof(
        { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength, maxLength: cap }) },
        { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength, maxLength: cap }) },
        { weight: 1, arbitrary: fc.constantFrom(...edgeLengths).map((n) => 'é'.repeat(n)) },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Strings that have broken parsers, databases and log pipelines before. */
const trickyStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202etxt.exe',
  'ｆｕｌｌｗｉｄｔｈ',
  'e\u0301',
  '🙂🙂🙂',
  '𝕏',
  'a\r\nX-Injected: 1',
  "'; DROP TABLE fleets; --",
  '../../../../etc/passwd',
  '${jndi:ldap://x/a}',
  '<script>alert(1)</script>',
  '%00',
  '%2e%2e%2f',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '30',
  'true',
  'null',
];

const boundaryNumbers = [0, 1, 1825, 1826, -1, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 1e308, -1e308, 1.5, 0.5, -0, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e-7, 64, 65];

const hugeString = fc
  .tuple(fc.constantFrom(65, 256, 4096, 40_000, 70_000), fc.constantFrom('x', 'é', '𝕏', '\u0000', '"'))
  .map(([n, c]) => c.repeat(n));

/** Anything a client may put where a field is expected: wrong types, boundaries, huge and odd text. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...boundaryNumbers) },
  { weight: 3, arbitrary: fc.constantFrom(...trickyStrings) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [1], { a: 1 }, ['x'], [30]) },
  { weight: 1, arbitrary: hugeString },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

interface FieldPath {
  path: (string | number)[];
  schema: JsonSchema;
}

/** Every field (and array element) of a body schema, the body itself included. */
export function fieldPaths(s: JsonSchema, path: (string | number)[] = []): FieldPath[] {
  const here: FieldPath[] = [{ path, schema: s }];
  if (s.type === 'object') for (const [k, v] of Object.entries(s.properties ?? {})) here.push(...fieldPaths(v, [...path, k]));
  if (s.type === 'array' && s.items) here.push(...fieldPaths(s.items, [...path, 0]));
  return here;
}

// ---------------------------------------------------------------- mutations

const otherMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'PURGE'];

function rawBodies(op: OperationModel): fc.Arbitrary<Mutation> {
  const text = (label: string, t: string | ((limit: number) => string)) =>
    fc.constant<Mutation>({ kind: 'body-raw', label, make: (limit) => Buffer.from(typeof t === 'string' ? t : t(limit), 'utf8') });
  const bytes = (label: string, b: Buffer) => fc.constant<Mutation>({ kind: 'body-raw', label, make: () => b });
  const sample = op.body ? '{"duration": 30, "metadata": {"name": "fuzz"}}' : '{"a":1}';
  return fc.oneof(
    text('empty', ''),
    text('not-json', 'duration=30'),
    text('truncated', sample.slice(0, 13)),
    text('nan', '{"duration": NaN}'),
    text('infinity', '{"duration": Infinity}'),
    text('single-quotes', "{'duration': 30}"),
    text('trailing-comma', '{"duration": 30,}'),
    text('trailing-garbage', '{"duration": 30} xyz'),
    text('comment', '{"duration": 30 /* c */}'),
    text('bom', '\ufeff{"duration": 30}'),
    text('array', '[{"duration": 30}]'),
    text('string', '"duration"'),
    text('number', '30'),
    text('null', 'null'),
    text('true', 'true'),
    text('duplicated-keys', '{"duration": 30, "duration": "30"}'),
    text('duplicated-keys-valid-last', '{"duration": "x", "duration": 30}'),
    text('deep-array', `${'['.repeat(5000)}${']'.repeat(5000)}`),
    text('deep-object', `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`),
    text('proto-pollution', '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}'),
    text('nul-bytes', '{"duration"\u0000: 30}'),
    text('exactly-the-limit', (limit) => padJson(limit)),
    text('one-byte-over-the-limit', (limit) => padJson(limit + 1)),
    text('twice-the-limit', (limit) => padJson(limit * 2)),
    bytes('invalid-utf8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
    bytes('utf16le', Buffer.from('{"duration": 30}', 'utf16le')),
    fc.jsonValue({ maxDepth: 4 }).map<Mutation>((v) => ({ kind: 'body-raw', label: 'random-json', make: () => Buffer.from(JSON.stringify(v) ?? 'null') })),
    fc.string({ unit: 'binary', maxLength: 200 }).map<Mutation>((t) => ({ kind: 'body-raw', label: 'random-text', make: () => Buffer.from(t, 'utf8') })),
  );
}

/** A JSON object of exactly n bytes. */
function padJson(n: number): string {
  const head = '{"pad":"';
  const tail = '"}';
  return `${head}${'x'.repeat(Math.max(0, n - head.length - tail.length))}${tail}`;
}

const badIds: [string, string][] = [
  ['dotdot', '..'],
  ['dot', '.'],
  ['encoded-dotdot', '%2E%2E'],
  ['encoded-dot', '%2e'],
  ['nul', '%00'],
  ['inner-nul', 'a%00b'],
  ['encoded-slash', '%2F'],
  ['inner-encoded-slash', 'a%2Fb'],
  ['traversal', '%2F..%2F..%2Fetc%2Fpasswd'],
  ['lone-percent', '%'],
  ['broken-utf8', '%E0%A4%A'],
  ['bad-escape', '%ZZ'],
  ['percent-encoded-unicode', encodeURIComponent('é🙂\u202e')],
  ['length-64', 'a'.repeat(64)],
  ['length-65', 'a'.repeat(65)],
  ['length-1000', 'b'.repeat(1000)],
  ['length-4000', 'c'.repeat(4000)],
  ['utf8-64-chars', '%C3%A9'.repeat(64)],
  ['utf8-65-chars', '%C3%A9'.repeat(65)],
  ['proto', '__proto__'],
  ['constructor', 'constructor'],
  ['space', '%20'],
  ['sql', "'%20OR%20'1'='1"],
  ['star', '*'],
  ['null-text', 'null'],
  ['empty', ''],
];

function idMutations(): fc.Arbitrary<Mutation> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...badIds).map<Mutation>(([label, id]) => ({ kind: 'fleet-id', id, label })) },
    { weight: 2, arbitrary: fc.uuid().map<Mutation>((id) => ({ kind: 'fleet-id', id, label: 'unknown-uuid' })) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map<Mutation>((s) => ({ kind: 'fleet-id', id: encodeURIComponent(s), label: 'random-unicode' })) },
    // A real fleet id made different: longer, cased or padded.
    { weight: 2, arbitrary: fc.constantFrom('%00', '%20', 'x', '%2F').map<Mutation>((suffix) => ({ kind: 'fleet-id', id: `{known}${suffix}`, label: `known-id+${suffix}` })) },
    { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'fleet-id', id: '{KNOWN}', label: 'known-id-upper-case' }) },
  );
}

const intBad: [string, boolean][] = [
  ['abc', true],
  ['1.5', true],
  ['NaN', true],
  ['Infinity', true],
  ['1e308', true],
  ['2147483648', true],
  ['-2147483649', true],
  ['', true],
  ['%', true],
  ['%E0%A4%A', true],
  ['x'.repeat(4000), true],
  ['0x10', false],
  ['%2B5', false],
  ['1.0', false],
  ['1e2', false],
  ['%201', false],
  ['-0', false],
];

function queryMutations(op: OperationModel): fc.Arbitrary<Mutation> {
  const options: fc.Arbitrary<Mutation>[] = [
    fc
      .constantFrom('x', '__proto__', 'constructor', 'LIMIT', 'limit[]', 'order_by[0]', '', 'a%00b', encodeURIComponent('ключ'))
      .chain((name) => fc.constantFrom('1', '', 'asc').map<Mutation>((v) => ({ kind: 'query', params: [[name, v]], replace: false, invalid: name !== '' && !op.query.some((q) => q.name === name), label: `unknown-param:${name}` }))),
  ];
  for (const q of op.query) {
    const s = q.schema;
    let bad: [string, boolean][];
    if (s.type === 'integer') {
      bad = [...intBad];
      if (s.minimum !== undefined) bad.push([String(s.minimum - 1), true]);
      if (s.maximum !== undefined) bad.push([String(s.maximum + 1), true]);
    } else if (s.enum) bad = [['ASC', true], ['random', true], ['', true], [`${String(s.enum[0])},${String(s.enum[1])}`, true], ['%00', true]];
    else if (s.type === 'boolean') bad = [['maybe', true], ['yes', true], ['2', true], ['', true], ['1', false], ['TRUE', false]];
    else bad = [['', false]];
    options.push(fc.constantFrom(...bad).map<Mutation>(([v, invalid]) => ({ kind: 'query', params: [[q.name, v]], replace: true, invalid, label: `${q.name}=${v.slice(0, 16)}` })));
    options.push(fc.constant<Mutation>({ kind: 'query', params: [[q.name, validSample(s)], [q.name, validSample(s)]], replace: true, invalid: true, label: `${q.name}-twice` }));
  }
  return fc.oneof(...options);
}

function validSample(s: JsonSchema): string {
  if (s.enum) return String(s.enum[0]);
  if (s.type === 'integer') return String(Math.max(s.minimum ?? 0, 1));
  if (s.type === 'boolean') return 'true';
  return 'x';
}

function bodyFieldMutations(op: OperationModel): fc.Arbitrary<Mutation> | undefined {
  const schema = op.body?.media['application/json'];
  if (!schema) return undefined;
  const paths = fieldPaths(schema);
  const objects = paths.filter((p) => p.schema.type === 'object');
  const fields = paths.filter((p) => p.path.length > 0);
  const extraKeys = ['extra', '__proto__', 'constructor', 'Duration', 'duration ', '', 'metadata', 'spec'];
  return fc.oneof(
    fc.constantFrom(...fields).map<Mutation>((f) => ({ kind: 'body-field', path: f.path, remove: true, value: undefined, label: `remove:${f.path.join('.')}` })),
    fc.tuple(fc.constantFrom(...fields), nastyValue).map<Mutation>(([f, v]) => ({ kind: 'body-field', path: f.path, remove: false, value: v, label: `set:${f.path.join('.')}` })),
    fc
      .tuple(fc.constantFrom(...objects), fc.constantFrom(...extraKeys), nastyValue)
      .map<Mutation>(([o, k, v]) => ({ kind: 'body-field', path: [...o.path, k], remove: false, value: v, label: `extra:${[...o.path, k].join('.') || k}` })),
  );
}

const contentTypes: string[][] = [
  ['text/plain'],
  ['application/xml'],
  ['application/x-www-form-urlencoded'],
  ['multipart/form-data'],
  ['multipart/form-data; boundary=fuzz'],
  [''],
  [],
  ['application/json', 'text/plain'],
  ['text/plain', 'application/json'],
  ['application/json-patch+json'],
  ['application/vnd.ucs+json'],
  ['*/*'],
  ['application/json; charset=utf-8'],
  ['Application/JSON'],
  ['application/json; charset=utf-16'],
  ['application/json;;;'],
  ['application/json, text/plain'],
];

const oddHeaders = fc.oneof(
  fc.constant<Mutation>({ kind: 'headers', label: 'client-request-id', headers: [['X-Request-Id', 'client-chosen-request-id']] }),
  fc.constantFrom(1000, 8000).map<Mutation>((n) => ({ kind: 'headers', label: `long-header-${n}`, headers: [['X-Padding', 'p'.repeat(n)]] })),
  fc.constant<Mutation>({ kind: 'headers', label: 'sixty-headers', headers: Array.from({ length: 60 }, (_, i): [string, string] => [`X-Junk-${i}`, String(i)]) }),
  fc.string({ unit: 'binary', maxLength: 60 }).map<Mutation>((s) => ({ kind: 'headers', label: 'utf8-header', headers: [['X-Note', utf8OnTheWire(s.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ''))]] })),
  fc.constantFrom<[string, string][]>(
    [['Accept', 'application/xml']],
    [['Accept', 'text/html;q=0.1, */*;q=0']],
    [['Accept-Encoding', 'gzip, br']],
    [['Cookie', 'session=abc; other=1']],
    [['Origin', 'http://evil.example']],
    [['X-Forwarded-For', '1.2.3.4, 5.6.7.8']],
    [['Forwarded', 'for=1.2.3.4;proto=https']],
    [['X-HTTP-Method-Override', 'DELETE']],
    [['X-HTTP-Method-Override', 'POST']],
    [['Expect', '100-continue']],
    [['Connection', 'close']],
    [['Range', 'bytes=0-10']],
    [['If-None-Match', '*']],
    [['Date', 'garbage']],
    [['Host', 'evil.example:1']],
    [['X-Domain-Id', 'd1']],
    [['X-Domain-Id', 'd1'], ['X-Domain-Id', 'd1']],
    [['X-Sdk-Date', '20200101T000000Z']],
    [['Authorization', 'Bearer abc']],
    [['Authorization', '']],
    [['X-Auth-Token-Extra', 'dev-token']],
  ).map<Mutation>((headers) => ({ kind: 'headers', label: headers.map(([n]) => n).join('+'), headers })),
);

const badAuth = fc.oneof(
  fc.constantFrom<BadAuth>('none', 'empty-token', 'duplicated-token', 'bad-signature', 'wrong-secret', 'stale-date', 'signed-other-bytes', 'unsigned-content-hash', 'unsigned-unsigned-payload', 'valid-token-bad-signature', 'unknown-access-key'),
  fc.constant<BadAuth>('unknown-token'),
  fc.constant<BadAuth>('garbage-authorization'),
);

/** One mutation of a valid request of the operation, each family weighted for what the operation has. */
export function mutationArbitrary(op: OperationModel): fc.Arbitrary<Mutation> {
  const methods = otherMethods.filter((m) => !op.methodsOnPath.includes(m));
  const family: fc.WeightedArbitrary<Mutation>[] = [
    { weight: 1, arbitrary: fc.constantFrom(...methods).map<Mutation>((method) => ({ kind: 'method', method })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<PathShape>('trailing-slash', 'upper-case', 'double-slash', 'dot-segment', 'dotdot-segment', 'matrix', 'extra-segment', 'encoded-letter')
        .map<Mutation>((shape) => ({ kind: 'path-shape', shape })),
    },
    { weight: 2, arbitrary: queryMutations(op) },
    { weight: op.body ? 2 : 1, arbitrary: rawBodies(op) },
    { weight: op.body ? 2 : 1, arbitrary: fc.constantFrom(...contentTypes).map<Mutation>((values) => ({ kind: 'content-type', values, label: values.join('|') || 'none' })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<ContentEncodingMutation>('gzip', 'deflate', 'gzip-garbage', 'br-garbage', 'unknown-coding', 'gzip-bomb', 'identity')
        .map<Mutation>((encoding) => ({ kind: 'encoding', encoding })),
    },
    { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'chunked' }) },
    { weight: 2, arbitrary: oddHeaders },
  ];
  if (op.secured) {
    family.push({
      weight: 3,
      arbitrary: fc
        .tuple(badAuth, fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }))
        .map<Mutation>(([mode, text]) => ({ kind: 'auth', mode, text })),
    });
    family.push({ weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'domain-mismatch' }) });
    family.push({ weight: op.fleetScoped ? 2 : 1, arbitrary: fc.constant<Mutation>({ kind: 'other-account' }) });
  }
  if (op.fleetScoped) {
    family.push({ weight: 3, arbitrary: idMutations() });
    family.push({ weight: 1, arbitrary: fc.nat().map<Mutation>((index) => ({ kind: 'foreign-fleet', index })) });
  }
  const fields = bodyFieldMutations(op);
  if (fields) family.push({ weight: 4, arbitrary: fields });
  return fc.oneof(...family);
}

function validQuery(op: OperationModel): fc.Arbitrary<[string, string][]> {
  if (op.query.length === 0) return fc.constant([]);
  const parts = op.query.map((q) => {
    // A schema's example, often: what names an object the harness made (a workload named web), so that Show and Delete meet one.
    const value = q.schema.example === undefined ? validValue(q.schema) : fc.oneof({ weight: 2, arbitrary: fc.constant(q.schema.example) }, validValue(q.schema));
    // Encoded as a client encodes a query value: free text would otherwise break the request line.
    const pair = value.map((v): [string, string] => [q.name, encodeURIComponent(String(v))]);
    return q.required ? pair : fc.option(pair, { nil: undefined });
  });
  return fc.tuple(...parts).map((ps) => ps.filter((p): p is [string, string] => p !== undefined));
}

/**
 * Bodies that pass the server's rules beyond the schema, beside the schema's random values: a
 * cluster of a category UCS knows, ids of a fleet or a cluster that exist (placeholders that
 * materialize.ts fills in). Without them the success path of these operations is out of reach.
 */
const knownIdBodies: Record<string, fc.Arbitrary<unknown>> = {
  RegisterCluster: fc.record({
    kind: fc.constant('Cluster'),
    apiVersion: fc.constant('v1'),
    metadata: fc.record({ name: fc.stringMatching(fleetNameRegex).filter((n) => n.length <= 63) }),
    spec: fc.constantFrom(
      { category: 'self', type: 'cce', provider: 'huaweicloud', country: 'CN', manageType: 'discrete' },
      { category: 'onpremise', type: 'baremetal', provider: 'baremetal', country: 'DE', manageType: 'discrete' },
      { category: 'self', type: 'turbo', provider: 'huaweicloud', country: 'CN', manageType: 'grouped', clusterGroupID: '{own-fleet}' },
    ),
  }),
  JoinGroup: fc.constant({ clusterGroupID: '{own-fleet}' }),
  UpdateClusterGroupAssociatedClusters: fc.constant({ clusterIds: ['{own-cluster}'] }),
  RegisterClusterGroup: fc.stringMatching(fleetNameRegex).map((name) => ({ metadata: { name: name.slice(0, 60) }, spec: { clusterIds: ['{own-cluster}'] } })),
};

/** Valid requests of the operation (30%), and requests with one (50%) or two (20%) mutations. */
export function recipeArbitrary(op: OperationModel): fc.Arbitrary<Recipe> {
  const jsonSchema = op.body?.media['application/json'];
  const known = knownIdBodies[op.id];
  const validBody = jsonSchema ? (known ? fc.oneof(validValue(jsonSchema), known) : validValue(jsonSchema)) : fc.constant(undefined);
  const forms = op.body && 'multipart/form-data' in op.body.media;
  const base = fc.record({
    fleet: fc.nat(),
    query: validQuery(op),
    body: validBody,
    encoding: forms
      ? fc.oneof({ weight: 4, arbitrary: fc.constant<BodyEncoding>('json') }, fc.constant<BodyEncoding>('urlencoded'), fc.constant<BodyEncoding>('multipart'))
      : fc.constant<BodyEncoding>('json'),
    auth: op.secured
      ? fc.oneof({ weight: 4, arbitrary: fc.constant<ValidAuth>('token') }, fc.constant<ValidAuth>('aksk'), fc.constant<ValidAuth>('token+aksk'))
      : fc.constant<ValidAuth>('public'),
  });
  const mutation = mutationArbitrary(op);
  const mutations = fc.oneof(
    { weight: 3, arbitrary: fc.constant<Mutation[]>([]) },
    { weight: 5, arbitrary: mutation.map((m) => [m]) },
    { weight: 2, arbitrary: fc.tuple(mutation, mutation).map(([a, b]) => [a, b]) },
  );
  return fc.tuple(base, mutations).map(([b, m]) => {
    const recipe: Recipe = { op, ...b, mutations: m };
    Object.defineProperty(recipe, fc.toStringMethod, {
      value: () => `${op.id}(${b.auth}, ${b.encoding}) [${m.map(mutationLabel).join(', ') || 'valid'}]`,
    });
    return recipe;
  });
}
