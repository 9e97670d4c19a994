/**
 * The server on PostgreSQL (config.databaseUrl), through its HTTP API: the whole fleet
 * lifecycle, readiness, a restart on the same database, and the startup error when the
 * database cannot be reached.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createUcsClient, UcsApiError } from '@ucs-fleet/client';
import type { RunningServer } from '@ucs-fleet/server';
import { callApi, closedPort, specCheckingFetch } from './support/http.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';
import { startTestServer, tempDir, token } from './support/test-server.js';
import { kubectl, openssl, writeCertificates, writeFleetCa, writeKubeconfig } from './support/tools.js';

const connection = { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' };
/** Long enough that a loaded machine still sees the Running phase; waitReady() follows it to the end. */
const federationDelayMs = 2000;
const seed = { tokens: [{ token, domainId: 'd1', userName: 'carol', groups: ['ops', 'dev'] }], accessKeys: [], fleets: [] };

let postgres: TestPostgres;
before(async () => {
  postgres = await startPostgres();
});
after(() => postgres.stop());

describe('the server on PostgreSQL', () => {
  let databaseUrl: string;
  let server: RunningServer;
  before(async () => {
    databaseUrl = await postgres.createDatabase('server');
    server = await startTestServer({ config: { databaseUrl, federationDelayMs }, seed });
  });
  after(() => server.close());

  test('GET /healthz answers 200 while the database answers', async () => {
    const health = await callApi(server.url, { path: '/healthz' });
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, { status: 'ok' });
  });

  test('create, enable, follow progress, connect, download, kubectl; disable and the download is refused', async () => {
    const ucs = createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });
    const { uid } = await ucs.createFleet({ metadata: { name: 'e2e' }, spec: { description: 'end to end' } });
    const enabled = await ucs.enableFederation(uid);

    const phases = await waitReady(ucs, uid, enabled.jobId);
    assert.deepEqual(phases, ['Running', 'Success']);
    assert.equal((await ucs.showFleet(uid)).status.conditions[0]?.status, 'Available');

    const { id } = await ucs.createConnection(uid, connection);
    assert.equal((await ucs.showFleet(uid)).spec.connectGatewayEndpoints?.[0]?.id, id);

    const kc = await ucs.downloadFederationKubeconfig(uid, { duration: 10 });
    const dir = tempDir('pg-e2e');
    const contexts = await kubectl(['--kubeconfig', writeKubeconfig(dir, 'config', kc), 'config', 'get-contexts', '-o', 'name']);
    assert.equal(contexts.trim(), kc['current-context']);
    const files = writeCertificates(dir, kc);
    assert.match(await openssl(['verify', '-CAfile', await writeFleetCa(dir, server.store, 'd1', uid), files.cert]), /OK/);
    const serial = (await openssl(['x509', '-in', files.cert, '-noout', '-serial'])).trim().replace(/^serial=/, '');
    assert.deepEqual((await server.store.listCertificates(uid)).map((c) => c.serial), [serial]);

    const disabled = await ucs.disableFederation(uid);
    assert.equal((await ucs.federationProgress(uid)).metadata.uid, disabled.jobId);
    const err = await ucs.downloadFederationKubeconfig(uid, { duration: 10 }).catch((e: unknown) => e);
    assert.ok(err instanceof UcsApiError);
    assert.equal(err.errorCode, 'UCS.00000003');
    assert.match(err.errorMsg, /not enabled/);

    await ucs.deleteFleet(uid);
    assert.equal((await ucs.listFleets()).total, 0);
  });

  test('wrong-order calls get their UCS error on PostgreSQL too', async () => {
    const ucs = createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });
    const { uid } = await ucs.createFleet({ metadata: { name: 'order' } });
    const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof UcsApiError ? e.errorCode : String(e)));
    assert.equal(await codeOf(ucs.disableFederation(uid)), 'UCS.00000003');
    assert.equal(await codeOf(ucs.createConnection(uid, connection)), 'UCS.00000003');
    await ucs.enableFederation(uid);
    assert.equal(await codeOf(ucs.enableFederation(uid)), 'UCS.00000003');
    assert.equal(await codeOf(ucs.createConnection(uid, connection)), 'UCS.00000003', 'still enabling');
    assert.equal(await codeOf(ucs.deleteFleet(uid)), 'UCS.00000003');
    assert.equal(await codeOf(ucs.createFleet({ metadata: { name: 'order' } })), 'UCS.00000012');
  });

  test('a restart on the same database finds everything, and earlier kubeconfigs still verify', async () => {
    const ucs = createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });
    const { uid } = await ucs.createFleet({ metadata: { name: 'kept' } });
    await waitReady(ucs, uid, (await ucs.enableFederation(uid)).jobId);
    await ucs.createConnection(uid, connection);
    const kc = await ucs.downloadFederationKubeconfig(uid, { duration: 5 });
    const before = await ucs.listFleets({ order: 'asc' });
    await server.close();

    server = await startTestServer({ config: { databaseUrl, federationDelayMs }, seed });
    const again = createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });
    assert.deepEqual(await again.listFleets({ order: 'asc' }), before);
    const fresh = await again.downloadFederationKubeconfig(uid, { duration: 5 });
    assert.equal(fresh.clusters[0]?.cluster['certificate-authority-data'], kc.clusters[0]?.cluster['certificate-authority-data']);
    const restartDir = tempDir('pg-restart');
    const files = writeCertificates(restartDir, kc);
    assert.match(await openssl(['verify', '-CAfile', await writeFleetCa(restartDir, server.store, 'd1', uid), files.cert]), /OK/);
  });
});

