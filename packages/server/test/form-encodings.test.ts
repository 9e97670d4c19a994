import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '@ucs-fleet/server';
import { callApi } from './support/http.js';
import { cceCluster } from './support/clusters.js';
import { readyFleetId, startTestServer, token } from './support/test-server.js';

describe('RegisterClusterGroup accepts the encodings the official SDKs send', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const show = async (uid: string) =>
    (await callApi(server.url, { path: `/v1/clustergroups/${uid}`, token })).body as { metadata: { name: string }; spec: { description?: string } };

  test('multipart/form-data with JSON text fields (Go SDK)', async () => {
    const form = new FormData();
    form.set('metadata', JSON.stringify({ name: 'from-go' }));
    form.set('spec', JSON.stringify({ description: 'multipart' }));
    const response = await fetch(`${server.url}/v1/clustergroups`, { method: 'POST', headers: { 'X-Auth-Token': token }, body: form });
    assert.equal(response.status, 201);
    const { uid } = (await response.json()) as { uid: string };
    const fleet = await show(uid);
    assert.equal(fleet.metadata.name, 'from-go');
    assert.equal(fleet.spec.description, 'multipart');
  });

  test('application/x-www-form-urlencoded (Python SDK)', async () => {
    const body = new URLSearchParams({ metadata: JSON.stringify({ name: 'from-python' }) }).toString();
    const response = await callApi(server.url, { method: 'POST', path: '/v1/clustergroups', token, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    assert.equal(response.status, 201);
    assert.equal((await show((response.body as { uid: string }).uid)).metadata.name, 'from-python');
  });

  test('a form field that is not JSON: 400 UCS.00000012 naming it', async () => {
    const body = new URLSearchParams({ metadata: 'name=x' }).toString();
    const response = await callApi(server.url, { method: 'POST', path: '/v1/clustergroups', token, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    assert.equal(response.status, 400);
    assert.equal((response.body as { error_code: string }).error_code, 'UCS.00000012');
    assert.match((response.body as { error_msg: string }).error_msg, /metadata/);
  });

  test('a form whose JSON breaks the schema is checked like JSON', async () => {
    const body = new URLSearchParams({ metadata: JSON.stringify({ name: 'Bad_Name' }) }).toString();
    const response = await callApi(server.url, { method: 'POST', path: '/v1/clustergroups', token, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    assert.equal(response.status, 400);
    assert.match((response.body as { error_msg: string }).error_msg, /metadata\.name/);
  });

  test('a form sent to an operation that takes only JSON: 415', async () => {
    const response = await callApi(server.url, {
      method: 'POST',
      path: '/v1/clustergroups/0f3c2d8e-5b7a-4c1e-9d2f-6a8b7c9d0e1f/kubeconfig',
      token,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'duration=30',
    });
    assert.equal(response.status, 415);
  });
});

describe('RegisterCluster and JoinGroup accept the form the Python SDK can express', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const postForm = (path: string, body: string) => callApi(server.url, { method: 'POST', path, token, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });

  test('RegisterCluster: kind and apiVersion as plain values, metadata and spec as JSON text', async () => {
    const { metadata, spec } = cceCluster('from-python');
    const response = await postForm('/v1/clusters', new URLSearchParams({ kind: 'Cluster', apiVersion: 'v1', metadata: JSON.stringify(metadata), spec: JSON.stringify(spec) }).toString());
    assert.equal(response.status, 201, response.text);
    const shown = await callApi(server.url, { path: `/v1/clusters/${(response.body as { uid: string }).uid}`, token });
    assert.equal((shown.body as { metadata: { name: string } }).metadata.name, 'from-python');
  });

  test("RegisterCluster: the SDK's own encoding, which keeps only the keys of metadata and spec, is 400 UCS.00000012 saying to send JSON", async () => {
    const before = (await server.store.listClusters('d1', { offset: 0, orderBy: 'create_at', order: 'asc' })).total;
    const response = await postForm('/v1/clusters', 'kind=Cluster&apiVersion=v1&metadata=name&metadata=labels&spec=category&spec=type&spec=provider&spec=clusterGroupID&spec=country');
    assert.equal(response.status, 400);
    const body = response.body as { error_code: string; error_msg: string };
    assert.equal(body.error_code, 'UCS.00000012');
    assert.match(body.error_msg, /form field metadata is not JSON text \(metadata=name&metadata=labels\)/);
    assert.match(body.error_msg, /send the body as application\/json/);
    assert.equal((await server.store.listClusters('d1', { offset: 0, orderBy: 'create_at', order: 'asc' })).total, before);
  });

  test('JoinGroup: clusterGroupID=<fleet id>, as the SDK sends it, joins the fleet', async () => {
    const registered = await callApi(server.url, { method: 'POST', path: '/v1/clusters', token, body: cceCluster('joins-by-form') });
    const uid = (registered.body as { uid: string }).uid;
    const response = await postForm(`/v1/clusters/${uid}/join`, `clusterGroupID=${readyFleetId}`);
    assert.equal(response.status, 200, response.text);
    assert.equal((await server.store.getCluster('d1', uid))?.fleetId, readyFleetId);
  });
});
