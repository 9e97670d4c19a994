/**
 * Two server processes (`npm start`) on different ports sharing one PostgreSQL database: what
 * one does, the other shows; the quota holds across them; each serves every fleet on its own
 * federation endpoint port; killing one loses nothing it acknowledged, and the other keeps answering.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createUcsClient, UcsApiError } from '@ucs-fleet/client';
import type { Kubeconfig } from '@ucs-fleet/types';
import { openPostgresStore } from '../src/store/postgres-store.js';
import type { Store } from '../src/store/store.js';
import { startChildServer, type ChildServer } from './support/child-server.js';
import { callApi, specCheckingFetch } from './support/http.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';
import { tempDir, token } from './support/test-server.js';
import { kubeRaw, kubectlRun, openssl, writeCertificates, writeKubeconfig } from './support/tools.js';

const quotaToken = 'quota-token';
const connection = { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' };

describe('two replicas sharing one PostgreSQL', () => {
  let postgres: TestPostgres;
  let databaseUrl: string;
  let store: Store;
  let a: ChildServer;
  let b: ChildServer;

  before(async () => {
    postgres = await startPostgres();
    databaseUrl = await postgres.createDatabase('replicas');
    // No seed fleets: both replicas start at once on the empty database, racing to migrate it.
    const seedFile = join(tempDir('replicas'), 'seed.json');
    writeFileSync(
      seedFile,
      JSON.stringify({
        tokens: [
          { token, domainId: 'd1', userName: 'alice', groups: ['ops'] },
          { token: quotaToken, domainId: 'quota', userName: 'quinn', groups: [] },
        ],
        accessKeys: [],
        fleets: [],
      }),
    );
    const env = { UCS_DATABASE_URL: databaseUrl, UCS_LOG_LEVEL: 'warn', UCS_KEY_POOL_SIZE: '4' };
    [a, b] = await Promise.all([startChildServer(['--seed', seedFile], env), startChildServer(['--seed', seedFile], env)]);
    store = await openPostgresStore(databaseUrl);
  });

  after(async () => {
    await Promise.all([a?.kill('SIGKILL'), b?.kill('SIGKILL')]);
    await store?.close();
    await postgres?.stop();
  });

  test('a fleet created through one replica is shown, enabled and connected through the other; their kubeconfigs share one fleet CA and one endpoint CA', async () => {
    assert.notEqual(a.url, b.url);
    const viaA = createUcsClient({ endpoint: a.url, token, fetch: specCheckingFetch });
    const viaB = createUcsClient({ endpoint: b.url, token, fetch: specCheckingFetch });
    const { uid } = await viaA.createFleet({ metadata: { name: 'shared' }, spec: { description: 'made on A' } });
    const shown = await viaB.showFleet(uid);
    assert.equal(shown.metadata.name, 'shared');
    assert.equal(shown.spec.description, 'made on A');

    const enabled = await viaB.enableFederation(uid);
    assert.equal((await viaA.federationProgress(uid)).metadata.uid, enabled.jobId);
    assert.equal(await errorCode(viaA.enableFederation(uid)), 'UCS.00000003', 'A sees the federation B enabled');
    const { id } = await viaB.createConnection(uid, connection);
    assert.equal((await viaA.showFleet(uid)).spec.connectGatewayEndpoints?.[0]?.id, id);
    assert.equal(await errorCode(viaA.createConnection(uid, connection)), 'UCS.00000003', 'A sees the connection B made');

    const fromA = await viaA.downloadFederationKubeconfig(uid, { duration: 3 });
    const fromB = await viaB.downloadFederationKubeconfig(uid, { duration: 3 });
    assert.equal(fromA.clusters[0]?.cluster['certificate-authority-data'], fromB.clusters[0]?.cluster['certificate-authority-data']);
    assert.equal(new URL(fromA.clusters[0]!.cluster.server).pathname, new URL(fromB.clusters[0]!.cluster.server).pathname);
    // Both client certificates are signed by the one fleet CA the database holds.
    const fleetCaFile = join(tempDir('replica-fleet-ca'), 'fleet-ca.pem');
    writeFileSync(fleetCaFile, (await store.getFleet('d1', uid))!.federation!.ca.certPem);
    const filesA = writeCertificates(tempDir('replica-a'), fromA);
    const filesB = writeCertificates(tempDir('replica-b'), fromB);
    assert.match(await openssl(['verify', '-CAfile', fleetCaFile, filesA.cert]), /OK/, "A's certificate verifies against the fleet CA");
    assert.match(await openssl(['verify', '-CAfile', fleetCaFile, filesB.cert]), /OK/);
    assert.deepEqual(new Set((await store.listCertificates(uid)).map((c) => c.serial)), new Set([serialOf(fromA), serialOf(fromB)]));

    await viaA.disableFederation(uid);
    assert.equal(await errorCode(viaB.downloadFederationKubeconfig(uid, { duration: 3 })), 'UCS.00000003', 'B sees the disable at once');
    assert.equal(a.process.exitCode, null, `A is still running:\n${a.output()}`);
    assert.equal(b.process.exitCode, null, `B is still running:\n${b.output()}`);
  });

  test("each replica's federation endpoint serves every fleet: a kubeconfig of one works at the other's port, and a disable through one is refused by the other at its next request", async () => {
    assert.notEqual(a.federationUrl, b.federationUrl, 'each replica listens on its own federation port');
    const viaA = createUcsClient({ endpoint: a.url, token, fetch: specCheckingFetch });
    const { uid } = await viaA.createFleet({ metadata: { name: 'endpoint-shared' } });
    await viaA.enableFederation(uid);
    await viaA.createConnection(uid, connection);
    const fromA = await viaA.downloadFederationKubeconfig(uid, { duration: 1 });
    const fromB = await createUcsClient({ endpoint: b.url, token, fetch: specCheckingFetch }).downloadFederationKubeconfig(uid, { duration: 1 });
    assert.equal(fromA.clusters[0]!.cluster.server, `${a.federationUrl}/clustergroups/${uid}`);
    assert.equal(fromB.clusters[0]!.cluster['certificate-authority-data'], fromA.clusters[0]!.cluster['certificate-authority-data'], 'one endpoint CA in the store');

    // A's kubeconfig, pointed at B's port: B's serving certificate and B's check of the client certificate accept it.
    const atB = structuredClone(fromA);
    atB.clusters[0]!.cluster.server = `${b.federationUrl}/clustergroups/${uid}`;
    const dir = tempDir('replica-endpoint');
    const fileAtB = writeKubeconfig(dir, 'a-at-b.yaml', atB);
    const whoami = await kubectlRun(fileAtB, ['auth', 'whoami', '-o', 'json']);
    assert.equal(whoami.code, 0, whoami.stderr);
    assert.equal(JSON.parse(whoami.stdout).status.userInfo.username, 'alice');
    assert.equal((await kubeRaw(atB, 'GET', '/version')).status, 200);

    // B learns of the disable from the store at the first request after it: no request is served late.
    await viaA.disableFederation(uid);
    const next = await kubeRaw(atB, 'GET', '/version');
    assert.equal(next.status, 401, 'the first request at B after the disable through A is refused');
    assert.match(JSON.parse(next.body).message, new RegExp(`not valid for fleet ${uid}`));
    const refused = await kubectlRun(fileAtB, ['auth', 'whoami']);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /You must be logged in to the server \(the client certificate is not valid for fleet/);
  });

  test('enables racing on both replicas: one is accepted, and both replicas then issue certificates of that one CA', async () => {
    const { uid } = await createUcsClient({ endpoint: a.url, token, fetch: specCheckingFetch }).createFleet({ metadata: { name: 'raced' } });
    const enables = await Promise.all(
      Array.from({ length: 10 }, (_, i) => callApi(i % 2 === 0 ? a.url : b.url, { method: 'POST', path: `/v1/clustergroups/${uid}/federations`, token })),
    );
    assert.equal(enables.filter((r) => r.status === 200 || r.status === 201 || r.status === 202).length, 1, enables.map((r) => r.status).join(','));
    for (const r of enables.filter((r) => r.status >= 400)) assert.equal((r.body as { error_code: string }).error_code, 'UCS.00000003');
    const certs = await Promise.all(
      [a.url, b.url].map(async (url) => {
        await callApi(url, { method: 'POST', path: `/v1/clustergroups/${uid}/connection`, token, body: connection });
        const kc = await callApi(url, { method: 'POST', path: `/v1/clustergroups/${uid}/kubeconfig`, token, body: { duration: 1 } });
        assert.equal(kc.status, 201, kc.text);
        return new X509Certificate(Buffer.from((kc.body as Kubeconfig).users[0]?.user['client-certificate-data'] ?? '', 'base64'));
      }),
    );
    const fleetCa = new X509Certificate((await store.getFleet('d1', uid))!.federation!.ca.certPem);
    for (const cert of certs) assert.ok(cert.checkIssued(fleetCa) && cert.verify(fleetCa.publicKey), 'issued by the one stored fleet CA');
  });

  test('100 parallel creates in one account spread over both replicas: exactly 50, the rest UCS.00000017, no duplicates', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        callApi(i % 2 === 0 ? a.url : b.url, { method: 'POST', path: '/v1/clustergroups', token: quotaToken, body: { metadata: { name: `fleet-${i}` } } }),
      ),
    );
    const created = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status !== 201);
    assert.equal(created.length, 50);
    const createdBy = (replica: number) => responses.filter((r, i) => i % 2 === replica && r.status === 201).length;
    assert.ok(createdBy(0) > 0 && createdBy(1) > 0, `both replicas created fleets (A ${createdBy(0)}, B ${createdBy(1)})`);
    for (const r of refused) {
      assert.equal(r.status, 400);
      assert.equal((r.body as { error_code: string }).error_code, 'UCS.00000017');
    }
    const createdUids = new Set(created.map((r) => (r.body as { uid: string }).uid));
    for (const url of [a.url, b.url]) {
      const list = await callApi(url, { path: '/v1/clustergroups?limit=100', token: quotaToken });
      const body = list.body as { items: { metadata: { uid: string; name: string } }[]; total: number };
      assert.equal(body.total, 50);
      assert.equal(new Set(body.items.map((f) => f.metadata.name)).size, 50);
      assert.deepEqual(new Set(body.items.map((f) => f.metadata.uid)), createdUids);
    }
  });

  test('kill -9 one replica during a load of downloads: the other keeps answering, and every 2xx download is recorded', async () => {
    const viaA = createUcsClient({ endpoint: a.url, token, fetch: specCheckingFetch });
    const { uid } = await viaA.createFleet({ metadata: { name: 'loaded' } });
    await viaA.enableFederation(uid);
    await viaA.createConnection(uid, connection);

    interface Outcome {
      replica: 'a' | 'b';
      at: number;
      status: number | 'network-error';
      serial?: string;
    }
    const outcomes: Outcome[] = [];
    let killedAt = Infinity;
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const replica = (w + i) % 2 === 0 ? 'a' : 'b';
        const url = replica === 'a' ? a.url : b.url;
        try {
          const r = await callApi(url, { method: 'POST', path: `/v1/clustergroups/${uid}/kubeconfig`, token, body: { duration: 1 } });
          outcomes.push({ replica, at: Date.now(), status: r.status, ...(r.status === 201 ? { serial: serialOf(r.body as Kubeconfig) } : {}) });
        } catch {
          outcomes.push({ replica, at: Date.now(), status: 'network-error' });
          await sleep(5);
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    const bAfterKill = () => outcomes.filter((o) => o.replica === 'b' && o.at > killedAt && o.status === 201).length;
    await waitFor(() => outcomes.filter((o) => o.replica === 'a' && o.status === 201).length >= 20, 'A answering under load');
    await a.kill('SIGKILL');
    killedAt = Date.now();
    await waitFor(() => bAfterKill() >= 30, 'B answering after the kill');
    stop = true;
    await load;

    const ok = outcomes.filter((o) => o.status === 201);
    assert.deepEqual(outcomes.filter((o) => o.status !== 201 && o.status !== 'network-error'), [], 'no error answers, only refused connections to the dead replica');
    assert.ok(outcomes.filter((o) => o.status === 'network-error').every((o) => o.replica === 'a'), 'B never failed');
    const recorded = new Set((await store.listCertificates(uid)).map((c) => c.serial));
    const lost = ok.filter((o) => !recorded.has(o.serial!));
    assert.deepEqual(lost, [], 'every acknowledged download has its certificate record');
    assert.equal(new Set(ok.map((o) => o.serial)).size, ok.length, 'serials are unique');
    assert.equal((await callApi(b.url, { path: '/healthz' })).status, 200);
    assert.equal(b.process.exitCode, null, `B is still running:\n${b.output()}`);
  });
});

function serialOf(kubeconfig: Kubeconfig): string {
  const pem = Buffer.from(kubeconfig.users[0]?.user['client-certificate-data'] ?? '', 'base64').toString('utf8');
  return new X509Certificate(pem).serialNumber;
}

async function errorCode(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => 'ok',
    (e: unknown) => (e instanceof UcsApiError ? e.errorCode : String(e)),
  );
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
