import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Kubeconfig } from '@ucs-fleet/types';
import { startChildServer, type ChildServer } from './support/child-server.js';
import { readDatabase, type DatabaseState } from './support/fuzz/db-invariants.js';
import { recordFigures } from './support/fuzz/figures.js';
import { readyFleetId, tempDir, token } from './support/test-server.js';
import { openssl } from './support/tools.js';

// UCS_CRASH_ROUNDS raises the number of kill -9 rounds; UCS_CRASH_SEED replays the kill moments.
const rounds = Number(process.env.UCS_CRASH_ROUNDS ?? 4);
const seed = process.env.UCS_CRASH_SEED !== undefined ? Number(process.env.UCS_CRASH_SEED) : Math.floor(Math.random() * 0x7fffffff);
const connection = { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' };
const decode = (b64: string | undefined) => Buffer.from(b64 ?? '', 'base64').toString('utf8');

/** A small seeded generator (mulberry32), so that a failing run's kill moments can be replayed. */
function random(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the clients were told: only 2xx answers whose body arrived whole count as acknowledged. */
interface FleetModel {
  id: string;
  name: string;
  /** The last acknowledged state; undefined while a change is in doubt (its request got no answer). */
  exists: boolean | undefined;
  federation: { jobId: string } | 'off' | undefined;
  connectionId: string | undefined | null;
}
interface IssuedKubeconfig {
  fleetId: string;
  serial: string;
  /** certificate-authority-data: the federation endpoint's CA. */
  endpointCaPem: string;
  certPem: string;
  round: number;
}

class Acknowledged {
  readonly fleets = new Map<string, FleetModel>();
  readonly kubeconfigs: IssuedKubeconfig[] = [];
  readonly counts = { created: 0, deleted: 0, enabled: 0, disabled: 0, connected: 0, downloads: 0, unanswered: 0 };
}

type Outcome = { status: number; body: unknown } | 'no-answer';

async function call(url: string, method: string, path: string, body?: unknown): Promise<Outcome> {
  try {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: { 'X-Auth-Token': token, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(15_000),
    });
    return { status: r.status, body: JSON.parse(await r.text()) as unknown };
  } catch {
    return 'no-answer';
  }
}

/**
 * Load for one round: download workers on the seeded ready fleet, and lifecycle workers that
 * each own their fleets (so that, per fleet, the order of answers is the order of commits):
 * create, enable, connect, download, and most of the time disable and delete, plus cleaning
 * up what earlier rounds left. Runs until `stopped()`.
 */
async function load(url: string, ack: Acknowledged, round: number, rnd: () => number, stopped: () => boolean): Promise<void> {
  const issue = async (fleetId: string): Promise<void> => {
    const r = await call(url, 'POST', `/v1/clustergroups/${fleetId}/kubeconfig`, { duration: 30 });
    if (r === 'no-answer') return void ack.counts.unanswered++;
    if (r.status !== 201) return;
    const k = r.body as Kubeconfig;
    const certPem = decode(k.users[0]?.user['client-certificate-data']);
    ack.kubeconfigs.push({ fleetId, serial: new X509Certificate(certPem).serialNumber, endpointCaPem: decode(k.clusters[0]?.cluster['certificate-authority-data']), certPem, round });
    ack.counts.downloads++;
  };
  const step = async (fleet: FleetModel, method: string, suffix: string, body: unknown, apply: (answer: unknown) => void, doubt: () => void): Promise<boolean> => {
    const r = await call(url, method, `/v1/clustergroups/${fleet.id}${suffix}`, body);
    if (r === 'no-answer') {
      ack.counts.unanswered++;
      doubt();
      return false;
    }
    if (r.status >= 200 && r.status < 300) apply(r.body);
    return r.status >= 200 && r.status < 300;
  };
  const retire = async (f: FleetModel): Promise<void> => {
    if (f.federation !== 'off') {
      const ok = await step(f, 'DELETE', '/federations', undefined, () => ((f.federation = 'off'), (f.connectionId = null), ack.counts.disabled++), () => ((f.federation = undefined), (f.connectionId = undefined)));
      if (!ok) return;
    }
    await step(f, 'DELETE', '', undefined, () => ((f.exists = false), ack.counts.deleted++), () => (f.exists = undefined));
  };
  const downloader = async () => {
    while (!stopped()) await issue(readyFleetId);
  };
  const lifecycle = async (worker: number) => {
    // What earlier rounds left is retired first, half of the time.
    for (const f of [...ack.fleets.values()].filter((x) => x.exists === true && x.name.endsWith(`-w${worker}`))) {
      if (stopped()) return;
      if (rnd() < 0.5) await retire(f);
    }
    for (let i = 0; !stopped(); i++) {
      const name = `r${round}-${i}-w${worker}`;
      const created = await call(url, 'POST', '/v1/clustergroups', { metadata: { name } });
      if (created === 'no-answer') return void ack.counts.unanswered++;
      if (created.status !== 201) return;
      const f: FleetModel = { id: (created.body as { uid: string }).uid, name, exists: true, federation: 'off', connectionId: null };
      ack.fleets.set(f.id, f);
      ack.counts.created++;
      if (!(await step(f, 'POST', '/federations', undefined, (b) => ((f.federation = { jobId: (b as { jobId: string }).jobId }), ack.counts.enabled++), () => (f.federation = undefined)))) continue;
      if (!(await step(f, 'POST', '/connection', connection, (b) => ((f.connectionId = (b as { id: string }).id), ack.counts.connected++), () => (f.connectionId = undefined)))) continue;
      await issue(f.id);
      if (rnd() < 0.6) await retire(f);
    }
  };
  await Promise.all([downloader(), downloader(), downloader(), lifecycle(0), lifecycle(1), lifecycle(2)]);
}

/** Every acknowledged change, checked against the database as kill -9 left it. */
function lostAcknowledgements(ack: Acknowledged, db: DatabaseState): string[] {
  const lost: string[] = [];
  const rows = new Map(db.fleets.map((f) => [f.id, f]));
  for (const f of ack.fleets.values()) {
    const row = rows.get(f.id);
    if (f.exists === true && !row) lost.push(`fleet ${f.name}: created (201) but gone`);
    if (f.exists === false && row) lost.push(`fleet ${f.name}: deleted (200) but still there`);
    if (!row || f.exists !== true) continue;
    if (f.federation === 'off' && row.federation_id !== null) lost.push(`fleet ${f.name}: federation disabled (200) but still on`);
    const enabled = f.federation;
    if (typeof enabled === 'object') {
      const job = db.jobs.find((j) => j.id === enabled.jobId);
      if (!job || row.federation_id !== job.federation_id) lost.push(`fleet ${f.name}: federation enabled (201, job ${enabled.jobId}) but the store has ${row.federation_id ?? 'none'}`);
    }
    if (typeof f.connectionId === 'string' && row.connection_id !== f.connectionId) lost.push(`fleet ${f.name}: connected (201) but the store has ${row.connection_id ?? 'no connection'}`);
  }
  const serials = new Set(db.certificates.map((c) => `${c.fleet_id}/${c.serial.toLowerCase().replace(/^0+/, '')}`));
  for (const k of ack.kubeconfigs) {
    if (!serials.has(`${k.fleetId}/${k.serial.toLowerCase().replace(/^0+/, '')}`)) lost.push(`kubeconfig ${k.serial} of fleet ${k.fleetId}: issued (201) but not recorded`);
  }
  return lost;
}

/** After a restart, what was in doubt is whatever the store says. */
function resync(ack: Acknowledged, db: DatabaseState): void {
  const rows = new Map(db.fleets.map((f) => [f.id, f]));
  for (const f of ack.fleets.values()) {
    const row = rows.get(f.id);
    f.exists = row !== undefined;
    if (!row) continue;
    const job = db.jobs.filter((j) => j.fleet_id === f.id).at(-1);
    f.federation = row.federation_id === null ? 'off' : { jobId: job!.id };
    f.connectionId = row.connection_id;
  }
}

describe(`crash safety: kill -9 under load, ${rounds} rounds (seed ${seed})`, () => {
  test('after each kill -9 nothing acknowledged is lost, no row is half-written, and kubeconfigs issued before verify against their CA', async () => {
    const rnd = random(seed);
    const dir = tempDir('crash');
    const dataDir = join(dir, 'data');
    const dbFile = join(dataDir, 'ucs.sqlite');
    const ack = new Acknowledged();
    const killedAfterMs: number[] = [];
    let verified = 0;
    let rowsChecked = 0;
    for (let round = 0; round < rounds; round++) {
      const child: ChildServer = await startChildServer(['--data-dir', dataDir, '--log-level', 'warn']);
      let stopped = false;
      const killAt = 800 + Math.floor(rnd() * 2200);
      const running = load(child.url, ack, round, rnd, () => stopped);
      await new Promise((r) => setTimeout(r, killAt));
      await child.kill('SIGKILL');
      stopped = true;
      await running;
      killedAfterMs.push(killAt);

      const { state, problems } = readDatabase(dbFile);
      rowsChecked += state.rows;
      assert.deepEqual(problems, [], `round ${round} (seed ${seed}): the database after kill -9`);
      assert.deepEqual(lostAcknowledgements(ack, state), [], `round ${round} (seed ${seed}): acknowledged changes lost`);

      // Kubeconfigs issued so far verify against their fleet's CA as the store keeps it (one openssl run per fleet).
      const certDir = join(dir, `round-${round}`);
      mkdirSync(certDir);
      const byFleet = new Map<string, IssuedKubeconfig[]>();
      for (const k of ack.kubeconfigs) byFleet.set(k.fleetId, [...(byFleet.get(k.fleetId) ?? []), k]);
      for (const [fleetId, issued] of byFleet) {
        const row = state.fleets.find((f) => f.id === fleetId);
        if (!row?.ca_cert_pem) continue; // federation disabled since: its CA was destroyed on purpose
        const fleetCa = new X509Certificate(row.ca_cert_pem);
        const current = issued.filter((k) => new X509Certificate(k.certPem).checkIssued(fleetCa));
        const older = issued.filter((k) => !current.includes(k));
        const fleet = ack.fleets.get(fleetId);
        // A different CA is only possible after a disable and re-enable, which the load never does to a fleet.
        assert.deepEqual(older.map((k) => k.serial), [], `fleet ${fleet?.name ?? fleetId}: kubeconfigs whose CA is no longer the fleet's`);
        writeFileSync(join(certDir, `${fleetId}-ca.pem`), row.ca_cert_pem);
        const files = current.map((k, i) => {
          const file = join(certDir, `${fleetId}-${i}.pem`);
          writeFileSync(file, k.certPem);
          return file;
        });
        const out = await openssl(['verify', '-purpose', 'sslclient', '-CAfile', join(certDir, `${fleetId}-ca.pem`), ...files]);
        assert.equal(out.split('\n').filter((l) => / OK$/.test(l)).length, files.length, out);
        verified += files.length;
      }
      resync(ack, state);
    }

    // The last restart serves what the store holds, and the ready fleet still has the same CA.
    const last = await startChildServer(['--data-dir', dataDir, '--log-level', 'warn']);
    try {
      const list = await call(last.url, 'GET', '/v1/clustergroups?order=asc');
      assert.ok(list !== 'no-answer' && list.status === 200);
      const listed = new Set((list.body as { items: { metadata: { uid: string } }[] }).items.map((f) => f.metadata.uid));
      const alive = [...ack.fleets.values()].filter((f) => f.exists).map((f) => f.id);
      for (const id of [...alive, readyFleetId]) assert.ok(listed.has(id), `fleet ${id} is listed after the last restart`);
      const fresh = await call(last.url, 'POST', `/v1/clustergroups/${readyFleetId}/kubeconfig`, { duration: 1 });
      assert.ok(fresh !== 'no-answer' && fresh.status === 201);
      const freshKc = fresh.body as Kubeconfig;
      const endpointCa = decode(freshKc.clusters[0]?.cluster['certificate-authority-data']);
      assert.ok(ack.kubeconfigs.every((k) => k.endpointCaPem === endpointCa), 'the endpoint CA survived every crash');
      ack.kubeconfigs.push({ fleetId: readyFleetId, serial: 'fresh', endpointCaPem: endpointCa, certPem: decode(freshKc.users[0]?.user['client-certificate-data']), round: rounds });
    } finally {
      await last.kill('SIGKILL');
    }
    const readyRow = readDatabase(dbFile).state.fleets.find((f) => f.id === readyFleetId);
    const readyCa = new X509Certificate(readyRow!.ca_cert_pem!);
    const byReadyCa = (k: IssuedKubeconfig) => new X509Certificate(k.certPem).checkIssued(readyCa) && new X509Certificate(k.certPem).verify(readyCa.publicKey);
    assert.ok(ack.kubeconfigs.filter((k) => k.fleetId === readyFleetId).every(byReadyCa), 'the ready fleet kept its CA through every crash');
    assert.ok(ack.counts.downloads > 0 && ack.counts.created > 0, `the load did something: ${JSON.stringify(ack.counts)}`);
    recordFigures('crash', { seed, rounds, kills: killedAfterMs.length, killedAfterMs, acknowledged: ack.counts, kubeconfigsVerified: verified, databaseRowsChecked: rowsChecked });
  });
});
