import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createUcsClient, UcsApiError } from '@ucs-fleet/client';
import type { RunningServer } from '@ucs-fleet/server';
import { specCheckingFetch } from './support/http.js';
import { startTestServer, tempDir, token } from './support/test-server.js';
import { kubectl, openssl, writeCertificates, writeFleetCa, writeKubeconfig } from './support/tools.js';

const delayMs = 1500;
const connection = { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' };

describe('the whole path through the typed client, from nothing to a kubeconfig', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer({ config: { federationDelayMs: delayMs }, seed: { tokens: [{ token, domainId: 'd1', userName: 'carol', groups: ['ops', 'dev'] }], accessKeys: [], fleets: [] } });
  });
  after(() => server.close());

  test('create, enable, follow progress, connect, download, kubectl; disable and the download is refused', async () => {
    const ucs = createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });
    const { uid } = await ucs.createFleet({ metadata: { name: 'e2e' }, spec: { description: 'end to end' } });
    const enabledAt = Date.now();
    const enabled = await ucs.enableFederation(uid);
    assert.equal(enabled.message, 'The federation is being created');

    const phases = new Set<string>();
    const firstPoll = Date.now();
    for (let i = 0; i < 100; i++) {
      const job = await ucs.federationProgress(uid);
      assert.equal(job.metadata.uid, enabled.jobId);
      phases.add(job.status.phase);
      if (job.status.phase === 'Success') {
        assert.ok(job.spec.subJobs?.every((s) => s.status.phase === 'Success'));
        break;
      }
      await sleep(50);
    }
    // On a loaded machine the first poll may already come after the delay.
    const expected = firstPoll - enabledAt < delayMs ? ['Running', 'Success'] : [...phases];
    assert.deepEqual([...phases], expected);
    assert.ok(phases.has('Success'));

    const shown = await ucs.showFleet(uid);
    assert.equal(shown.status.conditions[0]?.status, 'Available');
    assert.match(shown.status.conditions[0]?.lastTransitionTime ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const { id } = await ucs.createConnection(uid, connection);
    assert.equal((await ucs.showFleet(uid)).spec.connectGatewayEndpoints?.[0]?.id, id);

    const kc = await ucs.downloadFederationKubeconfig(uid, { duration: 10 });
    const dir = tempDir('e2e');
    const file = writeKubeconfig(dir, 'config', kc);
    const contexts = await kubectl(['--kubeconfig', file, 'config', 'get-contexts', '-o', 'name']);
    assert.equal(contexts.trim(), kc['current-context']);
    const files = writeCertificates(dir, kc);
    assert.match(await openssl(['verify', '-CAfile', await writeFleetCa(dir, server.store, 'd1', uid), files.cert]), /OK/);
    assert.match(await openssl(['x509', '-in', files.cert, '-noout', '-subject']), /O ?= ?ops, O ?= ?dev, CN ?= ?carol/);

    const disabled = await ucs.disableFederation(uid);
    assert.equal((await ucs.federationProgress(uid)).metadata.uid, disabled.jobId);
    const err = await ucs.downloadFederationKubeconfig(uid, { duration: 10 }).catch((e: unknown) => e);
    assert.ok(err instanceof UcsApiError);
    assert.equal(err.status, 400);
    assert.equal(err.errorCode, 'UCS.00000003');
    assert.match(err.errorMsg, /not enabled/);

    await ucs.deleteFleet(uid);
    assert.equal((await ucs.listFleets()).total, 0);
  });

  test('CreateFederationCert connects and issues in one call, and keeps an identical connection', async () => {
    const ucs = createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });
    const { uid } = await ucs.createFleet({ metadata: { name: 'one-call' } });
    await ucs.enableFederation(uid);
    await sleep(delayMs + 100);
    const kc = await ucs.createFederationCert(uid, { ...connection, duration: 3 });
    assert.equal(kc.kind, 'Config');
    const again = await ucs.createFederationCert(uid, { ...connection, duration: 3 });
    assert.equal(again.clusters[0]?.cluster.server, kc.clusters[0]?.cluster.server);
    const other = await ucs.createFederationCert(uid, { ...connection, vpcID: 'vpc-2', duration: 3 }).catch((e: unknown) => e);
    assert.ok(other instanceof UcsApiError);
    assert.equal(other.errorCode, 'UCS.00000003');
  });
});
