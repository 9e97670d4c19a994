import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operationTable } from '@ucs-fleet/types';
import { defaultSeed, type RunningServer } from '@ucs-fleet/server';
import { cceCluster } from './support/clusters.js';
import { callApi } from './support/http.js';
import { registerInStore } from './support/registered-clusters.js';
import { otherAccountToken, readyFleetId, startTestServer, token } from './support/test-server.js';

const bodies: Record<string, unknown> = {
  CreateFederationConnection: { projectID: 'p', vpcID: 'v', subnetID: 's' },
  CreateFederationCert: { projectID: 'p', vpcID: 'v', subnetID: 's', duration: 1 },
  DownloadFederationKubeconfig: { duration: 1 },
  UpdateClusterGroup: { description: 'changed by another account' },
  UpdateClusterGroupAssociatedClusters: { clusterIds: ['foreign-cluster'] },
  UpdateClusterGroupAssociatedRules: { ruleIDNamespaces: [{ ruleIDs: ['foreign-rule'], namespaces: ['default'] }] },
  UpdateClusterGroupAssociatedZones: { dnsSuffix: ['foreign.example'] },
  UpgradeFederation: {},
  CreateClusterGroupPolicyInstance: { constraintTemplateID: 'foreign-template' },
  CreateProxyUnitedWorkload: { kind: 'ConfigMap', metadata: { name: 'foreign' }, template: { data: { a: '1' } } },
  UpdateProxyUnitedWorkload: { kind: 'ConfigMap', metadata: { name: 'foreign' }, template: { data: { a: '2' } } },
};

/** The query an operation needs to pass validation and reach the fleet. */
const queries: Record<string, string> = {
  ShowProxyUnitedWorkload: '?kind=ConfigMap&name=foreign',
  DeleteProxyUnitedWorkload: '?kind=ConfigMap&name=foreign',
};

describe('tenant isolation: another account never sees or touches a fleet', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const fleetOperations = Object.entries(operationTable).filter(([, r]) => r.path.includes('{clustergroupid}'));

  for (const [operationId, route] of fleetOperations) {
    test(`${operationId}: 404 UCS.00000013 for the other account, exactly like a missing fleet, and no change`, async () => {
      const before = await callApi(server.url, { path: `/v1/clustergroups/${readyFleetId}`, token });
      const at = (id: string) => `${route.path.replace('{clustergroupid}', id)}${queries[operationId] ?? ''}`;
      const request = { method: route.method.toUpperCase(), token: otherAccountToken, body: bodies[operationId] };
      const foreign = await callApi(server.url, { ...request, path: at(readyFleetId) });
      const missing = await callApi(server.url, { ...request, path: at('0f3c2d8e-5b7a-4c1e-9d2f-000000000000') });
      assert.equal(foreign.status, 404, foreign.text);
      assert.equal((foreign.body as { error_code: string }).error_code, 'UCS.00000013');
      assert.equal(foreign.text.replace(readyFleetId, 'ID'), missing.text.replace('0f3c2d8e-5b7a-4c1e-9d2f-000000000000', 'ID'));
      const after = await callApi(server.url, { path: `/v1/clustergroups/${readyFleetId}`, token });
      assert.deepEqual(after.body, before.body);
    });
  }

  test('ShowQuota: another account asking for this account\'s quotas gets 403 UCS.00000004, as for any account not its own', async () => {
    const foreign = await callApi(server.url, { path: '/v1/maintenance/quota/d1', token: otherAccountToken });
    const unknown = await callApi(server.url, { path: '/v1/maintenance/quota/no-such-account', token: otherAccountToken });
    assert.equal(foreign.status, 403, foreign.text);
    assert.equal((foreign.body as { error_code: string }).error_code, 'UCS.00000004');
    assert.equal(foreign.text.replace('d1', 'ID'), unknown.text.replace('no-such-account', 'ID'));
  });

  test("the other account's listing is empty", async () => {
    const list = await callApi(server.url, { path: '/v1/clustergroups', token: otherAccountToken });
    assert.deepEqual(list.body, { items: [], total: 0 });
  });

  test('the same fleet name may exist in two accounts', async () => {
    const created = await callApi(server.url, { method: 'POST', path: '/v1/clustergroups', token: otherAccountToken, body: { metadata: { name: 'demo' } } });
    assert.equal(created.status, 201);
  });

  test("CreateClusterKubeconfig: another account's cluster is 404 UCS.00000013 exactly like a missing one, and no CA is made nor certificate recorded", async () => {
    const [cluster] = await registerInStore(server, token, undefined, 'isolated-cluster');
    const at = (id: string) => ({ method: 'POST', path: `/v1/clusters/${id}/kubeconfig`, token: otherAccountToken });
    const foreign = await callApi(server.url, at(cluster!.id));
    const missing = await callApi(server.url, at('b0d1ecb5-0000-0000-0000-000000000000'));
    assert.equal(foreign.status, 404, foreign.text);
    assert.equal((foreign.body as { error_code: string }).error_code, 'UCS.00000013');
    assert.equal(foreign.text.replace(cluster!.id, 'ID'), missing.text.replace('b0d1ecb5-0000-0000-0000-000000000000', 'ID'));
    assert.equal(await server.store.getClusterCa(cluster!.id), undefined);
    assert.deepEqual(await server.store.listClusterCertificates(cluster!.id), []);
  });
});

