import fc from 'fast-check';

/** Bytes that are not a valid HTTP/1.1 request, and what was broken to make them. */
export interface Garbage {
  label: string;
  bytes: Buffer;
}

export interface GarbageContext {
  token: string;
  fleetId: string;
}

const fleetBody = '{"metadata":{"name":"from-garbage"}}';

/** A create-fleet request with credentials, every part replaceable: a request that would change state if it got through. */
function request(ctx: GarbageContext, o: { line?: string; headers?: string[]; body?: string; host?: boolean } = {}): string {
  const headers = [...(o.host === false ? [] : ['Host: x']), `X-Auth-Token: ${ctx.token}`, 'Content-Type: application/json', ...(o.headers ?? [`Content-Length: ${fleetBody.length}`])];
  return `${o.line ?? 'POST /v1/clustergroups HTTP/1.1'}\r\n${headers.join('\r\n')}\r\n\r\n${o.body ?? fleetBody}`;
}

const g = (label: string, text: string): Garbage => ({ label, bytes: Buffer.from(text, 'latin1') });
const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const chunked = (body: string) => `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;

/**
 * Requests Node's HTTP parser refuses before the application sees them (the fuzzer's other
 * requests are all well-formed HTTP/1.1): oversized heads, broken request lines, header
 * syntax, framing and chunked bodies, unsupported Expect, no Host, CONNECT, other protocols
 * and random bytes. Each is built on a create-fleet request with valid credentials.
 */
export function garbageArbitrary(ctx: GarbageContext): fc.Arbitrary<Garbage> {
  const oversized = fc.oneof(
    fc.integer({ min: 16_500, max: 40_000 }).map((n) => g(`a ${n}-character X-Auth-Token`, request(ctx, { headers: [`X-Auth-Token: ${'t'.repeat(n)}`, `Content-Length: ${fleetBody.length}`] }))),
    fc.integer({ min: 1_500, max: 3_000 }).map((n) => g(`${n} headers`, request(ctx, { headers: [...Array.from({ length: n }, (_, i) => `X-H${i}: value`), `Content-Length: ${fleetBody.length}`] }))),
    fc.integer({ min: 16_500, max: 120_000 }).map((n) => g(`a ${n}-character path`, request(ctx, { line: `POST /v1/clustergroups/${'a'.repeat(n)} HTTP/1.1` }))),
  );
  const requestLine = fc.oneof(
    pick(['G ET', 'get', 'BREW', 'GET\t', 'P0ST', '\x00GET', 'GETGETGETGET']).map((m) => g(`method ${JSON.stringify(m)}`, request(ctx, { line: `${m} /v1/clustergroups HTTP/1.1` }))),
    pick(['/v1/cluster groups', '/v1/clustergroups\x01', '/v1/\x7f', '/v1/clustergroups\t', 'v1/clustergroups\r']).map((t) => g(`target ${JSON.stringify(t)}`, request(ctx, { line: `POST ${t} HTTP/1.1` }))),
    pick(['HTTP/9.9', 'HTTP/1.1x', 'HTTPS/1.1', 'HTTP/1', 'HTTP/', 'http/1.1', 'HTTP/1.1 extra']).map((v) => g(`version ${JSON.stringify(v)}`, request(ctx, { line: `POST /v1/clustergroups ${v}` }))),
    fc.stringMatching(/^[ -~]{1,80}$/).filter((line) => !/^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|TRACE|CONNECT|[A-Z-]+) \S+ HTTP\/1\.[01]$/.test(line)).map((line) => g(`request line ${JSON.stringify(line.slice(0, 40))}`, request(ctx, { line }))),
  );
  const headerSyntax = pick([
    ['a NUL in a value', 'X-A: a\x00b'],
    ['a bare CR in a value', 'X-A: a\rb'],
    ['a DEL in a value', 'X-A: a\x7fb'],
    ['a space in a name', 'X A: b'],
    ['a name ending in a space', 'X-A : b'],
    ['no colon', 'X-A b'],
    ['an empty name', ': b'],
    ['a non-token name', 'X(A): b'],
  ] as const).map(([label, line]) => g(`header: ${label}`, request(ctx, { headers: [line, `Content-Length: ${fleetBody.length}`] })));
  const framing = fc.oneof(
    fc.constant(g('Content-Length beside Transfer-Encoding', request(ctx, { headers: [`Content-Length: ${fleetBody.length}`, 'Transfer-Encoding: chunked'], body: chunked(fleetBody) }))),
    fc.integer({ min: 0, max: 100 }).filter((n) => n !== fleetBody.length).map((n) => g('two different Content-Lengths', request(ctx, { headers: [`Content-Length: ${fleetBody.length}`, `Content-Length: ${n}`] }))),
    pick(['-1', '0x10', 'abc', '1 2', '99999999999999999999', '+5', '']).map((v) => g(`Content-Length ${JSON.stringify(v)}`, request(ctx, { headers: [`Content-Length: ${v}`] }))),
    pick(['gzip', 'chunked, gzip', 'identity', 'chunked;x', 'xchunked']).map((v) => g(`Transfer-Encoding ${JSON.stringify(v)}`, request(ctx, { headers: [`Transfer-Encoding: ${v}`], body: chunked(fleetBody) }))),
  );
  const chunkedBody = pick([
    ['a chunk size that is not hex', `zz\r\n${fleetBody}\r\n0\r\n\r\n`],
    ['a chunk size of 2^72', `ffffffffffffffffff\r\n${fleetBody}\r\n`],
    ['20 KB of chunk extensions', `${fleetBody.length.toString(16)};${'e'.repeat(20_000)}\r\n${fleetBody}\r\n0\r\n\r\n`],
    ['no CRLF after the chunk data', `${fleetBody.length.toString(16)}\r\n${fleetBody}XX0\r\n\r\n`],
    ['a truncated chunk', `ff\r\n${fleetBody}`],
  ] as const).map(([label, body]) => g(`chunked body: ${label}`, request(ctx, { headers: ['Transfer-Encoding: chunked'], body })));
  const other = fc.oneof(
    // Node takes any value naming 100-continue among others as 100-continue.
    fc.stringMatching(/^[!-~]{1,30}$/).filter((v) => !/(?:^|\W)100-continue(?:$|\W)/i.test(v)).map((v) => g(`an Expect of ${JSON.stringify(v)}`, request(ctx, { headers: [`Expect: ${v}`, `Content-Length: ${fleetBody.length}`] }))),
    fc.constant(g('no Host header', request(ctx, { host: false }))),
    fc.constant(g('CONNECT', `CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\nX-Auth-Token: ${ctx.token}\r\n\r\n`)),
    fc.constant(g('the HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n')),
    fc.constant({ label: 'a TLS ClientHello', bytes: Buffer.from('16030100a5010000a10303' + '00'.repeat(32) + '0000020035010000760000', 'hex') }),
    fc.constant(g('an SSH banner', 'SSH-2.0-OpenSSH_9.6\r\n')),
    // Not starting with CR or LF: the parser skips leading empty lines and would wait for a request.
    fc.uint8Array({ minLength: 1, maxLength: 300 }).filter((b) => b[0] !== 0x0d && b[0] !== 0x0a).map((b) => ({ label: `${b.length} random bytes`, bytes: Buffer.from(b) })),
  );
  return fc.oneof(oversized, requestLine, headerSyntax, framing, chunkedBody, other);
}
