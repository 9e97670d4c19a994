import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createUcsClient, type Kubeconfig } from '@ucs-fleet/client';
import { OffsetClock, type RunningServer } from '@ucs-fleet/server';
import { specCheckingFetch } from './support/http.js';
import { readyFleetId, startTestServer, tempDir, token } from './support/test-server.js';
import { decodeBase64, kubeRaw, kubectlRun, writeKubeconfig } from './support/tools.js';

const dayMs = 86_400_000;
const connection = { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' };
const dir = tempDir('fed-expiry');

describe('an expired client certificate at the federation endpoint', () => {
  let server: RunningServer;
  const clock = new OffsetClock();
  before(async () => {
    server = await startTestServer({ clock });
  });
  after(() => server.close());

  const ucs = () => createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });

  async function federatedFleet(name: string, duration: number): Promise<{ uid: string; kc: Kubeconfig }> {
    const { uid } = await ucs().createFleet({ metadata: { name } });
    await ucs().enableFederation(uid);
    await ucs().createConnection(uid, connection);
    return { uid, kc: await ucs().downloadFederationKubeconfig(uid, { duration }) };
  }

  test('a client certificate past its notAfter by the server clock gets 401 Unauthorized', async () => {
    const kc = await ucs().downloadFederationKubeconfig(readyFleetId, { duration: 1 });
    const file = writeKubeconfig(dir, 'short.yaml', kc);
    assert.equal((await kubectlRun(file, ['auth', 'whoami'])).code, 0);
    // Still valid by the real time, so TLS lets it through; the server's clock is two days on.
    clock.advance(2 * dayMs);
    try {
      const expired = await kubectlRun(file, ['auth', 'whoami']);
      assert.notEqual(expired.code, 0);
      assert.match(expired.stderr, /Unauthorized/);
      const answer = await kubeRaw(kc, 'GET', '/version');
      assert.equal(answer.status, 401);
      assert.deepEqual(JSON.parse(answer.body), {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    } finally {
      clock.advance(-2 * dayMs);
    }
  });

  test('a client certificate issued with the clock set so that it has expired by now is refused during the handshake', async () => {
    clock.advance(-2 * dayMs);
    let kc: Kubeconfig;
    try {
      kc = (await federatedFleet('fleet-past', 1)).kc;
    } finally {
      clock.advance(2 * dayMs);
    }
    const expiredAt = Date.parse(new X509Certificate(decodeBase64(kc.users[0]!.user['client-certificate-data'])).validTo);
    assert.ok(expiredAt < Date.now() - dayMs / 2, 'the certificate expired about a day ago');
    // Node's TLS checks validity with the real time, and drops the connection before any HTTP.
    await assert.rejects(kubeRaw(kc, 'GET', '/version'), (err: NodeJS.ErrnoException) => err.code === 'ECONNRESET');
    const refused = await kubectlRun(writeKubeconfig(dir, 'past.yaml', kc), ['auth', 'whoami']);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /Unable to connect to the server: (EOF|.*connection reset by peer)/);
  });
});
