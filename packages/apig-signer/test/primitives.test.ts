import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  formatSdkDate,
  isSignedRequest,
  parseAuthorizationHeader,
  parseSdkDate,
  percentEncode,
  signRequest,
} from '@ucs-fleet/apig-signer';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

test('formatSdkDate / parseSdkDate', () => {
  assert.equal(formatSdkDate(new Date('2024-02-29T23:59:58.999Z')), '20240229T235958Z');
  assert.equal(parseSdkDate('20240229T235958Z')?.toISOString(), '2024-02-29T23:59:58.000Z');
  for (const bad of ['', '20240229T235958', '2024-02-29T23:59:58Z', '20230229T000000Z', '20241301T000000Z', '20240101T246000Z', ' 20240101T000000Z']) {
    assert.equal(parseSdkDate(bad), undefined, bad);
  }
});

test('percentEncode keeps only A-Z a-z 0-9 - _ . ~ and uses upper-case UTF-8 %XX', () => {
  assert.equal(percentEncode("AZaz09-_.~ !*'()/?#[]@$&+,;=%"), 'AZaz09-_.~%20%21%2A%27%28%29%2F%3F%23%5B%5D%40%24%26%2B%2C%3B%3D%25');
  assert.equal(percentEncode('ü€😀'), '%C3%BC%E2%82%AC%F0%9F%98%80');
});

test('canonicalUri encodes each segment as received (no decoding) and appends /', () => {
  assert.equal(canonicalUri('/v1/clustergroups'), '/v1/clustergroups/');
  assert.equal(canonicalUri('/v1/clustergroups/'), '/v1/clustergroups/');
  assert.equal(canonicalUri('/'), '/');
  assert.equal(canonicalUri(''), '/');
  assert.equal(canonicalUri('/v1/a%20b/c:d'), '/v1/a%2520b/c%3Ad/');
});

test('canonicalQuery sorts keys and values and re-encodes (Go SDK vector)', () => {
  // Expected string from huaweicloud-sdk-go-v3 core/auth/signer/signer_test.go.
  const raw = new URLSearchParams([
    ['limit', '1'],
    ['enable', 'true'],
    ['test', '一 (&=?!#%.*)'],
    ['path', '/tmp/123'],
    ['multi', '3'],
    ['multi', '1'],
    ['multi', '2'],
  ]).toString();
  assert.equal(canonicalQuery(raw), 'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29');
  assert.equal(canonicalQuery(''), '');
  assert.equal(canonicalQuery(undefined), '');
  assert.equal(canonicalQuery('flag&b=&a=x+y'), 'a=x%20y&b=&flag=');
});

test('canonicalRequest layout', () => {
  const text = canonicalRequest({
    method: 'GET',
    path: '/v1/clustergroups',
    query: 'limit=10',
    headers: { Host: 'ucs.example.com', 'X-Sdk-Date': '20250101T000000Z', 'X-Domain-Id': ' d1 ' },
    signedHeaders: ['host', 'x-domain-id', 'x-sdk-date'],
    payloadHash: EMPTY_SHA256,
  });
  assert.equal(
    text,
    [
      'GET',
      '/v1/clustergroups/',
      'limit=10',
      'host:ucs.example.com\nx-domain-id:d1\nx-sdk-date:20250101T000000Z\n',
      'host;x-domain-id;x-sdk-date',
      EMPTY_SHA256,
    ].join('\n'),
  );
});

test('known answers from the Go SDK signer tests', () => {
  const creds = { accessKey: 'AccessKey', secretKey: 'SecretKey' };
  const date = new Date('2006-01-02T15:04:05Z');
  const get = signRequest({ method: 'GET', path: '/path', query: 'limit=1', headers: {} }, creds, { date });
  assert.deepEqual(get, {
    'X-Sdk-Date': '20060102T150405Z',
    Authorization: 'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
  });
  // Go's JSON encoder ends the body with '\n'; the signature covers those exact bytes.
  const post = signRequest({ method: 'POST', path: '/path', query: 'key=value', headers: { 'Content-Type': 'application/json' }, body: '{"Name":"test","Id":1}\n' }, creds, { date });
  assert.equal(post['Authorization'], 'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59');
});

test('signRequest signs every given header except content-type by default, plus x-sdk-date', () => {
  const out = signRequest(
    { method: 'POST', path: '/v1/x', headers: { Host: 'h', 'Content-Type': 'application/json', 'X-Domain-Id': 'd', 'X-Sdk-Date': 'ignored', Authorization: 'old' }, body: new Uint8Array([1, 2]) },
    { accessKey: 'ak', secretKey: 'sk' },
    { date: new Date('2025-01-01T00:00:00Z') },
  );
  assert.deepEqual(Object.keys(out), ['X-Sdk-Date', 'Authorization']);
  assert.equal(out['X-Sdk-Date'], '20250101T000000Z');
  assert.match(out['Authorization']!, /^SDK-HMAC-SHA256 Access=ak, SignedHeaders=host;x-domain-id;x-sdk-date, Signature=[0-9a-f]{64}$/);
});

test('signRequest with explicit signedHeaders; errors for absent or duplicated headers', () => {
  const creds = { accessKey: 'ak', secretKey: 'sk' };
  const out = signRequest({ method: 'GET', path: '/', headers: { host: 'h', 'x-a': '1' } }, creds, { signedHeaders: ['X-Sdk-Date', 'Host'] });
  assert.match(out['Authorization']!, /SignedHeaders=host;x-sdk-date,/);
  assert.throws(() => signRequest({ method: 'GET', path: '/', headers: {} }, creds, { signedHeaders: ['host'] }), /host/);
  assert.throws(() => signRequest({ method: 'GET', path: '/', headers: { host: 'a', Host: 'b' } }, creds), /more than once/);
});

test('signRequest is deterministic for a fixed date and sensitive to the secret', () => {
  const req = { method: 'GET', path: '/v1/x', headers: { host: 'h' } };
  const date = new Date('2025-01-01T00:00:00Z');
  assert.deepEqual(signRequest(req, { accessKey: 'ak', secretKey: 'sk' }, { date }), signRequest(req, { accessKey: 'ak', secretKey: 'sk' }, { date }));
  assert.notDeepEqual(signRequest(req, { accessKey: 'ak', secretKey: 'sk' }, { date }), signRequest(req, { accessKey: 'ak', secretKey: 'sk2' }, { date }));
});

test('parseAuthorizationHeader', () => {
  const sig = 'A'.repeat(64);
  assert.deepEqual(parseAuthorizationHeader(`SDK-HMAC-SHA256 Access=ak, SignedHeaders=host;x-sdk-date, Signature=${sig}`), {
    accessKey: 'ak',
    signedHeaders: ['host', 'x-sdk-date'],
    signature: 'a'.repeat(64),
  });
  assert.equal(typeof parseAuthorizationHeader('SDK-HMAC-SHA256 Access=ak'), 'string');
});

test('isSignedRequest', () => {
  assert.equal(isSignedRequest({ authorization: 'SDK-HMAC-SHA256 Access=a, SignedHeaders=b, Signature=c' }), true);
  assert.equal(isSignedRequest({ Authorization: 'SDK-HMAC-SHA256' }), true);
  assert.equal(isSignedRequest({ authorization: 'Bearer x' }), false);
  assert.equal(isSignedRequest({ authorization: 'SDK-HMAC-SHA256X' }), false);
  assert.equal(isSignedRequest({ 'x-auth-token': 'tok' }), false);
  assert.equal(isSignedRequest({ authorization: undefined }), false);
});
