import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAuthorizationHeader, signRequest, type SignableRequest } from '@ucs-fleet/apig-signer';
import { signWithOfficialSdk } from './official-signer.js';

const creds = { accessKey: 'HPUAEXAMPLEAK1234567', secretKey: 'exampleSecretKey/With+Chars=0123456789ab' };
const date = new Date('2025-03-04T05:06:07.890Z');

/** Signs the same request with the official SDK and with ours (same signed-header list) and compares. */
function compare(method: string, url: string, headers: Record<string, string>, body?: unknown, expectedHost = new URL(url).host): void {
  const official = signWithOfficialSdk({ method, url, headers, body, ak: creds.accessKey, sk: creds.secretKey, date });
  const auth = parseAuthorizationHeader(official['Authorization']!);
  assert.notEqual(typeof auth, 'string', `official Authorization unparsable: ${official['Authorization']}`);
  const { signedHeaders } = auth as Exclude<typeof auth, string>;

  assert.equal(official['host'], expectedHost);
  const u = new URL(url);
  const req: SignableRequest = {
    method,
    path: u.pathname,
    query: u.search.slice(1),
    headers: { ...headers, host: expectedHost },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  const ours = signRequest(req, creds, { date, signedHeaders });
  assert.equal(ours['X-Sdk-Date'], official['X-Sdk-Date']);
  assert.equal(ours['Authorization'], official['Authorization']);
}

test('official SDK signs host, X-Sdk-Date and every given header incl. content-type', () => {
  const official = signWithOfficialSdk({
    method: 'GET',
    url: 'https://ucs.myhuaweicloud.com/v1/clustergroups',
    headers: { 'content-type': 'application/json', 'X-Domain-Id': 'd1' },
    ak: creds.accessKey,
    sk: creds.secretKey,
    date,
  });
  assert.equal(official['X-Sdk-Date'], '20250304T050607Z');
  assert.equal(official['host'], 'ucs.myhuaweicloud.com');
  assert.match(official['Authorization']!, /^SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK1234567, SignedHeaders=content-type;host;x-domain-id;x-sdk-date, Signature=[0-9a-f]{64}$/);
});

test('same signature as the official SDK: POST with a JSON body', () => {
  compare(
    'POST',
    'https://ucs.myhuaweicloud.com/v1/clustergroups/3c6e2d4a-0c5f-11ef-9d5b-0255ac100b02/kubeconfig',
    { 'content-type': 'application/json', 'X-Domain-Id': '0a1b2c3d4e5f', 'X-Security-Token': 'tok+/=' },
    { duration: 30, nested: { name: 'fleet ü €', list: [1, true, null] } },
  );
});

test('same signature as the official SDK: GET with multiple keys, a repeated key and escaping', () => {
  const query = new URLSearchParams([
    ['limit', '10'],
    ['tag', 'zeta'],
    ['name', 'a b+c&d=e/f?g'],
    ['tag', 'alpha'],
    ['order_by', 'created_at'],
    ['tag', 'Mid~dle.x_y-z'],
    ['q', "中文 !*'()"],
    ['empty', ''],
  ]);
  compare('GET', `http://127.0.0.1:8443/v1/clustergroups?${query}`, { 'content-type': 'application/json', 'X-Domain-Id': 'd1' });
});

test('same signature as the official SDK: query encoded with %20 instead of +', () => {
  compare('GET', 'https://ucs.myhuaweicloud.com/v1/clustergroups?b=x%20y&a=%2B1&a=0', { 'X-Domain-Id': 'd1' });
});

test('same signature as the official SDK: path with characters needing escaping', () => {
  // Characters legacy url.parse (SDK) and WHATWG URL (wire) treat alike: space and {} are
  // escaped by both, the sub-delims and an existing %XX are left alone.
  compare('DELETE', 'https://ucs.myhuaweicloud.com/v1/cluster groups/a:b@c!$&()*+,;=~/%41%2Fx/{id}', { 'X-Domain-Id': 'd1' });
});

test('same signature as the official SDK: empty body, no query, trailing slash, explicit default port', () => {
  // The SDK keeps an explicit :443 in the signed host and sends it as the Host header.
  compare('PUT', 'https://ucs.myhuaweicloud.com:443/v1/clustergroups/', { 'content-type': 'application/json' }, undefined, 'ucs.myhuaweicloud.com:443');
});

test('same signature as the official SDK: UNSIGNED-PAYLOAD form body', () => {
  const headers = { 'content-type': 'application/x-www-form-urlencoded', 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD', 'X-Domain-Id': 'd1' };
  const official = signWithOfficialSdk({ method: 'POST', url: 'https://ucs.myhuaweicloud.com/v1/clustergroups', headers, body: 'metadata=%7B%7D', ak: creds.accessKey, sk: creds.secretKey, date });
  const ours = signRequest(
    { method: 'POST', path: '/v1/clustergroups', headers: { ...headers, host: 'ucs.myhuaweicloud.com' }, body: 'anything at all' },
    creds,
    { date, signedHeaders: ['content-type', 'host', 'x-domain-id', 'x-sdk-content-sha256', 'x-sdk-date'] },
  );
  assert.equal(ours['Authorization'], official['Authorization']);
});

test('quirk: the official SDK signs the url.parse pathname, which differs from the wire for non-ASCII', () => {
  const url = 'https://ucs.myhuaweicloud.com/v1/fleet-ü';
  const official = signWithOfficialSdk({ method: 'GET', url, headers: {}, ak: creds.accessKey, sk: creds.secretKey, date });
  const signedHeaders = ['host', 'x-sdk-date'];
  const host = { host: 'ucs.myhuaweicloud.com' };
  // SDK signs the raw character (encoded once) ...
  assert.equal(signRequest({ method: 'GET', path: '/v1/fleet-ü', headers: host }, creds, { date, signedHeaders })['Authorization'], official['Authorization']);
  // ... but axios sends /v1/fleet-%C3%BC, whose canonical form is /v1/fleet-%25C3%25BC/.
  assert.equal(new URL(url).pathname, '/v1/fleet-%C3%BC');
  assert.notEqual(signRequest({ method: 'GET', path: new URL(url).pathname, headers: host }, creds, { date, signedHeaders })['Authorization'], official['Authorization']);
});
