import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '@ucs-fleet/server';
import { callApi, type ApiRequest } from './support/http.js';
import { attachedCluster } from './support/clusters.js';
import { startTestServer, token } from './support/test-server.js';

const connection = { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' };
const seed = {
  tokens: [{ token, domainId: 'd1', userName: 'alice', groups: [] }],
  accessKeys: [],
  fleets: [
    { id: 'f-off', name: 'off', domainId: 'd1' },
    { id: 'f-enabling', name: 'enabling', domainId: 'd1', federation: 'enabling' as const },
    { id: 'f-on', name: 'on', domainId: 'd1', federation: 'enabled' as const },
    { id: 'f-connected', name: 'connected', domainId: 'd1', federation: 'enabled' as const, connection: true },
    { id: 'f-deleted', name: 'deleted', domainId: 'd1' },
    { id: 'f-upgrading', name: 'upgrading', domainId: 'd1', federation: 'enabled' as const },
    { id: 'f-rolling-back', name: 'rolling-back', domainId: 'd1', federation: 'enabled' as const },
    { id: 'f-full', name: 'full', domainId: 'd1' },
    { id: 'f-policy', name: 'policy', domainId: 'd1' },
  ],
  clusters: [
    { id: 'c-free', name: 'free', domainId: 'd1' },
    { id: 'c-member', name: 'member', domainId: 'd1', fleetId: 'f-off' },
    { id: 'c-downloaded', name: 'downloaded', domainId: 'd1' },
    { id: 'c-cce', name: 'cce', domainId: 'd1', category: 'self' },
    // f-full holds the most a fleet holds; with them the account holds more than its 50.
    ...Array.from({ length: 50 }, (_, i) => ({ id: `c-full-${i}`, name: `full-${i}`, domainId: 'd1', fleetId: 'f-full' })),
  ].map((c) => ({ category: 'attachedcluster', type: c.category === 'self' ? 'cce' : 'privatek8s', provider: c.category === 'self' ? 'huaweicloud' : 'privatek8s', kubernetesVersion: 'v1.31', country: 'CN', ...c })),
};

const cluster = (id: string, suffix: string, method: string, body?: unknown): ApiRequest => ({ method, path: `/v1/clusters/${id}${suffix}`, token, body });

const at = (fleet: string, suffix: string, method: string, body?: unknown): ApiRequest => ({
  method,
  path: `/v1/clustergroups/${fleet}${suffix}`,
  token,
  body,
});

const wrongOrder: { name: string; request: ApiRequest; code: string; message: RegExp }[] = [
  { name: 'enable twice', request: at('f-on', '/federations', 'POST'), code: 'UCS.00000003', message: /already enabled/ },
  { name: 'enable while enabling', request: at('f-enabling', '/federations', 'POST'), code: 'UCS.00000003', message: /already being enabled/ },
  { name: 'disable what is not enabled', request: at('f-off', '/federations', 'DELETE'), code: 'UCS.00000003', message: /not enabled/ },
  { name: 'connect before federation', request: at('f-off', '/connection', 'POST', connection), code: 'UCS.00000003', message: /not enabled/ },
  { name: 'connect while enabling', request: at('f-enabling', '/connection', 'POST', connection), code: 'UCS.00000003', message: /still being enabled/ },
  { name: 'connect twice', request: at('f-connected', '/connection', 'POST', connection), code: 'UCS.00000003', message: /already exists/ },
  { name: 'download before the connection', request: at('f-on', '/kubeconfig', 'POST', { duration: 1 }), code: 'UCS.00000003', message: /connection/ },
  { name: 'download before federation', request: at('f-off', '/kubeconfig', 'POST', { duration: 1 }), code: 'UCS.00000003', message: /not enabled/ },
  { name: 'delete a fleet with federation on', request: at('f-on', '', 'DELETE'), code: 'UCS.00000003', message: /disable federation first/ },
  { name: 'create a fleet with a name ending in -', request: { method: 'POST', path: '/v1/clustergroups', token, body: { metadata: { name: 'bad-' } } }, code: 'UCS.00000012', message: /metadata\.name/ },
  { name: 'create a fleet with upper case', request: { method: 'POST', path: '/v1/clustergroups', token, body: { metadata: { name: 'Fleet' } } }, code: 'UCS.00000012', message: /metadata\.name/ },
  { name: 'create a fleet starting with a digit', request: { method: 'POST', path: '/v1/clustergroups', token, body: { metadata: { name: '1fleet' } } }, code: 'UCS.00000012', message: /metadata\.name/ },
  { name: 'create a fleet whose name is taken', request: { method: 'POST', path: '/v1/clustergroups', token, body: { metadata: { name: 'on' } } }, code: 'UCS.00000012', message: /already exists/ },
  { name: 'describe a fleet that was deleted', request: at('f-deleted', '/description', 'PUT', { description: 'too late' }), code: 'UCS.00000013', message: /f-deleted/ },
  { name: 'quota of an account that is not the caller\'s', request: { method: 'GET', path: '/v1/maintenance/quota/d2', token }, code: 'UCS.00000004', message: /not the caller/ },
  { name: 'a 51st cluster in a fleet', request: at('f-full', '/associatedclusters', 'PUT', { clusterIds: ['c-free'] }), code: 'UCS.01100006', message: /51 clusters, at most 50/ },
  { name: 'a 51st cluster joins a fleet', request: cluster('c-free', '/join', 'POST', { clusterGroupID: 'f-full' }), code: 'UCS.01100006', message: /51 clusters, at most 50/ },
  { name: 'join a cluster already in another fleet', request: cluster('c-member', '/join', 'POST', { clusterGroupID: 'f-on' }), code: 'UCS.01100002', message: /in fleet off; remove it/ },
  { name: 'add a cluster of another fleet to a fleet', request: at('f-on', '/associatedclusters', 'PUT', { clusterIds: ['c-free', 'c-member'] }), code: 'UCS.01100002', message: /cluster member is in fleet off/ },
  { name: 'add an id that is not a registered cluster to a fleet', request: at('f-on', '/associatedclusters', 'PUT', { clusterIds: ['c-free', 'not-registered'] }), code: 'UCS.01100007', message: /not-registered is not a registered cluster/ },
  { name: 'create a fleet with a cluster of another fleet', request: { method: 'POST', path: '/v1/clustergroups', token, body: { metadata: { name: 'grab' }, spec: { clusterIds: ['c-member'] } } }, code: 'UCS.01100002', message: /in fleet off/ },
  { name: 'leave a fleet one is not in', request: cluster('c-free', '/unjoin', 'POST'), code: 'UCS.01100002', message: /in no fleet/ },
  { name: 'delete a fleet with members', request: at('f-off', '', 'DELETE'), code: 'UCS.01100002', message: /still has 1 cluster; remove them first/ },
  { name: 'deregister a cluster in a fleet', request: cluster('c-member', '', 'DELETE'), code: 'UCS.01030009', message: /in fleet off; remove it from the fleet first/ },
  { name: 'register a cluster whose name is taken', request: { method: 'POST', path: '/v1/clusters', token, body: attachedCluster('free') }, code: 'UCS.01030003', message: /named free/ },
  { name: 'register a cluster beyond the account quota', request: { method: 'POST', path: '/v1/clusters', token, body: attachedCluster('one-too-many') }, code: 'UCS.00000017', message: /50 clusters/ },
  { name: 'update the country of a CCE cluster', request: cluster('c-cce', '', 'PUT', { kind: 'Cluster', apiVersion: 'v1', spec: { country: 'DE' } }), code: 'UCS.01030011', message: /self cluster/ },
  { name: 'the agent manifests of a CCE cluster', request: cluster('c-cce', '/accessinfo', 'GET'), code: 'UCS.01030011', message: /no agent/ },
  { name: 'the agent manifests a second time', request: cluster('c-downloaded', '/accessinfo', 'GET'), code: 'UCS.00000013', message: /already downloaded/ },
  { name: 'retry the activation of a CCE cluster', request: cluster('c-cce', '/activation', 'PUT'), code: 'UCS.01030011', message: /no agent to activate/ },
  { name: 'a 51st permission policy in the account', request: at('f-on', '/associatedrules', 'PUT', { ruleIDNamespaces: [{ ruleIDs: ['rule-50'], namespaces: ['default'] }] }), code: 'UCS.00000017', message: /51 permission policies/ },
  { name: 'DNS suffixes before federation', request: at('f-off', '/associatedzones', 'PUT', { dnsSuffix: ['example.com'] }), code: 'UCS.00000003', message: /not enabled/ },
  { name: 'DNS suffixes while enabling', request: at('f-enabling', '/associatedzones', 'PUT', { dnsSuffix: ['example.com'] }), code: 'UCS.00000003', message: /still being enabled/ },
  { name: 'upgrade before federation', request: at('f-off', '/federations/upgrade', 'POST', {}), code: 'UCS.00000003', message: /not enabled/ },
  { name: 'upgrade while enabling', request: at('f-enabling', '/federations/upgrade', 'POST', {}), code: 'UCS.00000003', message: /still being enabled/ },
  { name: 'upgrade while upgrading', request: at('f-upgrading', '/federations/upgrade', 'POST', {}), code: 'UCS.00000003', message: /already being upgraded/ },
  { name: 'roll back before federation', request: at('f-off', '/federations/rollback', 'POST'), code: 'UCS.00000003', message: /not enabled/ },
  { name: 'roll back while enabling', request: at('f-enabling', '/federations/rollback', 'POST'), code: 'UCS.00000003', message: /still being enabled/ },
  { name: 'roll back a federation never upgraded', request: at('f-on', '/federations/rollback', 'POST'), code: 'UCS.00000003', message: /never upgraded: nothing to roll back/ },
  { name: 'roll back while upgrading', request: at('f-upgrading', '/federations/rollback', 'POST'), code: 'UCS.00000003', message: /already being upgraded/ },
  { name: 'roll back while rolling back', request: at('f-rolling-back', '/federations/rollback', 'POST'), code: 'UCS.00000003', message: /being rolled back/ },
  { name: 'upgrade while rolling back', request: at('f-rolling-back', '/federations/upgrade', 'POST', {}), code: 'UCS.00000003', message: /being rolled back/ },
  { name: 'enable the policy center while it is being enabled', request: at('f-policy', '/policy', 'POST'), code: 'UCS.01130006', message: /being enabled/ },
  { name: 'disable the policy center while it is being enabled', request: at('f-policy', '/policy', 'DELETE'), code: 'UCS.01130006', message: /being enabled/ },
  { name: 'disable a policy center that is not enabled', request: at('f-off', '/policy', 'DELETE'), code: 'UCS.00150006', message: /not enabled/ },
  { name: 'a policy instance before the policy center', request: at('f-off', '/policyinstance', 'POST', { constraintTemplateID: 't' }), code: 'UCS.00150006', message: /not enabled/ },
  { name: 'a policy instance while it is being enabled', request: at('f-policy', '/policyinstance', 'POST', { constraintTemplateID: 't' }), code: 'UCS.01130006', message: /still being enabled/ },
  { name: 'a workload before federation', request: at('f-off', '/unitedworkload', 'POST', { kind: 'ConfigMap', metadata: { name: 'settings' } }), code: 'UCS.01080006', message: /not enabled/ },
  { name: 'a workload while enabling', request: at('f-enabling', '/unitedworkload', 'POST', { kind: 'ConfigMap', metadata: { name: 'settings' } }), code: 'UCS.01080006', message: /still being enabled/ },
  { name: 'show a workload before federation', request: at('f-off', '/unitedworkload?kind=ConfigMap&name=settings', 'GET'), code: 'UCS.01080006', message: /not enabled/ },
  { name: 'update a workload before federation', request: at('f-off', '/unitedworkload', 'PUT', { kind: 'ConfigMap', metadata: { name: 'settings' } }), code: 'UCS.01080006', message: /not enabled/ },
  { name: 'delete a workload while enabling', request: at('f-enabling', '/unitedworkload?kind=ConfigMap&name=settings', 'DELETE'), code: 'UCS.01080006', message: /still being enabled/ },
  { name: 'create a workload that exists', request: at('f-on', '/unitedworkload', 'POST', { kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' } }), code: 'UCS.00000012', message: /ConfigMap default\/settings already exists/ },
  { name: 'update a workload that does not exist', request: at('f-on', '/unitedworkload', 'PUT', { kind: 'ConfigMap', metadata: { name: 'missing' } }), code: 'UCS.00000013', message: /ConfigMap default\/missing/ },
  { name: 'delete a workload that does not exist', request: at('f-on', '/unitedworkload?kind=Secret&name=settings', 'DELETE'), code: 'UCS.00000013', message: /Secret default\/settings/ },
  { name: 'show a workload of another namespace', request: at('f-on', '/unitedworkload?kind=ConfigMap&namespace=apps&name=settings', 'GET'), code: 'UCS.00000013', message: /ConfigMap apps\/settings/ },
  { name: 'progress of a fleet that never had a job', request: at('f-off', '/federations/progress', 'GET'), code: 'UCS.00000013', message: /no federation job/ },
];

describe('wrong-order calls get their UCS error and change nothing', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer({ seed, config: { federationDelayMs: 3_600_000 } });
    assert.equal((await callApi(server.url, at('f-deleted', '', 'DELETE'))).status, 200);
    assert.equal((await callApi(server.url, at('f-upgrading', '/federations/upgrade', 'POST', {}))).status, 200);
    // A rollback from v1.11.3 that runs for the hour of the delay, as RollbackFederation records one.
    const now = Date.now();
    await server.store.updateFleet('d1', 'f-rolling-back', () => ({ change: { upgrade: { to: 'v1.10.7', record: { from: 'v1.11.3', startedAt: now, readyAt: now + 3_600_000 } } } }), now);
    assert.equal(((await callApi(server.url, at('f-rolling-back', '', 'GET'))).body as { status: { conditions: { status: string }[] } }).status.conditions[0]?.status, 'Rollback');
    assert.equal((await callApi(server.url, at('f-policy', '/policy', 'POST'))).status, 201);
    assert.equal((await callApi(server.url, at('f-on', '/unitedworkload', 'POST', { kind: 'ConfigMap', metadata: { name: 'settings' }, template: { data: { a: '1' } } }))).status, 201);
    assert.equal((await callApi(server.url, cluster('c-downloaded', '/accessinfo', 'GET'))).status, 200);
    const rules = Array.from({ length: 50 }, (_, i) => `rule-${i}`);
    assert.equal((await callApi(server.url, at('f-full', '/associatedrules', 'PUT', { ruleIDNamespaces: [{ ruleIDs: rules, namespaces: ['default'] }] }))).status, 200);
  });
  after(() => server.close());

  const snapshot = async () => {
    const list = await callApi(server.url, { path: '/v1/clustergroups?order=asc', token });
    const jobs = await Promise.all(seed.fleets.map((f) => server.store.latestJob(f.id)));
    const certificates = await Promise.all(seed.fleets.map((f) => server.store.listCertificates(f.id)));
    const policyInstances = await Promise.all(seed.fleets.map((f) => server.store.listPolicyInstances(f.id)));
    const workloads = await Promise.all(seed.fleets.map((f) => server.store.listWorkloads(f.id)));
    const clusters = await server.store.listClusters('d1', { offset: 0, orderBy: 'create_at', order: 'asc' });
    return { list: list.body, jobs, certificates, policyInstances, workloads, clusters };
  };

  for (const c of wrongOrder) {
    test(c.name, async () => {
      const before = await snapshot();
      const response = await callApi(server.url, c.request);
      assert.ok([400, 403, 404, 409, 410].includes(response.status), response.text);
      const body = response.body as { error_code: string; error_msg: string };
      assert.equal(body.error_code, c.code);
      assert.match(body.error_msg, c.message);
      assert.deepEqual(await snapshot(), before);
    });
  }
});
