/**
 * What issuing kubeconfigs asks of the store: the certificate records of concurrent requests
 * committed in one transaction, and the fleet's CA read only when the CA cache lacks it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createDomain } from '../src/domain/index.js';
import { systemClock } from '../src/domain/clock.js';
import type { Caller } from '../src/domain/caller.js';
import { applyMigrations } from '../src/store/migrate.js';
import { sqliteEngine } from '../src/store/sqlite/engine.js';
import { SqlStore } from '../src/store/sql-store.js';
import { databaseFileName, openSqliteStore } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { tempDir } from './support/test-server.js';

/** A SQLite database that counts the runs of the statements whose text `counts` picks. */
function countingStatements(db: Database.Database, counts: (text: string) => boolean): { db: Database.Database; runs: () => number } {
  let runs = 0;
  const counted = new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (text: string) => {
          const statement = target.prepare(text);
          if (!counts(text)) return statement;
          return new Proxy(statement, {
            get(s, p) {
              const value: unknown = Reflect.get(s, p, s);
              if (typeof value !== 'function') return value;
              return (...args: unknown[]) => {
                if (p === 'run' || p === 'all' || p === 'get') runs++;
                return (value as (...a: unknown[]) => unknown).apply(s, args);
              };
            },
          });
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return { db: counted, runs: () => runs };
}

const isBegin = (text: string) => /^begin\b/i.test(text);
/** The read of a fleet by id and account, as a kubeconfig request makes it. */
const isFleetRead = (text: string) => /^select .* from "fleets" where "id" = \? and "domain_id" = \?$/i.test(text);

/** The domain of a test server over `store`. */
const domainOn = (store: Store) =>
  createDomain({
    store,
    clock: systemClock,
    fleetQuota: 10,
    region: 'test-region',
    enableDelayMs: () => 0,
    endpointUrl: (fleetId) => `https://127.0.0.1:40000/fleets/${fleetId}`,
    clusterEndpointUrl: (clusterId) => `https://127.0.0.1:40000/clusters/${clusterId}`,
    endpointCaData: Buffer.from('endpoint CA').toString('base64'),
    keyType: 'ecdsa-p256',
    keyPool: undefined,
  });

const caller: Caller = { domainId: 'd1', userName: 'alice', groups: ['ops'], via: 'token' };

/** A fleet of `caller` with its federation enabled and connected: its id. */
async function federatedFleet(domain: ReturnType<typeof domainOn>): Promise<string> {
  const { uid } = await domain.fleets.create(caller, { metadata: { name: 'fleet-a' } } as Parameters<typeof domain.fleets.create>[1]);
  await domain.federation.enable(caller, uid);
  await domain.federation.connect(caller, uid, { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' });
  return uid;
}

const record = (serial: string) => ({ serial, fleetId: 'f-1', federationId: 'fed-1', subject: 'CN=alice', notBefore: 1, notAfter: 2, issuedAt: 1 });

test('the certificate records of one turn are committed in one transaction, each promise settling after the commit', async () => {
  const { db, runs: begun } = countingStatements(new Database(':memory:'), isBegin);
  const engine = sqliteEngine(db);
  await applyMigrations(engine);
  const store = new SqlStore(engine);
  try {
    const before = begun();
    const serials = ['01', '02', '03', '04', '05'];
    await Promise.all(
      serials.map(async (serial) => {
        await store.recordCertificate(record(serial));
        // Resolved: the record is committed, so a read on the same database sees it.
        assert.ok((await store.listCertificates('f-1')).some((c) => c.serial === serial), `${serial} is committed when its promise resolves`);
      }),
    );
    assert.equal(begun() - before, 1, 'five records, one transaction');
    assert.deepEqual((await store.listCertificates('f-1')).map((c) => c.serial), serials);
  } finally {
    await store.close();
  }
});

test('a kubeconfig reads its fleet without the CA once the CA cache holds it; a cleared cache reads it again', async () => {
  const { openMemoryStore } = await import('../src/store/sqlite-store.js');
  const inner = await openMemoryStore();
  const caReads: string[] = [];
  const fullReads: string[] = [];
  const store = new Proxy(inner, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (property === 'getCa') caReads.push(String(args[0]));
        if (property === 'getFleet') fullReads.push(String(args[1]));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as Store;
  const domain = domainOn(store);
  try {
    const uid = await federatedFleet(domain);
    const federationId = (await inner.getFleet('d1', uid))!.federation!.id;

    await domain.kubeconfigs.issue(caller, uid, 30);
    await domain.kubeconfigs.issue(caller, uid, 30);
    await domain.kubeconfigs.issue(caller, uid, 30);
    assert.deepEqual(caReads, [federationId], 'three kubeconfigs, one CA read');
    assert.deepEqual(fullReads, [], 'no request read the fleet with its CA');
    assert.equal((await inner.listCertificates(uid)).length, 3);

    domain.caCache.clear();
    await domain.kubeconfigs.issue(caller, uid, 30);
    assert.deepEqual(caReads, [federationId, federationId], 'a cleared cache reads the CA again');
    assert.equal((await inner.listCertificates(uid)).length, 4);
  } finally {
    await inner.close();
  }
});

test('concurrent kubeconfigs read their fleet once while the file is unchanged; a write of another handle is seen by the next one', async () => {
  const dir = tempDir('issuance-reads');
  const { db, runs: fleetReads } = countingStatements(new Database(join(dir, databaseFileName)), isFleetRead);
  const engine = sqliteEngine(db);
  await applyMigrations(engine);
  const a = new SqlStore(engine);
  const b = await openSqliteStore(dir);
  try {
    const domain = domainOn(a);
    const uid = await federatedFleet(domain);

    let before = fleetReads();
    await Promise.all(Array.from({ length: 5 }, () => domain.kubeconfigs.issue(caller, uid, 30)));
    assert.equal(fleetReads() - before, 1, 'five requests at once, one read of the fleet');
    const kept = (await a.getFleetSummary('d1', uid))!;
    assert.throws(() => {
      kept.name = 'renamed';
    }, TypeError, 'a kept fleet is frozen: every request shares it');

    // The other handle (as another server process on the same data directory would) disables the federation.
    await domainOn(b).federation.disable(caller, uid);
    before = fleetReads();
    await assert.rejects(domain.kubeconfigs.issue(caller, uid, 30), (err: Error) => /not enabled/.test(err.message));
    assert.equal(fleetReads() - before, 1, 'the commit of the other handle made the request read the fleet again');
    assert.equal((await b.listCertificates(uid)).length, 5, 'the refused request recorded nothing');
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('a fleet kept by one process is read again after another process commits to the file', async () => {
  const dir = tempDir('issuance-reads');
  const store = await openSqliteStore(dir);
  try {
    const uid = await federatedFleet(domainOn(store));
    assert.equal((await store.getFleetSummary('d1', uid))?.name, 'fleet-a');
    const renamed = spawnSync(
      process.execPath,
      ['-e', `const db = new (require('better-sqlite3'))(process.argv[1]); db.prepare("update fleets set name = 'fleet-b', revision = revision + 1 where id = ?").run(process.argv[2]);`, join(dir, databaseFileName), uid],
      { encoding: 'utf8' },
    );
    assert.equal(renamed.status, 0, renamed.stderr);
    assert.equal((await store.getFleetSummary('d1', uid))?.name, 'fleet-b', 'the other process committed: the fleet is read again');
  } finally {
    await store.close();
  }
});
