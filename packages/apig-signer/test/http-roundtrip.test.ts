import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { signRequest } from '@ucs-fleet/apig-signer';
import { officialSdkClient, officialSdkRequest } from './official-signer.js';
import { startVerifyingServer } from './verifying-server.js';

const AK = 'HPUAEXAMPLEAK1234567';
const SK = 'exampleSecretKey0123456789abcdefghijklmn';
let server: Awaited<ReturnType<typeof startVerifyingServer>>;

before(async () => {
  server = await startVerifyingServer((ak) => (ak === AK ? SK : undefined));
});
after(() => server.close());

function send(method: string, path: string, headers: Record<string, string>, body?: string | Uint8Array): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('the official SDK HTTP client (HcClient + axios) passes verification', async () => {
  const client = officialSdkClient({ endpoint: server.url, ak: AK, sk: SK, domainId: 'domain-1' });
  const before = server.exchanges.length;

  const post = await client.call({
    method: 'POST',
    url: '/v1/clustergroups/{clustergroupid}/federations/kubeconfig',
    pathParams: { clustergroupid: 'cg 1' },
    data: { duration: 30, name: 'ü' },
  });
  assert.equal(post['accessKey'], AK);
  assert.equal(post['httpStatusCode'], 200);

  const get = await client.call({
    method: 'GET',
    url: '/v1/clustergroups',
    queryParams: { limit: 10, tag: ['z', 'a', 'a b'], name: "x+y&z=!*'()" },
  });
  assert.equal(get['accessKey'], AK);

  const exchanges = server.exchanges.slice(before);
  assert.equal(exchanges.length, 2);
  for (const { request: req, result } of exchanges) {
    assert.deepEqual(result, { ok: true, accessKey: AK, pathStyle: 'node-sdk' });
    // What the SDK sends and signs.
    assert.match(String(req.headers['user-agent']), /^huaweicloud-usdk-nodejs\/3\.0/); // not signed
    assert.match(String(req.headers['authorization']), /SignedHeaders=content-type;host;x-domain-id;x-sdk-date,/);
    assert.equal(req.headers['host'], new URL(server.url).host);
  }
  assert.equal(exchanges[0]!.request.path, '/v1/clustergroups/cg%201/federations/kubeconfig');
});

test('the official SDK HTTP client gets a 401 when the secret is wrong', async () => {
  const client = officialSdkClient({ endpoint: server.url, ak: AK, sk: 'wrong', domainId: 'domain-1' });
  await assert.rejects(client.call({ method: 'GET', url: '/v1/clustergroups' }), (err: { httpStatusCode?: number; errorCode?: string }) => {
    assert.equal(err.httpStatusCode, 401);
    assert.equal(err.errorCode, 'bad-signature');
    return true;
  });
});

test('a request signed with officialSdkRequest() and sent with node:http passes verification', async () => {
  const signed = officialSdkRequest({
    method: 'POST',
    url: `${server.url}/v1/clustergroups/cg-1/kubeconfig?dry=true`,
    headers: { 'content-type': 'application/json', 'X-Domain-Id': 'domain-1' },
    body: { duration: 7 },
    ak: AK,
    sk: SK,
  });
  const res = await send(signed.method, new URL(signed.url).pathname + new URL(signed.url).search, signed.headers, signed.body);
  assert.equal(res.status, 200, res.body);
});

test('a request signed by our signer and sent with node:http passes verification', async () => {
  const host = new URL(server.url).host;
  const body = '{"duration":30}\n'; // trailing newline, as Go's JSON encoder writes it
  const path = '/v1/clustergroups/cg-1/kubeconfig';
  const query = 'a=1&b=x%20y';
  const headers = { host, 'content-type': 'application/json', 'x-domain-id': 'domain-1' };
  const added = signRequest({ method: 'POST', path, query, headers, body }, { accessKey: AK, secretKey: SK });
  const ok = await send('POST', `${path}?${query}`, { ...headers, ...added }, body);
  assert.equal(ok.status, 200, ok.body);

  const tampered = await send('POST', `${path}?${query}`, { ...headers, ...added }, body.trimEnd());
  assert.equal(tampered.status, 401);
  assert.equal(JSON.parse(tampered.body).error_code, 'bad-signature');
});