describe('readiness follows the database', () => {
  test('GET /healthz answers 500 while the database is down, and 200 again once it is back; nothing is lost', { skip: process.env.UCS_TEST_DATABASE_URL !== undefined }, async () => {
    const own = await startPostgres();
    const server = await startTestServer({ config: { databaseUrl: await own.createDatabase('ready') }, seed });
    try {
      const ucs = createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });
      const { uid } = await ucs.createFleet({ metadata: { name: 'before-outage' } });
      assert.equal((await callApi(server.url, { path: '/healthz' })).status, 200);
      await own.halt();
      const started = Date.now();
      const down = await callApi(server.url, { path: '/healthz' });
      assert.equal(down.status, 500);
      assert.equal((down.body as { error_code: string }).error_code, 'UCS.00000005');
      assert.ok(Date.now() - started < 5000, 'an unreachable database fails fast, it does not hang requests');
      assert.equal((await callApi(server.url, { path: `/v1/clustergroups/${uid}`, token })).status, 500);
      await own.resume();
      assert.equal((await callApi(server.url, { path: '/healthz' })).status, 200);
      assert.equal((await ucs.showFleet(uid)).metadata.name, 'before-outage');
      await ucs.createFleet({ metadata: { name: 'after-outage' } });
      assert.equal((await ucs.listFleets()).total, 2);
    } finally {
      await server.close();
      await own.stop();
    }
  });
});

describe('startup without a reachable database', () => {
  test('ucs-server exits 2 with one line naming host:port, no stack trace', async () => {
    const port = await closedPort();
    const { code, output } = await serve([], { UCS_DATABASE_URL: `postgres://ucs:s3cret@127.0.0.1:${port}/ucs` });
    assert.equal(code, 2);
    assert.match(output, new RegExp(`^ucs-server: the database at 127\\.0\\.0\\.1:${port} is unreachable: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\n$`));
    assert.doesNotMatch(output, /s3cret|\n\s+at /);
  });

  test('a URL that is not postgres:// is a configuration error', async () => {
    const { code, output } = await serve(['--database-url', 'mysql://localhost/ucs']);
    assert.equal(code, 2);
    assert.equal(output, 'ucs-server: --database-url must be a postgres:// or postgresql:// URL\n');
  });
});

type Ucs = ReturnType<typeof createUcsClient>;

/** Follows the enable job until Success; the phases seen, in order, without repeats. */
async function waitReady(ucs: Ucs, uid: string, jobId: string): Promise<string[]> {
  const phases: string[] = [];
  const deadline = Date.now() + 20_000;
  for (;;) {
    const job = await ucs.federationProgress(uid);
    assert.equal(job.metadata.uid, jobId);
    if (phases.at(-1) !== job.status.phase) phases.push(job.status.phase);
    if (job.status.phase === 'Success') return phases;
    assert.ok(Date.now() < deadline, `federation of ${uid} not ready after 20 s`);
    await sleep(100);
  }
}

const serveScript = fileURLToPath(new URL('../src/bin/serve.ts', import.meta.url));

/** `npm start` that is expected to fail: its exit code and everything it wrote. */
async function serve(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  const result = await promisify(execFile)(process.execPath, ['--conditions=ucs-source', '--import', 'tsx', serveScript, '--port', '0', '--federation-port', '0', ...args], {
    env: { ...process.env, ...env },
    timeout: 60_000,
  }).then(
    (r) => ({ code: 0, output: r.stdout + r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? -1, output: (e.stdout ?? '') + (e.stderr ?? '') }),
  );
  return result;
}
