/**
 * What issuing kubeconfigs asks of the store: the certificate records of concurrent requests
 * committed in one transaction, and the fleet's CA read only when the CA cache lacks it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { createDomain } from '../src/domain/index.js';
import { systemClock } from '../src/domain/clock.js';
import type { Caller } from '../src/domain/caller.js';
import { applyMigrations } from '../src/store/migrate.js';
import { sqliteEngine } from '../src/store/sqlite/engine.js';
import { SqlStore } from '../src/store/sql-store.js';
import type { Store } from '../src/store/store.js';

/** A SQLite database that counts the transactions begun on it. */
function countingTransactions(db: Database.Database): { db: Database.Database; begun: () => number } {
  let begun = 0;
  const counted = new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (text: string) => {
          const statement = target.prepare(text);
          if (!/^begin\b/i.test(text)) return statement;
          return new Proxy(statement, {
            get(s, p) {
              const value: unknown = Reflect.get(s, p, s);
              if (typeof value !== 'function') return value;
              return (...args: unknown[]) => {
                if (p === 'run' || p === 'all') begun++;
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
  return { db: counted, begun: () => begun };
}

const record = (serial: string) => ({ serial, fleetId: 'f-1', federationId: 'fed-1', subject: 'CN=alice', notBefore: 1, notAfter: 2, issuedAt: 1 });

test('the certificate records of one turn are committed in one transaction, each promise settling after the commit', async () => {
  const { db, begun } = countingTransactions(new Database(':memory:'));
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
  const domain = createDomain({
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
  try {
    const { uid } = await domain.fleets.create(caller, { metadata: { name: 'fleet-a' } } as Parameters<typeof domain.fleets.create>[1]);
    await domain.federation.enable(caller, uid);
    await domain.federation.connect(caller, uid, { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' });
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
