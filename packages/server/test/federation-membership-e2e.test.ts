/**
 * End to end through the UCS API and the real kubectl (its oldest, default and newest clients):
 * the clusters that join a fleet, and only they, are the Karmada clusters its federation
 * kubeconfig lists, a leave shows at the next request, and a member's own kubeconfig
 * (CreateClusterKubeconfig) ends with the cluster.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUcsClient, type UcsClient } from '@ucs-fleet/client';
import type { RunningServer } from '@ucs-fleet/server';
import { attachedCluster } from './support/clusters.js';
import { specCheckingFetch } from './support/http.js';
import { startTestServer, tempDir, token } from './support/test-server.js';
import { kubectlClients, kubectlRun, parseKubectlTable as parseTable, writeKubeconfig } from './support/tools.js';

const dir = tempDir('membership-e2e');

/** An attached cluster, registered through the API; its id. */
async function register(ucs: UcsClient, name: string): Promise<string> {
  return (await ucs.registerCluster(attachedCluster(name) as Parameters<UcsClient['registerCluster']>[0])).uid;
}

describe('fleet membership, seen through the federation kubeconfig', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('register two clusters, create a fleet, join both, enable federation, download the kubeconfig: kubectl get clusters lists exactly those two; after a leave, one', async () => {
    const ucs = createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });
    const east = await register(ucs, 'e2e-east');
    const west = await register(ucs, 'e2e-west');
    await register(ucs, 'e2e-not-a-member');
    const { uid: fleet } = await ucs.createFleet({ metadata: { name: 'e2e-fleet' } });
    await ucs.joinFleet(east, fleet);
    await ucs.joinFleet(west, fleet);
    await ucs.enableFederation(fleet);
    await ucs.createConnection(fleet, { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' });
    const kc = await ucs.downloadFederationKubeconfig(fleet, { duration: 1 });
    const version = (await ucs.showCluster(east)).status?.kubernetesVersion;
    const clients = kubectlClients();
    assert.ok(clients.length >= 2, 'the dispatcher holds several clients');
    const pick = [{ name: 'oldest', path: clients[0]!.path }, { name: 'default', path: 'kubectl' }, { name: 'newest', path: clients.at(-1)!.path }];
    // A kubeconfig file per client and per step, so that no discovery cache carries over.
    const listed = async (step: string) =>
      Promise.all(
        pick.map(async (c) => {
          const get = await kubectlRun(writeKubeconfig(dir, `${step}-${c.name}.yaml`, kc), ['get', 'clusters'], c.path);
          assert.equal(get.code, 0, `${c.name}: ${get.stderr}`);
          assert.equal(get.stderr, '', c.name);
          return { client: c.name, rows: parseTable(get.stdout).map((r) => [r.NAME, r.VERSION, r.MODE, r.READY]) };
        }),
      );

    for (const { client, rows } of await listed('joined')) {
      assert.deepEqual(rows, [['e2e-east', version, 'Push', 'True'], ['e2e-west', version, 'Push', 'True']], client);
    }
    await ucs.leaveFleet(west);
    for (const { client, rows } of await listed('left')) assert.deepEqual(rows, [['e2e-east', version, 'Push', 'True']], client);
    assert.deepEqual((await ucs.showFleet(fleet)).spec.clusterIds, [east]);
    const gone = await kubectlRun(writeKubeconfig(dir, 'gone.yaml', kc), ['get', 'cluster', 'e2e-west']);
    assert.equal(gone.stderr.trim(), 'Error from server (NotFound): clusters.cluster.karmada.io "e2e-west" not found');
  });

  test("a cluster's own kubeconfig answers kubectl version and auth whoami, and stops working once the cluster is deleted", async () => {
    const ucs = createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });
    const uid = await register(ucs, 'e2e-own');
    const file = writeKubeconfig(dir, 'own.yaml', await ucs.createClusterKubeconfig(uid));
    const version = await kubectlRun(file, ['version', '-o', 'json']);
    assert.equal(version.code, 0, version.stderr);
    assert.equal(JSON.parse(version.stdout).serverVersion.gitVersion, `${(await ucs.showCluster(uid)).status?.kubernetesVersion}.0`);
    const whoami = await kubectlRun(file, ['auth', 'whoami', '-o', 'json']);
    assert.equal(JSON.parse(whoami.stdout).status.userInfo.username, 'alice');
    await ucs.deleteCluster(uid);
    const refused = await kubectlRun(file, ['auth', 'whoami']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, new RegExp(`You must be logged in to the server \\(the client certificate is not valid for cluster ${uid}`));
  });
});
