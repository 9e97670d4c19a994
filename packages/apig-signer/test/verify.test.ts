import { createHash } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  signRequest,
  verifyRequest,
  type ReceivedRequest,
  type VerifyFailure,
  type VerifyResult,
} from '@ucs-fleet/apig-signer';
import { officialSdkRequest, type OfficialSignInput } from './official-signer.js';

const AK = 'HPUAEXAMPLEAK1234567';
const SK = 'exampleSecretKey0123456789abcdefghijklmn';
const lookup = (ak: string): string | undefined => (ak === AK ? SK : undefined);
const now = new Date('2025-06-01T12:00:00Z');

/** Turns an official-SDK-signed request into what a Node server receives. */
function receivedFromOfficial(input: Omit<OfficialSignInput, 'ak' | 'sk'>): ReceivedRequest {
  const signed = officialSdkRequest({ ...input, ak: AK, sk: SK });
  const u = new URL(signed.url);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) headers[k.toLowerCase()] = v;
  headers['user-agent'] = 'huaweicloud-usdk-nodejs/3.0';
  headers['accept'] = 'application/json';
  return {
    method: signed.method,
    path: u.pathname,
    query: u.search.slice(1),
    headers,
    rawBody: Buffer.from(signed.body ?? ''),
  };
}

const BODY = JSON.stringify({ duration: 30, name: 'fleet-a' });

/** A POST signed by our signer, as the server would receive it. */
function receivedFromOurs(opts: { date?: Date; headers?: Record<string, string>; body?: string; query?: string } = {}): ReceivedRequest {
  const headers: Record<string, string> = {
    host: '127.0.0.1:8080',
    'content-type': 'application/json',
    'x-domain-id': 'domain-1',
    ...opts.headers,
  };
  const body = opts.body ?? BODY;
  const query = opts.query ?? 'limit=10&tag=b&tag=a';
  const path = '/v1/clustergroups/cg-1/kubeconfig';
  const added = signRequest({ method: 'POST', path, query, headers, body }, { accessKey: AK, secretKey: SK }, { date: opts.date ?? now });
  return {
    method: 'POST',
    path,
    query,
    headers: { ...headers, 'x-sdk-date': added['X-Sdk-Date']!, authorization: added['Authorization']! },
    rawBody: Buffer.from(body),
  };
}

function assertFails(result: VerifyResult, reason: VerifyFailure): void {
  assert.equal(result.ok, false, 'expected verification to fail');
  if (result.ok) return;
  assert.equal(result.reason, reason, result.message);
  assert.ok(result.message.length > 0);
  assert.doesNotMatch(result.message, /[0-9a-f]{64}/, 'message must not leak a signature');
}

const verify = (req: ReceivedRequest, opts: { now?: Date; maxSkewMs?: number } = { now }): VerifyResult => verifyRequest(req, lookup, opts);

test('accepts a request signed by our signer', () => {
  assert.deepEqual(verify(receivedFromOurs()), { ok: true, accessKey: AK, pathStyle: 'node-sdk' });
});

test('accepts requests signed by the official SDK (POST JSON, GET query, escaped path)', () => {
  const base = { headers: { 'content-type': 'application/json', 'X-Domain-Id': 'domain-1' }, date: now };
  const cases: Omit<OfficialSignInput, 'ak' | 'sk'>[] = [
    { ...base, method: 'POST', url: 'http://127.0.0.1:8080/v1/clustergroups/cg-1/kubeconfig', body: { duration: 30 } },
    { ...base, method: 'GET', url: 'http://127.0.0.1:8080/v1/clustergroups?limit=10&tag=z&tag=a&name=a%20b%2Bc' },
    { ...base, method: 'GET', url: 'https://ucs.myhuaweicloud.com/v1/cluster groups/{x}/a%2Fb' },
  ];
  for (const c of cases) assert.equal(verify(receivedFromOfficial(c)).ok, true, `${c.method} ${c.url}`);
});

