import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '@ucs-fleet/server';
import { callApi } from './support/http.js';
import { startTestServer, token } from './support/test-server.js';

describe('the per-account fleet quota under concurrency', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer({ seed: { tokens: [{ token, domainId: 'q1', userName: 'q', groups: [] }], accessKeys: [], fleets: [] } });
  });
  after(() => server.close());

  test('100 parallel creates: exactly 50 created, the rest UCS.00000017, no duplicate names, no lost rows', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => callApi(server.url, { method: 'POST', path: '/v1/clustergroups', token, body: { metadata: { name: `fleet-${i}` } } })),
    );
    const created = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status === 400);
    assert.equal(created.length, 50);
    assert.equal(refused.length, 50);
    for (const r of refused) assert.equal((r.body as { error_code: string }).error_code, 'UCS.00000017');
    const list = await callApi(server.url, { path: '/v1/clustergroups', token });
    const body = list.body as { items: { metadata: { uid: string; name: string } }[]; total: number };
    assert.equal(body.total, 50);
    assert.equal(new Set(body.items.map((f) => f.metadata.name)).size, 50);
    assert.deepEqual(
      new Set(body.items.map((f) => f.metadata.uid)),
      new Set(created.map((r) => (r.body as { uid: string }).uid)),
    );
  });

  test('paging: limit and offset walk the 50 fleets in order', async () => {
    const page = async (offset: number) =>
      (await callApi(server.url, { path: `/v1/clustergroups?limit=20&offset=${offset}&order_by=create_at&order=asc`, token })).body as {
        items: { metadata: { uid: string } }[];
        total: number;
      };
    const pages = [await page(0), await page(20), await page(40)];
    assert.deepEqual(pages.map((p) => p.items.length), [20, 20, 10]);
    assert.equal(new Set(pages.flatMap((p) => p.items.map((f) => f.metadata.uid))).size, 50);
    const bad = await callApi(server.url, { path: '/v1/clustergroups?limit=abc', token });
    assert.equal(bad.status, 400);
    assert.equal((bad.body as { error_code: string }).error_code, 'UCS.00000011');
  });
});
