/**
 * PostgreSQL goes down under load and comes back: `pg_ctl stop -m fast` (open transactions
 * aborted, connections closed) and `-m immediate` (the server processes killed, as in a crash),
 * each in several rounds, with creates and kubeconfig downloads in flight. The server process
 * must live through every one: each request answered during the outage is a 500 UCS.00000005,
 * /healthz answers 500 and then 200 again, and every write it acknowledged is in the database after.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kubeconfig } from '@ucs-fleet/types';
import { openPostgresStore } from '../src/store/postgres-store.js';
import { startChildServer, type ChildServer } from './support/child-server.js';
import { callApi, type ApiResponse } from './support/http.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';
import { tempDir, token } from './support/test-server.js';

const domainId = 'd1';
const roundsPerMode = 3;
const workers = 6;

interface Answer {
  kind: 'create' | 'kubeconfig';
  status: number;
  code?: string;
  /** What the database must hold after, when the write was acknowledged (201). */
  written?: string;
}

/** Creates and kubeconfig downloads in a closed loop on `workers` connections until stopped. */
function startLoad(url: string, fleetId: string, tag: string) {
  const answers: Answer[] = [];
  let running = true;
  let n = 0;
  const one = async (): Promise<Answer> => {
    const i = n++;
    if (i % 2 === 0) {
      const r = await callApi(url, { method: 'POST', path: '/v1/clustergroups', token, body: { metadata: { name: `${tag}-${i}` } } });
      return { kind: 'create', ...outcome(r), written: r.status === 201 ? (r.body as { uid: string }).uid : undefined };
    }
    const r = await callApi(url, { method: 'POST', path: `/v1/clustergroups/${fleetId}/kubeconfig`, token, body: { duration: 1 } });
    return { kind: 'kubeconfig', ...outcome(r), written: r.status === 201 ? serialOf(r.body as Kubeconfig) : undefined };
  };
  const loops = Array.from({ length: workers }, async () => {
    while (running) answers.push(await one().catch(noAnswer));
  });
  return {
    answers,
    acknowledged: () => answers.filter((a) => a.status === 201).length,
    failed: () => answers.filter((a) => a.status === 500).length,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Polls /healthz until stopped; the statuses seen, without consecutive repeats. */
function watchHealth(url: string) {
  const seen: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const { status } = await callApi(url, { path: '/healthz' }).catch(noAnswer);
      if (seen.at(-1) !== status) seen.push(status);
      await sleep(50);
    }
  })();
  return {
    seen,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

describe('a PostgreSQL outage under load', { skip: process.env.UCS_TEST_DATABASE_URL !== undefined }, () => {
  let postgres: TestPostgres;
  let databaseUrl: string;
  let server: ChildServer;
  let fleetId: string;

  before(async () => {
    postgres = await startPostgres();
    databaseUrl = await postgres.createDatabase('outage');
    const seedFile = join(tempDir('outage'), 'seed.json');
    writeFileSync(seedFile, JSON.stringify({ tokens: [{ token, domainId, userName: 'alice', groups: ['ops'] }], accessKeys: [], fleets: [] }));
    server = await startChildServer(['--seed', seedFile, '--fleet-quota', '100000'], { UCS_DATABASE_URL: databaseUrl, UCS_LOG_LEVEL: 'silent', UCS_KEY_POOL_SIZE: '4' });
    const created = await callApi(server.url, { method: 'POST', path: '/v1/clustergroups', token, body: { metadata: { name: 'served' } } });
    fleetId = (created.body as { uid: string }).uid;
    assert.equal((await callApi(server.url, { method: 'POST', path: `/v1/clustergroups/${fleetId}/federations`, token })).status < 300, true);
    const connection = { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' };
    for (let tries = 0; ; tries++) {
      const r = await callApi(server.url, { method: 'POST', path: `/v1/clustergroups/${fleetId}/connection`, token, body: connection });
      if (r.status < 300) break;
      assert.ok(tries < 100, `no connection: ${r.text}`);
      await sleep(100);
    }
  });

  after(async () => {
    await server?.kill('SIGKILL');
    await postgres?.stop();
  });

  for (const mode of ['fast', 'immediate'] as const) {
    for (let round = 1; round <= roundsPerMode; round++) {
      test(`pg_ctl stop -m ${mode}, round ${round}: the process lives, the outage is 500 UCS.00000005, healthz 500 then 200, nothing acknowledged is lost`, async (t) => {
        const load = startLoad(server.url, fleetId, `${mode}-${round}`);
        const health = watchHealth(server.url);
        try {
          const until = (condition: () => boolean, what: string) => waitFor(condition, what, server);
          await until(() => load.acknowledged() >= 20 && health.seen.includes(200), 'load before the outage');
          await postgres.halt(mode);
          const failedBefore = load.failed();
          await until(() => health.seen.includes(500) && load.failed() >= failedBefore + 10, 'requests failing during the outage');
          await postgres.resume();
          const acknowledgedAtRestart = load.acknowledged();
          await until(() => health.seen.at(-1) === 200 && load.acknowledged() >= acknowledgedAtRestart + 20, 'load after the restart');
        } finally {
          await load.stop();
          await health.stop();
        }

        assert.equal(server.process.exitCode, null, `the server exited:\n${server.output()}`);
        assert.equal(server.process.signalCode, null);
        const unexpected = load.answers.filter((a) => a.status !== 201 && a.status !== 500);
        assert.deepEqual(unexpected, [], 'every answer is a 201 or, during the outage, a 500');
        const failures = load.answers.filter((a) => a.status === 500);
        assert.ok(failures.length >= 10);
        assert.deepEqual(new Set(failures.map((a) => a.code)), new Set(['UCS.00000005']));
        assert.deepEqual(health.seen.slice(0, 1), [200]);
        assert.equal(health.seen.at(-1), 200);
        assert.ok(health.seen.includes(500), `healthz answered ${health.seen.join(' -> ')}`);
        assert.deepEqual(new Set(health.seen), new Set([200, 500]), `healthz answered ${health.seen.join(' -> ')}`);

        const store = await openPostgresStore(databaseUrl);
        try {
          const serials = new Set((await store.listCertificates(fleetId)).map((c) => c.serial));
          const lostCerts = load.answers.filter((a) => a.kind === 'kubeconfig' && a.written && !serials.has(a.written));
          assert.deepEqual(lostCerts, [], 'every kubeconfig answered 201 has its certificate recorded');
          const created = load.answers.filter((a) => a.kind === 'create' && a.written);
          const missing: string[] = [];
          for (const a of created) if (!(await store.getFleet(domainId, a.written!))) missing.push(a.written!);
          assert.deepEqual(missing, [], 'every fleet answered 201 exists');
          t.diagnostic(
            `pg_ctl stop -m ${mode}: ${load.answers.length} requests, ${load.acknowledged()} answered 201 (all found after), ` +
              `${failures.length} answered 500 UCS.00000005, 0 other; healthz ${health.seen.join(' -> ')}; server exits: 0`,
          );
        } finally {
          await store.close();
        }
      });
    }
  }
});

/** The server did not answer at all (it is gone, or it reset the connection): status 0. */
async function noAnswer(err: unknown): Promise<Answer> {
  await sleep(50);
  return { kind: 'create', status: 0, code: String((err as Error).cause ?? err) };
}

function outcome(r: ApiResponse): { status: number; code?: string } {
  return r.status === 201 ? { status: r.status } : { status: r.status, code: (r.body as { error_code?: string }).error_code };
}

function serialOf(kubeconfig: Kubeconfig): string {
  const pem = Buffer.from(kubeconfig.users[0]?.user['client-certificate-data'] ?? '', 'base64').toString('utf8');
  return new X509Certificate(pem).serialNumber;
}

async function waitFor(condition: () => boolean, what: string, server: ChildServer): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `${what}: not reached within 60 s`);
    assert.equal(server.process.exitCode, null, `${what}: the server exited:\n${server.output().slice(-2000)}`);
    await sleep(20);
  }
}
