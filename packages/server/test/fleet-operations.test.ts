/**
 * The fleet operations of the official SDKs beyond the kubeconfig path: each one's happy path
 * over HTTP, every answer checked against openapi.yaml (callApi), every change read back through
 * ShowClusterGroup / ListClusterGroup and after a restart on the same data directory.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '@ucs-fleet/server';
import { cceCluster } from './support/clusters.js';
import { callApi } from './support/http.js';
import { otherAccountToken, readyFleetId, startTestServer, tempDir, token } from './support/test-server.js';

interface Fleet {
  metadata: { name: string; updateTimestamp: string };
  spec: { description?: string; federationVersion?: string; clusterIds: string[]; dnsSuffix?: string[]; ruleNamespaces?: string[] };
  status: { conditions: { type: string; status: string; message: string }[] };
}

describe('fleet operations', () => {
  let server: RunningServer;
  const dataDir = tempDir('fleet-operations');
  before(async () => {
    server = await startTestServer({ config: { dataDir } });
  });
  after(() => server.close());

  const show = async (id = readyFleetId) => (await callApi(server.url, { path: `/v1/clustergroups/${id}`, token })).body as Fleet;
  const create = async (name: string) =>
    ((await callApi(server.url, { method: 'POST', path: '/v1/clustergroups', token, body: { metadata: { name }, spec: { description: 'first' } } })).body as { uid: string }).uid;

  test('UpdateClusterGroup: the new description is shown by Show and List, survives a restart, and "" clears it', async () => {
    const id = await create('described');
    const response = await callApi(server.url, { method: 'PUT', path: `/v1/clustergroups/${id}/description`, token, body: { description: 'payments clusters, EU' } });
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.body, {});
    assert.equal((await show(id)).spec.description, 'payments clusters, EU');
    const list = (await callApi(server.url, { path: '/v1/clustergroups', token })).body as { items: (Fleet & { metadata: { uid: string } })[] };
    assert.equal(list.items.find((f) => f.metadata.uid === id)?.spec.description, 'payments clusters, EU');

    await server.close();
    server = await startTestServer({ config: { dataDir } });
    assert.equal((await show(id)).spec.description, 'payments clusters, EU', 'kept across a restart');

    await callApi(server.url, { method: 'PUT', path: `/v1/clustergroups/${id}/description`, token, body: { description: '' } });
    assert.equal((await show(id)).spec.description, undefined);
  });

  test('UpdateClusterGroup: a federated fleet keeps its federation; only the description changes', async () => {
    const before = await show();
    await callApi(server.url, { method: 'PUT', path: `/v1/clustergroups/${readyFleetId}/description`, token, body: { description: 'the demo fleet' } });
    const after = await show();
    const unversioned = { updateTimestamp: '', resourceVersion: '', generation: '' };
    assert.deepEqual({ ...after, metadata: { ...after.metadata, ...unversioned }, spec: { ...after.spec, description: undefined } }, {
      ...before,
      metadata: { ...before.metadata, ...unversioned },
      spec: { ...before.spec, description: undefined },
    });
    assert.equal(after.spec.description, 'the demo fleet');
  });

  const register = async (name: string) => ((await callApi(server.url, { method: 'POST', path: '/v1/clusters', token, body: cceCluster(name) })).body as { uid: string }).uid;
  const put = (id: string, suffix: string, body: unknown) => callApi(server.url, { method: 'PUT', path: `/v1/clustergroups/${id}${suffix}`, token, body });

  test('UpdateClusterGroupAssociatedClusters: clusters are added to those there, once each, and kept across a restart', async () => {
    const id = await create('with-clusters');
    const [c1, c2, c3] = await Promise.all(['c-1', 'c-2', 'c-3'].map((name) => register(name)));
    const first = await put(id, '/associatedclusters', { clusterIds: [c1, c2] });
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(first.body, {});
    await put(id, '/associatedclusters', { clusterIds: [c2, c3] });
    assert.deepEqual((await show(id)).spec.clusterIds, [c1, c2, c3]);
    await server.close();
    server = await startTestServer({ config: { dataDir } });
    assert.deepEqual((await show(id)).spec.clusterIds, [c1, c2, c3]);
  });

  test('UpdateClusterGroupAssociatedRules: the bindings replace those there; spec.ruleNamespaces lists their namespaces; ShowQuota counts the rules', async () => {
    const id = await create('with-rules');
    const bind = await put(id, '/associatedrules', { ruleIDNamespaces: [{ ruleIDs: ['r-1', 'r-2'], namespaces: ['kube-system', 'default'] }, { ruleIDs: ['r-2'], namespaces: ['apps'] }] });
    assert.equal(bind.status, 200, bind.text);
    assert.deepEqual((await show(id)).spec.ruleNamespaces, ['apps', 'default', 'kube-system']);
    const rules = async () =>
      ((await callApi(server.url, { path: '/v1/maintenance/quota/d1', token })).body as { quotas: { resources: { type: string; used: string }[] } }).quotas.resources.find((r) => r.type === 'rule')?.used;
    assert.equal(await rules(), '2');
    await put(id, '/associatedrules', { ruleIDNamespaces: [{ ruleIDs: ['r-3'], namespaces: ['apps'] }] });
    assert.deepEqual((await show(id)).spec.ruleNamespaces, ['apps']);
    assert.equal(await rules(), '1');
    await put(id, '/associatedrules', { ruleIDNamespaces: [] });
    assert.equal((await show(id)).spec.ruleNamespaces, undefined);
  });

  test('UpdateClusterGroupAssociatedZones: the DNS suffixes of a federated fleet are replaced and shown', async () => {
    const zones = await put(readyFleetId, '/associatedzones', { dnsSuffix: ['example.com', 'apps.example.org'] });
    assert.equal(zones.status, 200, zones.text);
    assert.deepEqual((await show()).spec.dnsSuffix, ['example.com', 'apps.example.org']);
    await put(readyFleetId, '/associatedzones', { dnsSuffix: [] });
    assert.equal((await show()).spec.dnsSuffix, undefined);
  });

  test('UpgradeFederation: a job ShowFederationProgress shows; the fleet is at the target once it is done', async () => {
    const before = (await show()).spec.federationVersion!;
    const configs = (await callApi(server.url, { path: '/v1/serverconfig', token })).body as { federations: { versionsInfo: { currentVersion: { FederationVersion: string }; targetVersions: { FederationVersion: string }[] }[] } };
    const target = configs.federations.versionsInfo.find((v) => v.currentVersion.FederationVersion === before)!.targetVersions[0]!.FederationVersion;
    const started = await callApi(server.url, { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/federations/upgrade`, token, body: { targetVersion: target } });
    assert.equal(started.status, 200, started.text);
    const { jobId, message } = started.body as { jobId: string; message: string };
    assert.equal(message, 'The federation is being upgraded');
    const progress = (await callApi(server.url, { path: `/v1/clustergroups/${readyFleetId}/federations/progress`, token })).body as { metadata: { uid: string }; spec: { type: string }; status: { phase: string } };
    assert.deepEqual([progress.metadata.uid, progress.spec.type, progress.status.phase], [jobId, 'UpgradeFederation', 'Success'], 'the test server upgrades at once');
    const after = await show();
    assert.equal(after.spec.federationVersion, target);
    assert.equal(after.status.conditions[0]?.status, 'Available');
    await server.close();
    server = await startTestServer({ config: { dataDir } });
    assert.equal((await show()).spec.federationVersion, target, 'kept across a restart');
  });

  test('RollbackFederation: a job ShowFederationProgress shows; the fleet is back at the version before the upgrade, and a second rollback is refused', async () => {
    const id = await create('rolled-back');
    const path = (suffix: string) => `/v1/clustergroups/${id}${suffix}`;
    assert.equal((await callApi(server.url, { method: 'POST', path: path('/federations'), token })).status, 201);
    const initial = (await show(id)).spec.federationVersion!;
    assert.equal((await callApi(server.url, { method: 'POST', path: path('/federations/upgrade'), token, body: {} })).status, 200);
    const upgraded = (await show(id)).spec.federationVersion!;
    assert.notEqual(upgraded, initial);

    const started = await callApi(server.url, { method: 'POST', path: path('/federations/rollback'), token });
    assert.equal(started.status, 200, started.text);
    const { jobId, message } = started.body as { jobId: string; message: string };
    assert.equal(message, 'The federation is being rolled back');
    const progress = (await callApi(server.url, { path: path('/federations/progress'), token })).body as { metadata: { uid: string }; spec: { type: string }; status: { phase: string } };
    assert.deepEqual([progress.metadata.uid, progress.spec.type, progress.status.phase], [jobId, 'RollbackFederation', 'Success'], 'the test server rolls back at once');
    assert.equal((progress.spec as { extendparam?: string }).extendparam, initial, 'extendparam: the version it goes to');
    const after = await show(id);
    assert.equal(after.spec.federationVersion, initial);
    assert.equal(after.status.conditions[0]?.status, 'Available');

    const again = await callApi(server.url, { method: 'POST', path: path('/federations/rollback'), token });
    assert.deepEqual([again.status, (again.body as { error_code: string }).error_code], [400, 'UCS.00000003']);
    assert.match((again.body as { error_msg: string }).error_msg, /already rolled back/);
    await server.close();
    server = await startTestServer({ config: { dataDir } });
    assert.equal((await show(id)).spec.federationVersion, initial, 'kept across a restart');
    assert.equal((await callApi(server.url, { method: 'DELETE', path: path('/federations'), token })).status, 200);
  });

  const web = {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name: 'web', labels: { app: 'web' }, annotations: { owner: 'payments' } },
    template: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } },
    propagationPolicy: {
      kind: 'PropagationPolicy',
      apiVersion: 'policy.karmada.io/v1alpha1',
      metadata: { name: 'web', namespace: 'default' },
      spec: { resourceSelectors: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }], placement: { clusterAffinity: { clusterNames: ['member-1', 'member-2'] } } },
    },
    overridePolicy: { kind: 'OverridePolicy', apiVersion: 'policy.karmada.io/v1alpha1', spec: { overriders: { imageOverrider: [{ component: 'Tag', operator: 'replace', value: '1.28' }] } } },
    resourceBinding: { kind: 'ResourceBinding', spec: { replicas: 2, clusters: [{ name: 'member-1', replicas: '1' }, { name: 'member-2', replicas: '1' }] } },
  };
  interface Workload { metadata: Record<string, unknown> & { uid: string; generation: string; resourceVersion: string; creationTimestamp: string } }
  const workloads = (suffix = '', method = 'GET', body?: unknown) => callApi(server.url, { method, path: `/v1/clustergroups/${readyFleetId}/unitedworkload${suffix}`, token, body });
  const withoutServerFields = (w: Workload) => {
    const { uid: _u, creationTimestamp: _c, updateTimestamp: _t, resourceVersion: _r, generation: _g, ...metadata } = w.metadata;
    return { ...w, metadata };
  };

  test('CreateProxyUnitedWorkload: 201 with the workload as sent, in the default namespace, generation 1; kept across a restart', async () => {
    const created = await workloads('', 'POST', web);
    assert.equal(created.status, 201, created.text);
    const body = created.body as Workload;
    assert.deepEqual(withoutServerFields(body), { ...web, metadata: { ...web.metadata, namespace: 'default' } }, 'every field kept as sent');
    assert.deepEqual([body.metadata.generation, body.metadata.resourceVersion], ['1', '1']);
    await server.close();
    server = await startTestServer({ config: { dataDir } });
    const shown = await workloads('?kind=Deployment&name=web');
    assert.deepEqual(shown.body, body, 'Show after a restart answers what Create did');
  });

  test('ShowProxyUnitedWorkload: the workload by kind, namespace and name; another kind or namespace is another workload', async () => {
    const shown = await workloads('?kind=Deployment&namespace=default&name=web');
    assert.equal(shown.status, 200, shown.text);
    assert.deepEqual(withoutServerFields(shown.body as Workload), { ...web, metadata: { ...web.metadata, namespace: 'default' } });
    assert.equal((await workloads('?kind=Service&name=web')).status, 404);
    assert.equal((await workloads('?kind=Deployment&namespace=apps&name=web')).status, 404);
  });

  test('UpdateProxyUnitedWorkload: the body replaces the workload; uid and creation stay, generation and resourceVersion go up', async () => {
    const before = (await workloads('?kind=Deployment&name=web')).body as Workload;
    const changed = { kind: 'Deployment', metadata: { name: 'web', namespace: 'default', labels: { app: 'web', tier: 'front' } }, template: { spec: { replicas: 3 } } };
    const updated = await workloads('', 'PUT', changed);
    assert.equal(updated.status, 200, updated.text);
    const body = updated.body as Workload;
    assert.deepEqual(withoutServerFields(body), changed, 'what the body leaves out is gone');
    assert.deepEqual([body.metadata.uid, body.metadata.creationTimestamp], [before.metadata.uid, before.metadata.creationTimestamp]);
    assert.deepEqual([body.metadata.generation, body.metadata.resourceVersion], ['2', '2']);
    assert.deepEqual((await workloads('?kind=Deployment&name=web')).body, body);
  });

  test('DeleteProxyUnitedWorkload: 200 {}; Show then answers 404, and the name can be created again', async () => {
    const deleted = await workloads('?kind=Deployment&name=web', 'DELETE');
    assert.equal(deleted.status, 200, deleted.text);
    assert.deepEqual(deleted.body, {});
    const gone = await workloads('?kind=Deployment&name=web');
    assert.deepEqual([gone.status, (gone.body as { error_code: string }).error_code], [404, 'UCS.00000013']);
    assert.equal((await workloads('', 'POST', web)).status, 201);
    assert.equal(((await workloads('?kind=Deployment&name=web')).body as Workload).metadata.generation, '1', 'a new workload');
  });

  test('DisableFederation takes the fleet\'s workloads with it: after enabling again there are none', async () => {
    const id = await create('with-workloads');
    const at = (suffix: string, method = 'GET', body?: unknown) => callApi(server.url, { method, path: `/v1/clustergroups/${id}${suffix}`, token, body });
    assert.equal((await at('/federations', 'POST')).status, 201);
    assert.equal((await at('/unitedworkload', 'POST', { kind: 'ConfigMap', metadata: { name: 'settings' }, template: { data: { a: '1' } } })).status, 201);
    assert.equal((await server.store.listWorkloads(id)).length, 1);
    assert.equal((await at('/federations', 'DELETE')).status, 200);
    assert.deepEqual(await server.store.listWorkloads(id), [], 'no workload outlives its federation');
    const refused = await at('/unitedworkload?kind=ConfigMap&name=settings');
    assert.deepEqual([refused.status, (refused.body as { error_code: string }).error_code], [400, 'UCS.01080006']);
    assert.equal((await at('/federations', 'POST')).status, 201);
    assert.equal((await at('/unitedworkload?kind=ConfigMap&name=settings')).status, 404);
    assert.equal((await at('/federations', 'DELETE')).status, 200);
    assert.equal((await at('', 'DELETE')).status, 200);
  });

  test('ShowClusterGroup: resourceVersion and generation go up with every change of the fleet; federationExpirationTimestamp is ten years after enabling', async () => {
    const id = await create('versioned');
    const meta = async () => ((await show(id)) as Fleet & { metadata: { resourceVersion: string; generation: string } }).metadata;
    assert.deepEqual([(await meta()).resourceVersion, (await meta()).generation], ['1', '1']);
    await callApi(server.url, { method: 'PUT', path: `/v1/clustergroups/${id}/description`, token, body: { description: 'second' } });
    assert.deepEqual([(await meta()).resourceVersion, (await meta()).generation], ['2', '2']);
    const enabled = await callApi(server.url, { method: 'POST', path: `/v1/clustergroups/${id}/federations`, token });
    assert.equal(enabled.status, 201);
    const fleet = (await show(id)) as Fleet & { metadata: { resourceVersion: string }; spec: { federationExpirationTimestamp?: string } };
    assert.equal(fleet.metadata.resourceVersion, '3');
    const job = (await callApi(server.url, { path: `/v1/clustergroups/${id}/federations/progress`, token })).body as { metadata: { creationTimestamp: string } };
    const years = (Date.parse(fleet.spec.federationExpirationTimestamp!) - Date.parse(job.metadata.creationTimestamp)) / (365.25 * 24 * 3600 * 1000);
    assert.ok(Math.abs(years - 10) < 0.01, `about ten years, not ${years}`);
    assert.equal((await callApi(server.url, { method: 'DELETE', path: `/v1/clustergroups/${id}/federations`, token })).status, 200);
    assert.equal(((await show(id)) as Fleet & { spec: { federationExpirationTimestamp?: string } }).spec.federationExpirationTimestamp, undefined);
    assert.equal(((await show(id)) as Fleet & { metadata: { resourceVersion: string } }).metadata.resourceVersion, '4');
  });

  const call = (method: string, id: string, suffix: string, body?: unknown) => callApi(server.url, { method, path: `/v1/clustergroups/${id}${suffix}`, token, body });
  const policyCondition = async (id: string) => (await show(id)).status.conditions.find((c) => c.type === 'Policy');

  test('EnableClusterGroupPolicy: 201 with a jobID; the fleet shows its policyId and a Running Policy condition', async () => {
    const id = await create('with-policy');
    const enabled = await call('POST', id, '/policy?retry=false');
    assert.equal(enabled.status, 201, enabled.text);
    assert.match((enabled.body as { jobID: string }).jobID, /^[0-9a-f-]{36}$/);
    const fleet = await show(id) as Fleet & { spec: { policyId?: string } };
    assert.match(fleet.spec.policyId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal((await policyCondition(id))?.status, 'Running');
  });

  test('CreateClusterGroupPolicyInstance: 201 with a jobID; the instance is kept as sent and counted, across a restart', async () => {
    const id = await create('with-instance');
    await call('POST', id, '/policy');
    const request = { constraintTemplateID: 'f1519ae2-adf8-11ed-9f9c-0255ac100186', enforcementAction: 'warn', namespaces: ['default'], parameters: { volumes: ['configMap'], nested: { depth: 2 } } };
    const created = await call('POST', id, '/policyinstance', request);
    assert.equal(created.status, 201, created.text);
    const { jobID } = created.body as { jobID: string };
    const [instance] = await server.store.listPolicyInstances(id);
    assert.deepEqual(instance && { ...instance, createdAt: 0 }, { id: jobID, fleetId: id, templateId: request.constraintTemplateID, enforcementAction: 'warn', namespaces: ['default'], parameters: request.parameters, createdAt: 0 });
    assert.match((await policyCondition(id))?.message ?? '', /with 1 policy instance$/);
    await server.close();
    server = await startTestServer({ config: { dataDir } });
    assert.equal((await server.store.listPolicyInstances(id)).length, 1);
    assert.match((await policyCondition(id))?.message ?? '', /with 1 policy instance$/);
  });

  test('DisableClusterGroupPolicy: 200 with a jobID; policyId, the Policy condition and the instances are gone', async () => {
    const id = await create('without-policy');
    await call('POST', id, '/policy');
    await call('POST', id, '/policyinstance', { constraintTemplateID: 't-1' });
    const disabled = await call('DELETE', id, '/policy');
    assert.equal(disabled.status, 200, disabled.text);
    assert.ok((disabled.body as { jobID: string }).jobID);
    const fleet = await show(id) as Fleet & { spec: { policyId?: string } };
    assert.equal(fleet.spec.policyId, undefined);
    assert.equal(await policyCondition(id), undefined);
    assert.deepEqual(await server.store.listPolicyInstances(id), []);
  });

  test('ListServerConfigs: the federation upgrade map names the version a federated fleet is at', async () => {
    const response = await callApi(server.url, { path: '/v1/serverconfig', token });
    assert.equal(response.status, 200, response.text);
    const configs = response.body as { federations: { versionsInfo: { currentVersion: { FederationVersion: string }; targetVersions: { FederationVersion: string }[] }[] } };
    const current = (await show()).spec.federationVersion;
    const entry = configs.federations.versionsInfo.find((v) => v.currentVersion.FederationVersion === current);
    assert.ok(entry, `${current} is in the map`);
    assert.ok(entry.targetVersions.length > 0, 'a new federation can be upgraded');
    const known = new Set(configs.federations.versionsInfo.map((v) => v.currentVersion.FederationVersion));
    for (const v of configs.federations.versionsInfo) for (const t of v.targetVersions) assert.ok(known.has(t.FederationVersion), `${t.FederationVersion} is itself in the map`);
    const other = await callApi(server.url, { path: '/v1/serverconfig', token: otherAccountToken });
    assert.deepEqual(other.body, response.body, 'the same for every account');
  });

  test('ShowQuota: the fleet quota with the fleets used, counted again after a create', async () => {
    const quota = async () => {
      const response = await callApi(server.url, { path: '/v1/maintenance/quota/d1', token });
      assert.equal(response.status, 200, response.text);
      const resources = (response.body as { quotas: { resources: { type: string; quota: string; used: string }[] } }).quotas.resources;
      return Object.fromEntries(resources.map((r) => [r.type, r]));
    };
    const before = await quota();
    assert.deepEqual(Object.keys(before).sort(), ['cluster', 'clustergroup', 'federation', 'rule']);
    assert.equal(before.clustergroup!.quota, '50');
    const fleets = ((await callApi(server.url, { path: '/v1/clustergroups', token })).body as { total: number }).total;
    assert.equal(before.clustergroup!.used, String(fleets));
    assert.equal(before.federation!.used, '1', 'the seeded fleet is federated');
    await create('counted');
    assert.equal((await quota()).clustergroup!.used, String(fleets + 1));
    const other = await callApi(server.url, { path: '/v1/maintenance/quota/d2', token: otherAccountToken });
    assert.equal(((other.body as { quotas: { resources: { type: string; used: string }[] } }).quotas.resources.find((r) => r.type === 'clustergroup'))?.used, '0', 'per account');
  });
});