test('ignores changes to unsigned headers (e.g. User-Agent, added by the SDK after signing)', () => {
  const req = receivedFromOurs({ headers: {} });
  req.headers['user-agent'] = 'something else';
  req.headers['content-type'] = 'text/plain'; // not signed by default
  assert.equal(verify(req).ok, true);
});

test('rejects a body changed by one byte', () => {
  const req = receivedFromOurs();
  const body = Buffer.from(req.rawBody);
  body[body.length - 2] = body[body.length - 2]! ^ 1;
  assertFails(verify({ ...req, rawBody: body }), 'bad-signature');
});

test('rejects a re-serialised body (whitespace only)', () => {
  const req = receivedFromOurs();
  assertFails(verify({ ...req, rawBody: Buffer.from(JSON.stringify(JSON.parse(BODY), null, 1)) }), 'bad-signature');
});

test('rejects a changed signed header', () => {
  const req = receivedFromOurs();
  assertFails(verify({ ...req, headers: { ...req.headers, 'x-domain-id': 'domain-2' } }), 'bad-signature');
  assertFails(verify({ ...req, headers: { ...req.headers, host: '127.0.0.1:8081' } }), 'bad-signature');
});

test('tolerates surrounding whitespace in a signed header value', () => {
  const req = receivedFromOurs();
  assert.equal(verify({ ...req, headers: { ...req.headers, 'x-domain-id': '  domain-1 ' } }).ok, true);
});

test('rejects a changed path', () => {
  const req = receivedFromOurs();
  assertFails(verify({ ...req, path: '/v1/clustergroups/cg-2/kubeconfig' }), 'bad-signature');
  assertFails(verify({ ...req, path: '/v1/clustergroups/cg%252D1/kubeconfig' }), 'bad-signature');
  // An escaped unreserved character names the same resource; the Python SDK signs it decoded.
  assert.equal(verify({ ...req, path: '/v1/clustergroups/cg%2D1/kubeconfig' }).ok, true);
});

test('rejects a changed method', () => {
  assertFails(verify({ ...receivedFromOurs(), method: 'PUT' }), 'bad-signature');
});

test('rejects a changed query', () => {
  const req = receivedFromOurs();
  assertFails(verify({ ...req, query: 'limit=11&tag=b&tag=a' }), 'bad-signature');
  assertFails(verify({ ...req, query: 'limit=10&tag=b' }), 'bad-signature');
  assertFails(verify({ ...req, query: '' }), 'bad-signature');
});

test('query order and encoding style do not matter', () => {
  const req = receivedFromOurs({ query: 'name=a%20b&limit=10&tag=b&tag=a' });
  assert.equal(verify({ ...req, query: 'tag=a&limit=10&name=a+b&tag=b' }).ok, true);
});

test('rejects a date 16 minutes off, both directions; accepts 15 minutes', () => {
  const min = 60_000;
  assertFails(verify(receivedFromOurs({ date: new Date(now.getTime() - 16 * min) })), 'stale-date');
  assertFails(verify(receivedFromOurs({ date: new Date(now.getTime() + 16 * min) })), 'stale-date');
  assert.equal(verify(receivedFromOurs({ date: new Date(now.getTime() - 15 * min) })).ok, true);
  assert.equal(verify(receivedFromOurs({ date: new Date(now.getTime() + 15 * min) })).ok, true);
  assertFails(verify(receivedFromOurs({ date: new Date(now.getTime() - 2 * min) }), { now, maxSkewMs: min }), 'stale-date');
});

test('rejects a stale request signed by the official SDK', () => {
  const req = receivedFromOfficial({ method: 'GET', url: 'http://127.0.0.1:8080/v1/clustergroups', headers: {}, date: new Date(now.getTime() + 16 * 60_000) });
  assertFails(verify(req), 'stale-date');
});

