import assert from 'node:assert/strict';
import { Agent, request } from 'node:https';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createUcsClient, type Kubeconfig } from '@ucs-fleet/client';
import type { RunningServer } from '@ucs-fleet/server';
import { specCheckingFetch } from './support/http.js';
import { readyFleetId, startTestServer, tempDir, token } from './support/test-server.js';
import { writeKubeconfig, decodeBase64, kubectlRun } from './support/tools.js';

const connection = { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' };

async function whoami(kubeconfig: string): Promise<string> {
  const run = await kubectlRun(kubeconfig, ['auth', 'whoami', '-o', 'json']);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  return JSON.parse(run.stdout).status.userInfo.username;
}

function portOf(kc: Kubeconfig): number {
  return Number(new URL(kc.clusters[0]!.cluster.server).port);
}

/** Leaves one idle keep-alive HTTPS connection and one TCP connection that never starts TLS. */
async function leaveConnectionsOpen(kc: Kubeconfig): Promise<void> {
  const agent = new Agent({ keepAlive: true });
  await new Promise<void>((resolve, reject) => {
    const req = request(new URL('/healthz', kc.clusters[0]!.cluster.server), {
      agent,
      ca: decodeBase64(kc.clusters[0]!.cluster['certificate-authority-data']),
      cert: decodeBase64(kc.users[0]!.user['client-certificate-data']),
      key: decodeBase64(kc.users[0]!.user['client-key-data']),
    });
    req.on('response', (res) => res.resume().on('end', resolve));
    req.on('error', reject);
    req.end();
  });
  const raw = connect(portOf(kc), '127.0.0.1');
  raw.on('error', () => {});
  await new Promise((resolve) => raw.once('connect', resolve));
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function eventually(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`${what} within ${timeoutMs} ms`);
    await sleep(50);
  }
}

const serves = (server: RunningServer, fleetId: string) => server.federationEndpoints.listening().some((e) => e.fleetId === fleetId);

describe('federation endpoints across restarts and processes sharing one database', { concurrency: true }, () => {
  test('a restart on the same data directory serves the same URL, and a kubeconfig issued before still works', async () => {
    const dir = tempDir('fed-restart');
    const dataDir = join(dir, 'data');
    const first = await startTestServer({ config: { dataDir } });
    const kc = await createUcsClient({ endpoint: first.url, token, fetch: specCheckingFetch }).downloadFederationKubeconfig(readyFleetId, { duration: 30 });
    const file = writeKubeconfig(dir, 'demo.yaml', kc);
    assert.equal(await whoami(file), 'alice');

    // close() frees the port at once, even with an idle keep-alive connection and a stalled handshake.
    await leaveConnectionsOpen(kc);
    const started = Date.now();
    await first.close();
    assert.ok(Date.now() - started < 1000, `close took ${Date.now() - started} ms`);
    assert.ok(await portIsFree(portOf(kc)), 'the endpoint port is free after close');

    const second = await startTestServer({ config: { dataDir } });
    try {
      assert.deepEqual(
        second.federationEndpoints.listening().map((e) => e.url),
        [kc.clusters[0]!.cluster.server],
      );
      assert.equal(await whoami(file), 'alice');
    } finally {
      await second.close();
    }
  });

  test('two servers on one database converge: each fleet is served once, a disable anywhere closes it, and a survivor takes over', async () => {
    const dir = tempDir('fed-shared');
    const dataDir = join(dir, 'data');
    const a = await startTestServer({ config: { dataDir } });
    const b = await startTestServer({ config: { dataDir } });
    let aRunning = true;
    try {
      // A binds the seeded fleet's port first; B cannot and keeps retrying quietly.
      assert.ok(serves(a, readyFleetId));
      assert.ok(!serves(b, readyFleetId));

      const viaB = createUcsClient({ endpoint: b.url, token, fetch: specCheckingFetch });
      const { uid } = await viaB.createFleet({ metadata: { name: 'shared' } });
      await viaB.enableFederation(uid);
      await viaB.createConnection(uid, connection);
      const sharedFile = writeKubeconfig(dir, 'shared.yaml', await viaB.downloadFederationKubeconfig(uid, { duration: 1 }));
      assert.ok(serves(b, uid), 'the process that enabled the federation serves it at once');
      assert.equal(await whoami(sharedFile), 'alice');

      // Disabled through A, which does not serve it: B notices by polling the store.
      await createUcsClient({ endpoint: a.url, token, fetch: specCheckingFetch }).disableFederation(uid);
      await eventually('B closes the endpoint of the fleet disabled through A', () => !serves(b, uid));
      const refused = await kubectlRun(sharedFile, ['auth', 'whoami']);
      assert.notEqual(refused.code, 0);
      assert.match(refused.stderr, /was refused/);

      // A stops: B takes over the seeded fleet's port, and a kubeconfig A issued works with B.
      const demo = await createUcsClient({ endpoint: a.url, token, fetch: specCheckingFetch }).downloadFederationKubeconfig(readyFleetId, { duration: 1 });
      await a.close();
      aRunning = false;
      await eventually('B serves the seeded fleet once A is gone', () => serves(b, readyFleetId));
      assert.equal(await whoami(writeKubeconfig(dir, 'demo.yaml', demo)), 'alice');
    } finally {
      if (aRunning) await a.close();
      await b.close();
    }
  });
});
