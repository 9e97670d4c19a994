import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUcsClient } from '@ucs-fleet/client';
import type { RunningServer } from '@ucs-fleet/server';
import { officialSdkClient, officialSdkRequest } from '../../apig-signer/test/official-signer.js';
import { callApi, specCheckingFetch } from './support/http.js';
import { readyFleetId, startTestServer, token } from './support/test-server.js';

const ak = 'DEVAKEXAMPLE00000001';
const sk = 'dev-secret-key-change-me';
const kubeconfigPath = `/v1/clustergroups/${readyFleetId}/kubeconfig`;

describe('AK/SK signed requests', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const certificates = async () => (await server.store.listCertificates(readyFleetId)).length;

  test('the official SDK client, signing as it sends (host and all): a JSON body and a query string', async () => {
    const sdk = officialSdkClient({ endpoint: server.url, ak, sk, domainId: 'd1' });
    const kc = await sdk.call({ method: 'POST', url: '/v1/clustergroups/{clustergroupid}/kubeconfig', pathParams: { clustergroupid: readyFleetId }, data: { duration: 30 } });
    assert.equal(kc.kind, 'Config');
    const list = await sdk.call({ method: 'GET', url: '/v1/clustergroups', queryParams: { limit: 10, offset: 0, order_by: 'create_at', order: 'asc' } });
    assert.equal(list.total, 1);
  });

  test('our client signs with AK/SK and is accepted', async () => {
    const ucs = createUcsClient({ endpoint: server.url, accessKey: ak, secretKey: sk, domainId: 'd1', fetch: specCheckingFetch });
    const kc = await ucs.downloadFederationKubeconfig(readyFleetId, { duration: 2 });
    assert.equal(kc.kind, 'Config');
    assert.equal((await ucs.listFleets({ limit: 5, order: 'asc' })).items.length, 1);
  });

  const signed = (o: { path?: string; body?: string; date?: Date; key?: string; secret?: string } = {}) =>
    officialSdkRequest({
      method: 'POST',
      url: `${server.url}${o.path ?? kubeconfigPath}`,
      headers: { 'content-type': 'application/json', 'X-Domain-Id': 'd1' },
      body: o.body ?? '{"duration":30}',
      ak: o.key ?? ak,
      sk: o.secret ?? sk,
      ...(o.date ? { date: o.date } : {}),
    });

  const send = (r: ReturnType<typeof signed>, change: { path?: string; body?: string; headers?: Record<string, string> } = {}) => {
    const url = new URL(r.url);
    const headers = { ...r.headers, ...change.headers };
    delete headers.host;
    return callApi(server.url, { method: r.method, path: change.path ?? `${url.pathname}${url.search}`, headers, body: change.body ?? (r.body as string) });
  };

  test('an untampered signed request is accepted (the control for the table below)', async () => {
    assert.equal((await send(signed())).status, 201);
  });

  const tampering: { name: string; make: () => Promise<Awaited<ReturnType<typeof send>>>; message: RegExp }[] = [
    { name: 'the body changed by one byte', make: () => send(signed(), { body: '{"duration":31}' }), message: /signature/ },
    { name: 'a signed header changed', make: () => send(signed(), { headers: { 'content-type': 'application/json; charset=utf-8' } }), message: /signature/ },
    { name: 'the path changed', make: () => send(signed(), { path: `/v1/clustergroups/${readyFleetId}/cert` }), message: /signature/ },
    { name: 'the query changed', make: () => send(signed(), { path: `${kubeconfigPath}?x=1` }), message: /signature/ },
    { name: 'the date 16 minutes off', make: () => send(signed({ date: new Date(Date.now() - 16 * 60_000) })), message: /date|time/i },
    { name: 'an unknown AK', make: () => send(signed({ key: 'UNKNOWNAK', secret: sk })), message: /access key/ },
    { name: 'the signature altered', make: () => send(signed(), { headers: { Authorization: signed().headers.Authorization!.replace(/Signature=(.)/, (_, c: string) => `Signature=${c === 'a' ? 'b' : 'a'}`) } }), message: /signature/ },
    { name: 'a valid token beside a bad signature', make: () => send(signed({ secret: 'wrong' }), { headers: { 'X-Auth-Token': token } }), message: /signature/ },
  ];
  for (const t of tampering) {
    test(`${t.name}: 401 UCS.00000018 and nothing issued`, async () => {
      const before = await certificates();
      const response = await t.make();
      assert.equal(response.status, 401, response.text);
      const body = response.body as { error_code: string; error_msg: string };
      assert.equal(body.error_code, 'UCS.00000018');
      assert.match(body.error_msg, t.message);
      assert.equal(await certificates(), before);
    });
  }

  test('X-Domain-Id that is not the key\'s account: 403 UCS.00000004', async () => {
    const r = officialSdkRequest({ method: 'GET', url: `${server.url}/v1/clustergroups`, headers: { 'X-Domain-Id': 'd2' }, ak, sk });
    const response = await send(r);
    assert.equal(response.status, 403);
    assert.equal((response.body as { error_code: string }).error_code, 'UCS.00000004');
  });

  test('tokens still work alone', async () => {
    assert.equal((await callApi(server.url, { path: '/v1/clustergroups', token })).status, 200);
  });
});
