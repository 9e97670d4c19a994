import assert from 'node:assert/strict';
import { Agent, request } from 'node:https';
import { connect } from 'node:net';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { createUcsClient, type Kubeconfig } from '@ucs-fleet/client';
import { createFleetCa } from '@ucs-fleet/pki';
import type { Kysely } from 'kysely';
import { migrations } from '../src/store/schema.js';
import { sqliteEngine } from '../src/store/sqlite/engine.js';
import { databaseFileName } from '../src/store/sqlite-store.js';
import { closedPort, specCheckingFetch } from './support/http.js';
import { readyFleetId, startTestServer, tempDir, token } from './support/test-server.js';
import { decodeBase64, kubectlRun, writeKubeconfig } from './support/tools.js';

async function whoami(kubeconfig: string): Promise<string> {
  const run = await kubectlRun(kubeconfig, ['auth', 'whoami', '-o', 'json']);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  return JSON.parse(run.stdout).status.userInfo.username;
}

/** Leaves one idle keep-alive HTTPS connection and one TCP connection that never starts TLS. */
async function leaveConnectionsOpen(kc: Kubeconfig): Promise<void> {
  const agent = new Agent({ keepAlive: true });
  const server = new URL(kc.clusters[0]!.cluster.server);
  await new Promise<void>((resolve, reject) => {
    const req = request(`${server.href}/healthz`, {
      agent,
      ca: decodeBase64(kc.clusters[0]!.cluster['certificate-authority-data']),
      cert: decodeBase64(kc.users[0]!.user['client-certificate-data']),
      key: decodeBase64(kc.users[0]!.user['client-key-data']),
    });
    req.on('response', (res) => res.resume().on('end', resolve));
    req.on('error', reject);
    req.end();
  });
  const raw = connect(Number(server.port), '127.0.0.1');
  raw.on('error', () => {});
  await new Promise((resolve) => raw.once('connect', resolve));
}

describe('the federation endpoint across restarts and the upgrade from per-fleet ports', { concurrency: true }, () => {
  test('a restart on the same data directory and port serves the same URL and CA, and a kubeconfig issued before still works', async () => {
    const dir = tempDir('fed-restart');
    const dataDir = join(dir, 'data');
    const federationPort = await closedPort();
    const first = await startTestServer({ config: { dataDir, federationPort } });
    const kc = await createUcsClient({ endpoint: first.url, token, fetch: specCheckingFetch }).downloadFederationKubeconfig(readyFleetId, { duration: 30 });
    const file = writeKubeconfig(dir, 'demo.yaml', kc);
    assert.equal(await whoami(file), 'alice');

    // close() frees the port at once, even with an idle keep-alive connection and a stalled handshake.
    await leaveConnectionsOpen(kc);
    await first.close();

    const second = await startTestServer({ config: { dataDir, federationPort } });
    try {
      const again = await createUcsClient({ endpoint: second.url, token, fetch: specCheckingFetch }).downloadFederationKubeconfig(readyFleetId, { duration: 1 });
      assert.equal(again.clusters[0]!.cluster.server, kc.clusters[0]!.cluster.server);
      assert.equal(again.clusters[0]!.cluster['certificate-authority-data'], kc.clusters[0]!.cluster['certificate-authority-data'], 'the endpoint CA is the stored one');
      assert.equal(await whoami(file), 'alice');
    } finally {
      await second.close();
    }
  });

  test('the upgrade drops the stored per-fleet ports: the fleet stays federated and its kubeconfigs name the one endpoint', async () => {
    const dir = tempDir('fed-upgrade');
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir, { mode: 0o700 });
    // A database as the previous version left it: migrations 1 and 2 only, the fleet's endpoint on its own port.
    const fleetCa = await createFleetCa({ fleetId: readyFleetId, fleetName: 'demo', now: new Date() });
    const file = join(dataDir, databaseFileName);
    const engine = sqliteEngine(new Database(file));
    for (const m of migrations.filter((m) => m.version <= 2)) await m.up(engine.db as Kysely<unknown>, engine.columnTypes);
    await engine.db.destroy();
    const db = new Database(file);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    for (const m of migrations.filter((m) => m.version <= 2)) db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
    db.prepare(
      `INSERT INTO fleets (id, domain_id, name, created_at, updated_at, federation_id, federation_started_at, federation_ready_at, federation_port,
         ca_cert_pem, ca_key_pem, connection_id, connection_project_id, connection_vpc_id, connection_subnet_id, connection_created_at)
       VALUES (?, 'd1', 'demo', 1, 1, 'fed-1', 1, 1, 41234, ?, ?, 'conn-1', 'p1', 'vpc-1', 'subnet-1', 1)`,
    ).run(readyFleetId, fleetCa.certPem, fleetCa.keyPem);
    db.close();

    const server = await startTestServer({ config: { dataDir } });
    try {
      const check = new Database(join(dataDir, databaseFileName), { readonly: true });
      const columns = (check.prepare('PRAGMA table_info(fleets)').all() as { name: string }[]).map((c) => c.name);
      check.close();
      assert.ok(!columns.includes('federation_port'), 'the port column is gone');
      const kc = await createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch }).downloadFederationKubeconfig(readyFleetId, { duration: 1 });
      assert.equal(kc.clusters[0]!.cluster.server, server.federationEndpoint.fleetUrl(readyFleetId));
      assert.notEqual(new URL(kc.clusters[0]!.cluster.server).port, '41234');
      assert.equal(await whoami(writeKubeconfig(dir, 'new.yaml', kc)), 'alice');
    } finally {
      await server.close();
    }
  });
});
