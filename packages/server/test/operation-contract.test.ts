/**
 * One happy-path call of each fleet and federation operation the server had before the rest of
 * the SDK's fleet operations, in the order a user makes them, each answer checked against
 * openapi.yaml (callApi). docs/coverage.md counts an operation as contract-tested by these names.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '@ucs-fleet/server';
import { callApi } from './support/http.js';
import { startTestServer, token } from './support/test-server.js';

describe('the fleet lifecycle, one operation at a time', () => {
  let server: RunningServer;
  let id = '';
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const at = (suffix = '') => `/v1/clustergroups/${id}${suffix}`;
  const connection = { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' };

  test('RegisterClusterGroup: 201 with the new fleet\'s uid', async () => {
    const r = await callApi(server.url, { method: 'POST', path: '/v1/clustergroups', token, body: { metadata: { name: 'contract' }, spec: { description: 'd' } } });
    assert.equal(r.status, 201, r.text);
    id = (r.body as { uid: string }).uid;
  });

  test('ListClusterGroup: the new fleet is listed', async () => {
    const r = await callApi(server.url, { path: '/v1/clustergroups?limit=10&order=asc', token });
    assert.equal(r.status, 200, r.text);
    assert.ok((r.body as { items: { metadata: { uid: string } }[] }).items.some((f) => f.metadata.uid === id));
  });

  test('ShowClusterGroup: the fleet, federation Unavailable', async () => {
    const r = await callApi(server.url, { path: at(), token });
    assert.equal(r.status, 200, r.text);
    assert.equal((r.body as { status: { conditions: { status: string }[] } }).status.conditions[0]?.status, 'Unavailable');
  });

  test('EnableFederation: 201 with a job', async () => {
    const r = await callApi(server.url, { method: 'POST', path: at('/federations'), token });
    assert.equal(r.status, 201, r.text);
  });

  test('ShowFederationProgress: the CreateFederation job', async () => {
    const r = await callApi(server.url, { path: at('/federations/progress'), token });
    assert.equal(r.status, 200, r.text);
    assert.equal((r.body as { spec: { type: string } }).spec.type, 'CreateFederation');
  });

  test('CreateFederationConnection: 201 with the endpoint id', async () => {
    const r = await callApi(server.url, { method: 'POST', path: at('/connection'), token, body: connection });
    assert.equal(r.status, 201, r.text);
  });

  test('CreateFederationCert: 201 with a kubeconfig, on the same connection', async () => {
    const r = await callApi(server.url, { method: 'POST', path: at('/cert'), token, body: { ...connection, duration: 1 } });
    assert.equal(r.status, 201, r.text);
    assert.equal((r.body as { kind: string }).kind, 'Config');
  });

  test('DownloadFederationKubeconfig: 201 with a kubeconfig', async () => {
    const r = await callApi(server.url, { method: 'POST', path: at('/kubeconfig'), token, body: { duration: 1 } });
    assert.equal(r.status, 201, r.text);
    assert.equal((r.body as { kind: string }).kind, 'Config');
  });

  test('DisableFederation: 200 with a job', async () => {
    const r = await callApi(server.url, { method: 'DELETE', path: at('/federations'), token });
    assert.equal(r.status, 200, r.text);
  });

  test('DeleteClusterGroup: 200, and the fleet is gone', async () => {
    const r = await callApi(server.url, { method: 'DELETE', path: at(), token });
    assert.equal(r.status, 200, r.text);
    assert.equal((await callApi(server.url, { path: at(), token })).status, 404);
  });
});
