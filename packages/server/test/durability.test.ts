import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createUcsClient } from '@ucs-fleet/client';
import { startChildServer } from './support/child-server.js';
import { closedPort, specCheckingFetch } from './support/http.js';
import { tempDir, token } from './support/test-server.js';
import { kubectlRun, writeKubeconfig } from './support/tools.js';

const connection = { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' };

describe('what the store acknowledged survives kill -9', () => {
  test('fleets, their states and the CA are back after a crash; an earlier kubeconfig still verifies', async () => {
    const dir = tempDir('durable');
    const dataDir = join(dir, 'data');
    const federationPort = String(await closedPort());
    const first = await startChildServer(['--data-dir', dataDir, '--federation-port', federationPort]);
    const ucs = createUcsClient({ endpoint: first.url, token, fetch: specCheckingFetch });
    const plain = await ucs.createFleet({ metadata: { name: 'plain' } });
    const federated = await ucs.createFleet({ metadata: { name: 'federated' } });
    await ucs.enableFederation(federated.uid);
    await ucs.createConnection(federated.uid, connection);
    const kubeconfig = await ucs.downloadFederationKubeconfig(federated.uid, { duration: 5 });
    const before = await ucs.listFleets({ order: 'asc' });
    await first.kill('SIGKILL');

    const second = await startChildServer(['--data-dir', dataDir, '--federation-port', federationPort]);
    try {
      const again = createUcsClient({ endpoint: second.url, token, fetch: specCheckingFetch });
      const after = await again.listFleets({ order: 'asc' });
      assert.deepEqual(after, before);
      assert.ok(after.items.some((f) => f.metadata.uid === plain.uid));
      const fresh = await again.downloadFederationKubeconfig(federated.uid, { duration: 5 });
      assert.equal(fresh.clusters[0]?.cluster['certificate-authority-data'], kubeconfig.clusters[0]?.cluster['certificate-authority-data']);
      assert.equal(fresh.clusters[0]?.cluster.server, kubeconfig.clusters[0]?.cluster.server, 'the endpoint URL is stable');
      const whoami = await kubectlRun(writeKubeconfig(dir, 'before-crash.yaml', kubeconfig), ['auth', 'whoami']);
      assert.equal(whoami.code, 0, whoami.stderr);
      assert.equal(statSync(dataDir).mode & 0o777, 0o700);
      assert.equal(statSync(join(dataDir, 'ucs.sqlite')).mode & 0o777, 0o600);
    } finally {
      await second.kill('SIGKILL');
    }
  });
});