test('rejects a missing or unparsable X-Sdk-Date', () => {
  const req = receivedFromOurs();
  const { 'x-sdk-date': _date, ...without } = req.headers;
  assertFails(verify({ ...req, headers: without }), 'missing-date');
  assertFails(verify({ ...req, headers: { ...req.headers, 'x-sdk-date': '2025-06-01T12:00:00Z' } }), 'missing-date');
  assertFails(verify({ ...req, headers: { ...req.headers, 'x-sdk-date': '20250631T120000Z' } }), 'missing-date');
});

test('rejects an unknown access key', () => {
  const req = receivedFromOurs();
  const authorization = String(req.headers['authorization']).replace(`Access=${AK}`, 'Access=OTHERAK');
  assertFails(verify({ ...req, headers: { ...req.headers, authorization } }), 'unknown-access-key');
});

test('rejects an altered signature', () => {
  const req = receivedFromOurs();
  const authorization = String(req.headers['authorization']);
  const last = authorization.at(-1)!;
  const altered = authorization.slice(0, -1) + (last === '0' ? '1' : '0');
  assertFails(verify({ ...req, headers: { ...req.headers, authorization: altered } }), 'bad-signature');
  // Upper-case hex of the right signature is the same signature.
  const upper = authorization.replace(/Signature=([0-9a-f]{64})$/, (_m, sig: string) => `Signature=${sig.toUpperCase()}`);
  assert.equal(verify({ ...req, headers: { ...req.headers, authorization: upper } }).ok, true);
});

test('rejects a signed header missing from the request', () => {
  const req = receivedFromOurs();
  const { 'x-domain-id': _gone, ...without } = req.headers;
  assertFails(verify({ ...req, headers: without }), 'missing-signed-header');
  const official = receivedFromOfficial({ method: 'GET', url: 'http://127.0.0.1:8080/v1/clustergroups', headers: {}, date: now });
  const { host: _host, ...noHost } = official.headers;
  assertFails(verify({ ...official, headers: noHost }), 'missing-signed-header');
});

test('rejects malformed Authorization headers', () => {
  const req = receivedFromOurs();
  const good = String(req.headers['authorization']);
  const sig = /Signature=([0-9a-f]{64})/.exec(good)![1]!;
  const variants = [
    '',
    'garbage',
    'SDK-HMAC-SHA256',
    `SDK-HMAC-SHA1 Access=${AK}, SignedHeaders=host, Signature=${sig}`,
    `Bearer ${sig}`,
    `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=host;x-sdk-date`,
    `SDK-HMAC-SHA256 SignedHeaders=host;x-sdk-date, Signature=${sig}`,
    `SDK-HMAC-SHA256 Access=${AK}, Signature=${sig}`,
    `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=host;x-sdk-date, Signature=${sig.slice(1)}`,
    `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=host;x-sdk-date, Signature=${sig.slice(1)}g`,
    `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=host;;x-sdk-date, Signature=${sig}`,
    `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=Host;x-sdk-date, Signature=${sig}`,
    `SDK-HMAC-SHA256 Access=${AK}, Access=${AK}, SignedHeaders=host, Signature=${sig}`,
    `SDK-HMAC-SHA256 Access=${AK} SignedHeaders=host Signature=${sig}`,
  ];
  for (const authorization of variants) {
    assertFails(verify({ ...req, headers: { ...req.headers, authorization } }), 'malformed-authorization');
  }
  const { authorization: _a, ...none } = req.headers;
  assertFails(verify({ ...req, headers: none }), 'malformed-authorization');
});