const clusterId = 'b0d1ecb5-7947-11ee-9467-0255ac1001bf';
const missingCluster = 'b0d1ecb5-7947-11ee-9467-000000000000';
const clusterBodies: Record<string, unknown> = {
  UpdateCluster: { kind: 'Cluster', apiVersion: 'v1', spec: { country: 'DE' } },
  JoinGroup: { clusterGroupID: readyFleetId },
};

describe('tenant isolation: another account never sees or touches a cluster', () => {
  let server: RunningServer;
  before(async () => {
    const cluster = { id: clusterId, name: 'prod-1', domainId: 'd1', fleetId: readyFleetId, category: 'attachedcluster', type: 'privatek8s', provider: 'privatek8s', kubernetesVersion: 'v1.31', country: 'CN' };
    server = await startTestServer({ seed: { ...defaultSeed, clusters: [cluster] } });
  });
  after(() => server.close());

  const clusterOperations = Object.entries(operationTable).filter(([, r]) => r.path.includes('{clusterid}'));
  const state = async () => ({ cluster: await server.store.getCluster('d1', clusterId), fleet: (await callApi(server.url, { path: `/v1/clustergroups/${readyFleetId}`, token })).body });

  for (const [operationId, route] of clusterOperations) {
    test(`${operationId}: 404 UCS.00000013 for the other account, exactly like a missing cluster, and no change`, async () => {
      const before = await state();
      const at = (id: string) => route.path.replace('{clusterid}', id);
      const request = { method: route.method.toUpperCase(), token: otherAccountToken, body: clusterBodies[operationId] };
      const foreign = await callApi(server.url, { ...request, path: at(clusterId) });
      const missing = await callApi(server.url, { ...request, path: at(missingCluster) });
      assert.equal(foreign.status, 404, foreign.text);
      assert.equal((foreign.body as { error_code: string }).error_code, 'UCS.00000013');
      assert.equal(foreign.text.replace(clusterId, 'ID'), missing.text.replace(missingCluster, 'ID'));
      assert.deepEqual(await state(), before);
    });
  }

  test("the other account's cluster listings are empty, and it may use the same cluster name", async () => {
    assert.deepEqual((await callApi(server.url, { path: '/v1/clusters', token: otherAccountToken })).body, { items: [], total: 0 });
    assert.deepEqual((await callApi(server.url, { path: '/v1/managedclusters', token: otherAccountToken })).body, []);
    const registered = await callApi(server.url, { method: 'POST', path: '/v1/clusters', token: otherAccountToken, body: cceCluster('prod-1') });
    assert.equal(registered.status, 201, registered.text);
    const joinForeignFleet = await callApi(server.url, { method: 'POST', path: `/v1/clusters/${(registered.body as { uid: string }).uid}/join`, token: otherAccountToken, body: { clusterGroupID: readyFleetId } });
    assert.deepEqual([joinForeignFleet.status, (joinForeignFleet.body as { error_code: string }).error_code], [404, 'UCS.00000013'], "another account's fleet is as missing to a join");
    assert.deepEqual(((await callApi(server.url, { path: `/v1/clustergroups/${readyFleetId}`, token })).body as { spec: { clusterIds: string[] } }).spec.clusterIds, [clusterId]);
  });
});
