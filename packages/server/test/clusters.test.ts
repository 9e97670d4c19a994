/**
 * One happy-path call of each cluster operation, in the order a user makes them, each answer
 * checked against openapi.yaml (callApi): registering, listing, joining a fleet, leaving it,
 * the agent of an attached cluster, deregistering. docs/coverage.md counts an operation as
 * contract-tested by these names.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUcsClient, UcsApiError } from '@ucs-fleet/client';
import type { components } from '@ucs-fleet/types';
import type { RunningServer } from '@ucs-fleet/server';
import { callApi, specCheckingFetch } from './support/http.js';
import { attachedCluster, cceCluster } from './support/clusters.js';
import { readyFleetId, startTestServer, token } from './support/test-server.js';

type Cluster = components['schemas']['Cluster'];
type ClusterGroup = components['schemas']['ClusterGroup'];

describe('the cluster lifecycle, one operation at a time', () => {
  let server: RunningServer;
  let attached = '';
  let cce = '';
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const show = async (id: string) => (await callApi(server.url, { path: `/v1/clusters/${id}`, token })).body as Cluster;
  const fleet = async () => (await callApi(server.url, { path: `/v1/clustergroups/${readyFleetId}`, token })).body as ClusterGroup;

  test('RegisterCluster: 201 with the new cluster\'s uid, for an attached cluster and a CCE one', async () => {
    const r = await callApi(server.url, { method: 'POST', path: '/v1/clusters', token, body: attachedCluster('prod-1', { labels: { env: 'prod' }, annotations: { owner: 'team-a' } }) });
    assert.equal(r.status, 201, r.text);
    attached = (r.body as { uid: string }).uid;
    const c = await callApi(server.url, { method: 'POST', path: '/v1/clusters', token, body: cceCluster('cce-1') });
    assert.equal(c.status, 201, c.text);
    cce = (c.body as { uid: string }).uid;
  });

  test('ShowCluster: the cluster as registered; the kubeconfig gives the API server and is not kept', async () => {
    const c = await show(attached);
    assert.deepEqual(c.metadata.labels, { env: 'prod' });
    assert.deepEqual(c.metadata.annotations, { owner: 'team-a' }, 'the kubeconfig annotation is not kept');
    assert.equal(c.spec.apiEndpoint, 'https://10.0.0.1:6443');
    assert.deepEqual([c.spec.manageType, c.spec.category, c.spec.type, c.spec.clusterGroupID, c.spec.operatorNamespace], ['discrete', 'attachedcluster', 'privatek8s', undefined, 'd1']);
    assert.deepEqual(
      c.status?.conditions.map((x) => [x.type, x.status]),
      [
        ['Ready', 'True'],
        ['Cluster', 'Available'],
      ],
    );
    assert.equal(c.status?.phase, 'Available');
    assert.deepEqual(c.status?.endpoints, [{ url: 'https://10.0.0.1:6443', type: 'External' }]);
  });

  test('ShowClusterList: every cluster of the account, with filters and paging', async () => {
    const all = await callApi(server.url, { path: '/v1/clusters?order=asc', token });
    assert.equal(all.status, 200, all.text);
    assert.deepEqual((all.body as { items: Cluster[]; total: number }).items.map((c) => c.metadata.name), ['prod-1', 'cce-1']);
    const self = (await callApi(server.url, { path: '/v1/clusters?category=self&enablestatus=false', token })).body as { items: Cluster[]; total: number };
    assert.deepEqual([self.items.map((c) => c.metadata.name), self.total, self.items[0]?.status], [['cce-1'], 1, undefined]);
    const paged = await callApi(server.url, { path: `/v1/clusters?clusterids=${attached},${cce}&limit=1&offset=1&order=asc`, token });
    assert.equal(paged.status, 200, paged.text);
    const page = paged.body as { items: Cluster[]; total: number };
    assert.deepEqual([page.items.map((c) => c.metadata.name), page.total], [['cce-1'], 2]);
    const encoded = (await callApi(server.url, { path: `/v1/clusters?clusterids=${cce}%2C${attached}`, token })).body as { total: number };
    assert.equal(encoded.total, 2, 'the comma as the SDKs encode it');
  });

  test('JoinGroup: the cluster is in the fleet, and the fleet lists it', async () => {
    const r = await callApi(server.url, { method: 'POST', path: `/v1/clusters/${attached}/join`, token, body: { clusterGroupID: readyFleetId } });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body, {});
    const c = await show(attached);
    assert.deepEqual([c.spec.clusterGroupID, c.spec.manageType], [readyFleetId, 'grouped']);
    assert.deepEqual(c.status?.conditions.find((x) => x.type === 'Federation')?.status, 'Federalized', 'the seeded fleet has federation on');
    assert.deepEqual((await fleet()).spec.clusterIds, [attached]);
    assert.match((await fleet()).status.conditions[0]!.message, /1 member cluster\b/);
    const members = (await callApi(server.url, { path: `/v1/clusters?clustergroupid=${readyFleetId}&managetype=grouped`, token })).body as { items: Cluster[] };
    assert.deepEqual(members.items.map((m) => m.metadata.uid), [attached]);
    assert.deepEqual((await server.store.listFleetMembers(readyFleetId)).map((m) => m.id), [attached]);
    const again = await callApi(server.url, { method: 'POST', path: `/v1/clusters/${attached}/join`, token, body: { clusterGroupID: readyFleetId } });
    assert.equal(again.status, 200, 'joining its own fleet again changes nothing');
    assert.deepEqual((await fleet()).spec.clusterIds, [attached]);
  });

  test('LeaveGroup: the cluster is in no fleet, and the fleet no longer lists it', async () => {
    const r = await callApi(server.url, { method: 'POST', path: `/v1/clusters/${attached}/unjoin`, token });
    assert.equal(r.status, 200, r.text);
    const c = await show(attached);
    assert.deepEqual([c.spec.clusterGroupID, c.spec.manageType, c.status?.conditions.some((x) => x.type === 'Federation')], [undefined, 'discrete', false]);
    assert.deepEqual((await fleet()).spec.clusterIds, []);
  });

  test('UpdateCluster: country, city, annotations and a new kubeconfig of an attached cluster', async () => {
    const kubeconfig = 'apiVersion: v1\nkind: Config\nclusters:\n- name: moved\n  cluster:\n    server: https://10.0.0.9:6443\n';
    const r = await callApi(server.url, { method: 'PUT', path: `/v1/clusters/${attached}`, token, body: { kind: 'Cluster', apiVersion: 'v1', metadata: { annotations: { kubeconfig, owner: 'team-b' } }, spec: { country: 'DE', city: '10115' } } });
    assert.equal(r.status, 200, r.text);
    const c = await show(attached);
    assert.deepEqual([c.spec.country, c.spec.city, c.spec.apiEndpoint, c.metadata.annotations], ['DE', '10115', 'https://10.0.0.9:6443', { owner: 'team-b' }]);
  });

  test('ShowClusterAccessInfo: the agent manifests once, as JSON text; then IsDownloadedCert', async () => {
    const r = await callApi(server.url, { path: `/v1/clusters/${attached}/accessinfo?vpcendpoint=192.168.0.10&region=cn-north-4`, token });
    assert.equal(r.status, 200, r.text);
    const [deployment] = (r.body as string[]).map((text) => JSON.parse(text) as { kind: string; spec: { template: { spec: { containers: { args: string[] }[] } } } });
    assert.equal(deployment?.kind, 'Deployment');
    assert.ok(deployment?.spec.template.spec.containers[0]?.args.includes('--proxy-server-host=192.168.0.10'));
    assert.equal((await show(attached)).spec.IsDownloadedCert, true);
    assert.equal((await callApi(server.url, { path: `/v1/clusters/${attached}/accessinfo`, token })).status, 410);
  });

  test('RetryClusterActivation: the agent manifests can be downloaded once more', async () => {
    const r = await callApi(server.url, { method: 'PUT', path: `/v1/clusters/${attached}/activation`, token });
    assert.equal(r.status, 200, r.text);
    assert.equal((await show(attached)).spec.IsDownloadedCert, false);
    assert.equal((await callApi(server.url, { path: `/v1/clusters/${attached}/accessinfo`, token })).status, 200);
  });

  test('ListManagedClusters: the CCE clusters, a top-level array; none is unimported', async () => {
    const r = await callApi(server.url, { path: '/v1/managedclusters', token });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual((r.body as Cluster[]).map((c) => c.metadata.uid), [cce]);
    assert.deepEqual((await callApi(server.url, { path: '/v1/managedclusters?unimported=true', token })).body, []);
  });

  test('ListRegisteredClusterVersions: the versions, oldest first, the one clusters report last', async () => {
    const r = await callApi(server.url, { path: '/v1/config/registeredclusterversions', token });
    assert.equal(r.status, 200, r.text);
    const { versions } = r.body as { versions: string[] };
    assert.equal(versions[0], 'v1.19');
    assert.equal(versions.at(-1), (await show(cce)).status?.kubernetesVersion);
  });

  test('RegisterCluster with manageType grouped joins the fleet at once; ShowQuota counts registered clusters', async () => {
    const r = await callApi(server.url, { method: 'POST', path: '/v1/clusters', token, body: cceCluster('cce-grouped', { clusterGroupID: readyFleetId, manageType: 'grouped' }) });
    assert.equal(r.status, 201, r.text);
    const uid = (r.body as { uid: string }).uid;
    assert.deepEqual((await fleet()).spec.clusterIds, [uid]);
    const quota = (await callApi(server.url, { path: '/v1/maintenance/quota/d1', token })).body as { quotas: { resources: { type: string; used: string }[] } };
    assert.equal(quota.quotas.resources.find((x) => x.type === 'cluster')?.used, '3');
    assert.equal((await callApi(server.url, { method: 'POST', path: `/v1/clusters/${uid}/unjoin`, token })).status, 200);
  });

  test('DeleteCluster: a cluster in no fleet is deregistered', async () => {
    const r = await callApi(server.url, { method: 'DELETE', path: `/v1/clusters/${attached}`, token });
    assert.equal(r.status, 200, r.text);
    assert.equal((await callApi(server.url, { path: `/v1/clusters/${attached}`, token })).status, 404);
  });

  test('UpdateClusterGroupAssociatedClusters and RegisterClusterGroup make registered clusters members, as JoinGroup does', async () => {
    const created = await callApi(server.url, { method: 'POST', path: '/v1/clustergroups', token, body: { metadata: { name: 'with-members' }, spec: { clusterIds: [cce] } } });
    assert.equal(created.status, 201, created.text);
    const fleetId = (created.body as { uid: string }).uid;
    assert.deepEqual((await show(cce)).spec.clusterGroupID, fleetId);
    assert.equal((await callApi(server.url, { method: 'POST', path: `/v1/clusters/${cce}/unjoin`, token })).status, 200);
    const added = await callApi(server.url, { method: 'PUT', path: `/v1/clustergroups/${fleetId}/associatedclusters`, token, body: { clusterIds: [cce] } });
    assert.equal(added.status, 200, added.text);
    assert.deepEqual((await show(cce)).spec.clusterGroupID, fleetId);
    const refused = await callApi(server.url, { method: 'DELETE', path: `/v1/clustergroups/${fleetId}`, token });
    assert.deepEqual([refused.status, (refused.body as { error_code: string }).error_code], [400, 'UCS.01100002']);
    assert.equal((await callApi(server.url, { method: 'POST', path: `/v1/clusters/${cce}/unjoin`, token })).status, 200);
    assert.equal((await callApi(server.url, { method: 'DELETE', path: `/v1/clustergroups/${fleetId}`, token })).status, 200, 'once empty it is deleted');
  });
});

describe('the typed client: a method for each cluster operation', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('register, list, show, update, join, leave, access info, activation, versions, managed, delete; errors as UcsApiError', async () => {
    const ucs = createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });
    const { uid } = await ucs.registerCluster(attachedCluster('typed') as Parameters<typeof ucs.registerCluster>[0]);
    assert.equal((await ucs.listClusters({ clusterids: uid })).total, 1);
    await ucs.updateCluster(uid, { kind: 'Cluster', apiVersion: 'v1', spec: { city: '150900' } });
    await ucs.joinFleet(uid, readyFleetId);
    assert.equal((await ucs.showCluster(uid)).spec.clusterGroupID, readyFleetId);
    const refused = await ucs.deleteCluster(uid).catch((err: unknown) => err);
    assert.ok(refused instanceof UcsApiError);
    assert.deepEqual([refused.status, refused.errorCode], [400, 'UCS.01030009']);
    await ucs.leaveFleet(uid);
    assert.equal((await ucs.showClusterAccessInfo(uid, { region: 'cn-north-4' })).length, 1);
    await ucs.retryClusterActivation(uid);
    assert.deepEqual(await ucs.listManagedClusters({ unimported: true }), []);
    assert.ok((await ucs.listRegisteredClusterVersions()).versions.length > 0);
    await ucs.deleteCluster(uid);
    assert.equal((await ucs.listClusters()).total, 0);
  });
});
