/**
 * A fleet's member clusters on its federation endpoint path, as Karmada `Cluster` objects
 * (cluster.karmada.io/v1alpha1), seen with the real kubectl: the dispatcher's default client and
 * the oldest and newest clients it holds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { createUcsClient, type Kubeconfig } from '@ucs-fleet/client';
import type { RunningServer } from '@ucs-fleet/server';
import type { ClusterRecord } from '../src/store/records.js';
import { specCheckingFetch } from './support/http.js';
import { otherAccountToken, startTestServer, tempDir, token } from './support/test-server.js';
import { clusterRecord, domainOf as domainOfToken, registerInStore } from './support/registered-clusters.js';
import { kubeRaw, kubectlClients, kubectlRun, parseKubectlTable as parseTable, writeKubeconfig } from './support/tools.js';

const dir = tempDir('fed-clusters');
const connection = { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' };
const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

function headerOf(stdout: string): string[] {
  return stdout.split('\n')[0]!.trim().split(/\s+/);
}

describe('member clusters on the federation endpoint, as Karmada Cluster objects', { concurrency: true }, () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const ucs = (t = token) => createUcsClient({ endpoint: server.url, token: t, fetch: specCheckingFetch });

  const domainOf = (t: string) => domainOfToken(server, t);
  const register = (t: string, fleetId: string | undefined, ...clusters: (string | ClusterRecord)[]) => registerInStore(server, t, fleetId, ...clusters);

  /** A federated, connected fleet with these clusters as its members, and a kubeconfig file for it. */
  async function fleetWith(name: string, members: (string | ClusterRecord)[], t = token): Promise<{ uid: string; kc: Kubeconfig; file: string }> {
    const { uid } = await ucs(t).createFleet({ metadata: { name } });
    if (members.length > 0) await register(t, uid, ...members);
    await ucs(t).enableFederation(uid);
    await ucs(t).createConnection(uid, connection);
    const kc = await ucs(t).downloadFederationKubeconfig(uid, { duration: 1 });
    return { uid, kc, file: writeKubeconfig(dir, `${uid}.yaml`, kc) };
  }

  test('kubectl get clusters prints Karmada\'s columns, and -o wide its wide ones, with the oldest, default and newest clients', async () => {
    const { file } = await fleetWith('fleet-get', ['c-alpha', clusterRecord(domainOf(token), 'c-beta', { phase: 'Unavailable', kubernetesVersion: 'v1.28', apiEndpoint: undefined })]);
    const clients = kubectlClients();
    assert.ok(clients.length >= 2, 'the dispatcher holds several clients');
    for (const client of [clients[0]!.path, 'kubectl', clients.at(-1)!.path]) {
      const get = await kubectlRun(file, ['get', 'clusters'], client);
      assert.equal(get.code, 0, `${client}: ${get.stderr}`);
      assert.equal(get.stderr, '', client);
      assert.deepEqual(headerOf(get.stdout), ['NAME', 'VERSION', 'MODE', 'READY', 'AGE'], client);
      const rows = parseTable(get.stdout);
      assert.deepEqual(rows.map((r) => [r.NAME, r.VERSION, r.MODE, r.READY]), [['c-alpha', 'v1.31', 'Push', 'True'], ['c-beta', 'v1.28', 'Push', 'False']], client);
      for (const row of rows) assert.match(row.AGE!, /^\d+s$/, client);

      const wide = await kubectlRun(file, ['get', 'clusters', '-o', 'wide'], client);
      assert.equal(wide.code, 0, `${client}: ${wide.stderr}`);
      assert.deepEqual(headerOf(wide.stdout), ['NAME', 'VERSION', 'MODE', 'READY', 'AGE', 'ZONES', 'REGION', 'PROVIDER', 'API-ENDPOINT', 'PROXY-URL'], client);
      assert.deepEqual(parseTable(wide.stdout).map((r) => [r.NAME, r.ZONES, r.REGION, r.PROVIDER, r['API-ENDPOINT'], r['PROXY-URL']]), [
        ['c-alpha', '<none>', '<none>', '<none>', 'https://10.0.0.7:6443', '<none>'],
        ['c-beta', '<none>', '<none>', '<none>', '', '<none>'],
      ], client);
    }
  });

  test('kubectl get cluster NAME -o yaml shows one Cluster; a missing one is NotFound as kube-apiserver words it', async () => {
    const [member] = await register(token, undefined, 'c-one');
    const { uid, file } = await fleetWith('fleet-one', [member!]);
    const one = await kubectlRun(file, ['get', 'cluster', 'c-one', '-o', 'yaml']);
    assert.equal(one.code, 0, one.stderr);
    const cluster = parse(one.stdout);
    assert.equal(cluster.apiVersion, 'cluster.karmada.io/v1alpha1');
    assert.equal(cluster.kind, 'Cluster');
    assert.equal(cluster.metadata.name, 'c-one');
    assert.equal(cluster.metadata.uid, member!.id);
    assert.equal(cluster.metadata.namespace, undefined, 'cluster-scoped');
    assert.match(cluster.metadata.creationTimestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.deepEqual(cluster.spec, { id: member!.id, syncMode: 'Push', apiEndpoint: 'https://10.0.0.5:6443' });
    assert.equal(cluster.status.kubernetesVersion, 'v1.31');
    assert.deepEqual(cluster.status.conditions.map((c: Record<string, string>) => [c.type, c.status, c.reason, c.message]), [
      ['Ready', 'True', 'ClusterReady', 'cluster is healthy and ready to accept workloads'],
    ]);
    assert.deepEqual((await ucs().showFleet(uid)).spec?.clusterIds, [member!.id]);

    const missing = await kubectlRun(file, ['get', 'cluster', 'c-none']);
    assert.equal(missing.code, 1);
    assert.equal(missing.stdout, '');
    assert.equal(missing.stderr.trim(), 'Error from server (NotFound): clusters.cluster.karmada.io "c-none" not found');
  });

  test('discovery lists clusters.cluster.karmada.io with Karmada\'s verbs; kubectl api-resources shows it', async () => {
    const { kc, file } = await fleetWith('fleet-discovery', []);
    const apis = JSON.parse((await kubeRaw(kc, 'GET', '/apis')).body);
    assert.deepEqual(apis.groups.map((g: { name: string }) => g.name), ['authentication.k8s.io', 'cluster.karmada.io']);
    const group = JSON.parse((await kubeRaw(kc, 'GET', '/apis/cluster.karmada.io')).body);
    assert.deepEqual(group.preferredVersion, { groupVersion: 'cluster.karmada.io/v1alpha1', version: 'v1alpha1' });
    const list = JSON.parse((await kubeRaw(kc, 'GET', '/apis/cluster.karmada.io/v1alpha1')).body);
    assert.equal(list.kind, 'APIResourceList');
    assert.deepEqual(list.resources, [
      { name: 'clusters', singularName: 'cluster', namespaced: false, kind: 'Cluster', verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] },
      { name: 'clusters/status', singularName: '', namespaced: false, kind: 'Cluster', verbs: ['get', 'patch', 'update'] },
    ]);
    const resources = await kubectlRun(file, ['api-resources', '-o', 'name']);
    assert.equal(resources.code, 0, resources.stderr);
    assert.deepEqual(resources.stdout.trim().split('\n').sort(), ['clusters.cluster.karmada.io', 'selfsubjectreviews.authentication.k8s.io']);
    const empty = await kubectlRun(file, ['get', 'clusters']);
    assert.equal(empty.code, 0, empty.stderr);
    assert.equal(empty.stderr.trim(), 'No resources found');
  });

  test('aggregated discovery for a client that asks for it first: the oldest and newest kubectl find clusters without the per-group lists', async () => {
    const { kc } = await fleetWith('fleet-aggregated', ['c-agg']);
    for (const version of ['v2', 'v2beta1']) {
      const answer = await kubeRaw(kc, 'GET', '/apis', { Accept: `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList,application/json` });
      assert.equal(answer.type, `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`);
      const list = JSON.parse(answer.body);
      assert.equal(list.apiVersion, `apidiscovery.k8s.io/${version}`);
      const karmada = list.items.find((g: { metadata: { name: string } }) => g.metadata.name === 'cluster.karmada.io');
      assert.deepEqual(karmada.versions, [{
        version: 'v1alpha1',
        freshness: 'Current',
        resources: [{
          resource: 'clusters',
          responseKind: { group: 'cluster.karmada.io', version: 'v1alpha1', kind: 'Cluster' },
          scope: 'Cluster',
          singularResource: 'cluster',
          verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
          subresources: [{ subresource: 'status', responseKind: { group: 'cluster.karmada.io', version: 'v1alpha1', kind: 'Cluster' }, verbs: ['get', 'patch', 'update'] }],
        }],
      }]);
    }
    const legacy = await kubeRaw(kc, 'GET', '/apis', { Accept: 'application/json, */*' });
    assert.equal(JSON.parse(legacy.body).kind, 'APIGroupList');
    const clients = kubectlClients();
    for (const [i, client] of [clients[0]!.path, clients.at(-1)!.path].entries()) {
      // A kubeconfig file each, so that each client starts with an empty discovery cache.
      const get = await kubectlRun(writeKubeconfig(dir, `aggregated-${i}.yaml`, kc), ['get', 'clusters', '-v=6'], client);
      assert.equal(get.code, 0, get.stderr);
      assert.match(get.stdout, /^NAME\s+VERSION\s+MODE\s+READY\s+AGE\n/);
      assert.match(get.stderr, /\/apis\?timeout=/, `${client} asked for discovery`);
      assert.doesNotMatch(get.stderr, /\/apis\/cluster\.karmada\.io\/v1alpha1[?" ]/, `${client} read the aggregated list, not the group's`);
    }
  });

  test('a Table for a Table Accept, the plain ClusterList otherwise, 406 for neither', async () => {
    const { kc } = await fleetWith('fleet-accept', ['c-t']);
    const table = await kubeRaw(kc, 'GET', '/apis/cluster.karmada.io/v1alpha1/clusters', { Accept: tableAccept });
    assert.equal(table.status, 200);
    assert.equal(table.type, 'application/json;as=Table;v=v1;g=meta.k8s.io');
    const t = JSON.parse(table.body);
    assert.equal(t.kind, 'Table');
    assert.deepEqual(t.columnDefinitions.map((c: { name: string; priority: number }) => [c.name, c.priority]), [
      ['Name', 0], ['Version', 0], ['Mode', 0], ['Ready', 0], ['Age', 0], ['Zones', 1], ['Region', 1], ['Provider', 1], ['API-Endpoint', 1], ['Proxy-URL', 1],
    ]);
    assert.deepEqual(t.rows[0].object, { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: JSON.parse((await kubeRaw(kc, 'GET', '/apis/cluster.karmada.io/v1alpha1/clusters/c-t')).body).metadata });

    const beta = JSON.parse((await kubeRaw(kc, 'GET', '/apis/cluster.karmada.io/v1alpha1/clusters?includeObject=Object', { Accept: 'application/json;as=Table;v=v1beta1;g=meta.k8s.io' })).body);
    assert.equal(beta.apiVersion, 'meta.k8s.io/v1beta1');
    assert.equal(beta.rows[0].object.kind, 'Cluster');

    const plain = await kubeRaw(kc, 'GET', '/apis/cluster.karmada.io/v1alpha1/clusters', { Accept: 'application/json' });
    assert.equal(plain.type, 'application/json');
    const list = JSON.parse(plain.body);
    assert.equal(list.kind, 'ClusterList');
    assert.deepEqual(list.items.map((c: { metadata: { name: string } }) => c.metadata.name), ['c-t']);

    const refused = await kubeRaw(kc, 'GET', '/apis/cluster.karmada.io/v1alpha1/clusters', { Accept: 'application/yaml' });
    assert.equal(refused.status, 406);
    assert.equal(JSON.parse(refused.body).reason, 'NotAcceptable');
  });

  test('reads only: every write and a watch is a 405 Status, and the members stay as they were', async () => {
    const { uid, kc, file } = await fleetWith('fleet-writes', ['c-w']);
    const before = (await ucs().showFleet(uid)).spec?.clusterIds;
    for (const [method, path] of [
      ['POST', '/apis/cluster.karmada.io/v1alpha1/clusters'],
      ['DELETE', '/apis/cluster.karmada.io/v1alpha1/clusters'],
      ['PUT', '/apis/cluster.karmada.io/v1alpha1/clusters/c-w'],
      ['PATCH', '/apis/cluster.karmada.io/v1alpha1/clusters/c-w'],
      ['DELETE', '/apis/cluster.karmada.io/v1alpha1/clusters/c-w'],
      ['PUT', '/apis/cluster.karmada.io/v1alpha1/clusters/c-w/status'],
      ['GET', '/apis/cluster.karmada.io/v1alpha1/clusters?watch=true'],
    ] as const) {
      const answer = await kubeRaw(kc, method, path);
      assert.equal(answer.status, 405, `${method} ${path}`);
      const status = JSON.parse(answer.body);
      assert.equal(status.kind, 'Status');
      assert.equal(status.reason, 'MethodNotAllowed');
    }
    const deleted = await kubectlRun(file, ['delete', 'cluster', 'c-w']);
    assert.equal(deleted.code, 1);
    assert.equal(deleted.stderr.trim(), 'Error from server (MethodNotAllowed): the server does not allow this method on the requested resource');
    assert.deepEqual((await ucs().showFleet(uid)).spec?.clusterIds, before);
    const still = await kubectlRun(file, ['get', 'cluster', 'c-w', '-o', 'name']);
    assert.equal(still.stdout.trim(), 'cluster.cluster.karmada.io/c-w');
  });

  test('a member that joins shows at the next request; a fleet sees only its own members', async () => {
    const { uid, file } = await fleetWith('fleet-live', ['c-first']);
    const other = await fleetWith('fleet-live', ['c-other'], otherAccountToken);
    const names = async (f: string) => parseTable((await kubectlRun(f, ['get', 'clusters'])).stdout).map((r) => r.NAME);
    assert.deepEqual(await names(file), ['c-first']);
    await register(token, uid, 'c-second');
    assert.deepEqual(await names(file), ['c-first', 'c-second']);
    assert.deepEqual(await names(other.file), ['c-other']);
    const foreign = await kubectlRun(file, ['get', 'cluster', 'c-other']);
    assert.equal(foreign.stderr.trim(), 'Error from server (NotFound): clusters.cluster.karmada.io "c-other" not found');
  });
});
