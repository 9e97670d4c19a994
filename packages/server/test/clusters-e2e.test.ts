/**
 * End to end through the UCS API only: register two clusters, create a fleet, join both,
 * enable federation, download the kubeconfig; `kubectl get clusters` (the oldest and the newest
 * client the dispatcher holds) lists exactly those two; one leaves, and it lists one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUcsClient } from '@ucs-fleet/client';
import type { RunningServer } from '@ucs-fleet/server';
import { attachedCluster } from './support/clusters.js';
import { specCheckingFetch } from './support/http.js';
import { startTestServer, tempDir, token } from './support/test-server.js';
import { kubectlClients, kubectlRun, writeKubeconfig } from './support/tools.js';

/** The NAME column of kubectl's table. */
const names = (stdout: string) => stdout.trimEnd().split('\n').slice(1).map((line) => line.split(/\s+/)[0]);

describe('clusters joined and left through the UCS API show in kubectl get clusters', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('two registered clusters join a federated fleet; kubectl lists both with the oldest and the newest client; after one leaves, one', async () => {
    const ucs = createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });
    const register = async (name: string) => (await ucs.registerCluster(attachedCluster(name) as Parameters<typeof ucs.registerCluster>[0])).uid;
    const [east, west] = [await register('east'), await register('west')];
    await register('not-a-member');
    const { uid: fleet } = await ucs.createFleet({ metadata: { name: 'e2e' } });
    await ucs.joinFleet(east, fleet);
    await ucs.joinFleet(west, fleet);
    await ucs.enableFederation(fleet);
    await ucs.createConnection(fleet, { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' });
    const file = writeKubeconfig(tempDir('clusters-e2e'), 'e2e.yaml', await ucs.downloadFederationKubeconfig(fleet, { duration: 1 }));

    const clients = kubectlClients();
    assert.ok(clients.length >= 2, 'the dispatcher holds several clients');
    const getClusters = async (client: string) => {
      const get = await kubectlRun(file, ['get', 'clusters'], client);
      assert.equal(get.code, 0, `${client}: ${get.stderr}`);
      return names(get.stdout);
    };
    for (const client of [clients[0]!.path, clients.at(-1)!.path]) assert.deepEqual(await getClusters(client), ['east', 'west'], client);

    await ucs.leaveFleet(west);
    for (const client of [clients[0]!.path, clients.at(-1)!.path]) assert.deepEqual(await getClusters(client), ['east'], client);
    assert.deepEqual((await ucs.showFleet(fleet)).spec.clusterIds, [east]);
  });
});