test('honours X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD (ours and official)', () => {
  const req = receivedFromOurs({ headers: { 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' }, body: 'metadata=%7B%7D' });
  assert.equal(verify({ ...req, rawBody: Buffer.from('a completely different body') }).ok, true);

  const official = receivedFromOfficial({
    method: 'POST',
    url: 'http://127.0.0.1:8080/v1/clustergroups',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD', 'X-Domain-Id': 'domain-1' },
    body: 'metadata=%7B%22name%22%3A%22f%22%7D',
    date: now,
  });
  assert.equal(verify(official).ok, true);
  assert.equal(verify({ ...official, rawBody: Buffer.from('metadata=changed') }).ok, true);

  // Added to a request that was signed over its body, the header is not among SignedHeaders.
  const signedOverBody = receivedFromOurs();
  assertFails(verify({ ...signedOverBody, headers: { ...signedOverBody.headers, 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' } }), 'bad-content-hash');
});

test('accepts header values given as arrays (joined like Node does)', () => {
  const req = receivedFromOurs({ headers: { 'x-tags': 'a, b' } });
  assert.equal(verify({ ...req, headers: { ...req.headers, 'x-tags': ['a', 'b'] } }).ok, true);
});

test('defaults: now = current time, 15 minute window', () => {
  assert.equal(verifyRequest(receivedFromOurs({ date: new Date() }), lookup).ok, true);
  assertFails(verifyRequest(receivedFromOurs({ date: new Date(Date.now() - 16 * 60_000) }), lookup), 'stale-date');
});

test('X-Sdk-Content-Sha256 counts only when signed, and only as UNSIGNED-PAYLOAD or the hash of the bytes received', () => {
  const signedBody = '{"duration":1}';
  const swapped = '{"duration":1825}';
  const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
  const base = { host: '127.0.0.1:8080', 'content-type': 'application/json', 'x-domain-id': 'domain-1' };
  const path = '/v1/clustergroups/cg-1/kubeconfig';
  /** Signs `signed` headers over `signedBody`, then sends `sent` headers (the signed ones plus `extra`) with `body`. */
  const make = (signedExtra: Record<string, string>, sentExtra: Record<string, string>, body: string): ReceivedRequest => {
    const headers = { ...base, ...signedExtra };
    const added = signRequest({ method: 'POST', path, headers: { ...headers, ...sentExtra }, body: signedBody }, { accessKey: AK, secretKey: SK }, { date: now, signedHeaders: [...Object.keys(headers), 'x-sdk-date'] });
    return { method: 'POST', path, query: '', headers: { ...headers, ...sentExtra, 'x-sdk-date': added['X-Sdk-Date']!, authorization: added['Authorization']! }, rawBody: Buffer.from(body) };
  };
  const cases: { name: string; req: ReceivedRequest; expect: VerifyFailure | 'ok' }[] = [
    { name: 'unsigned header naming the signed body, body swapped', req: make({}, { 'x-sdk-content-sha256': sha(signedBody) }, swapped), expect: 'bad-content-hash' },
    { name: 'unsigned header naming the signed body, body unchanged', req: make({}, { 'x-sdk-content-sha256': sha(signedBody) }, signedBody), expect: 'bad-content-hash' },
    { name: 'signed header with the hash of another body', req: make({ 'x-sdk-content-sha256': sha(signedBody) }, {}, swapped), expect: 'bad-content-hash' },
    { name: 'signed header that is not a hash', req: make({ 'x-sdk-content-sha256': 'anything' }, {}, signedBody), expect: 'bad-content-hash' },
    { name: 'signed header with the hash of the body received', req: make({ 'x-sdk-content-sha256': sha(signedBody) }, {}, signedBody), expect: 'ok' },
    { name: 'signed header with that hash in upper case', req: make({ 'x-sdk-content-sha256': sha(signedBody).toUpperCase() }, {}, signedBody), expect: 'ok' },
    { name: 'UNSIGNED-PAYLOAD, signed: the body is not covered', req: make({ 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' }, {}, swapped), expect: 'ok' },
    { name: 'UNSIGNED-PAYLOAD, unsigned', req: make({}, { 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' }, swapped), expect: 'bad-content-hash' },
    { name: 'no header, body swapped', req: make({}, {}, swapped), expect: 'bad-signature' },
  ];
  for (const c of cases) {
    const result = verify(c.req);
    if (c.expect === 'ok') assert.equal(result.ok, true, `${c.name}: ${result.ok ? '' : result.message}`);
    else assertFails(result, c.expect);
  }
});
