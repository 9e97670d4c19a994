/**
 * Databases made by the schema before it was written once (store/schema.ts) upgrade in place on
 * both engines: the rows they hold read back through the Store as they were, the later
 * migrations are applied once, and the store writes as a fresh one does.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgresStore } from '../src/store/postgres-store.js';
import { migrations } from '../src/store/schema.js';
import { databaseFileName, openSqliteStore } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';
import { tempDir } from './support/test-server.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'store-v1', name), 'utf8');

interface OldDatabase {
  /** Opens the store on it. */
  open(): Promise<Store>;
  versions(): Promise<number[]>;
}

interface Engine {
  name: string;
  /** A database made by version 1 of the schema, holding the rows of rows.sql. */
  makeVersion1(): Promise<OldDatabase>;
}

let postgres: TestPostgres;
before(async () => {
  postgres = await startPostgres();
});
after(() => postgres.stop());

const engines: Engine[] = [
  {
    name: 'sqlite',
    makeVersion1: async () => {
      const dir = tempDir('store-upgrade');
      const file = join(dir, databaseFileName);
      const db = new Database(file);
      db.exec(fixture('sqlite.sql'));
      db.exec(fixture('rows.sql'));
      db.close();
      return {
        open: () => openSqliteStore(dir),
        versions: async () => {
          const reader = new Database(file, { readonly: true });
          try {
            return (reader.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
          } finally {
            reader.close();
          }
        },
      };
    },
  },
  {
    name: 'postgres',
    makeVersion1: async () => {
      const url = await postgres.createDatabase('upgrade');
      await withClient(url, async (c) => {
        await c.query(fixture('postgres.sql'));
        await c.query(fixture('rows.sql'));
      });
      return {
        open: () => openPostgresStore(url),
        versions: () => withClient(url, async (c) => (await c.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version)),
      };
    },
  },
];

for (const engine of engines) {
  describe(`upgrading a version-1 database on ${engine.name}`, () => {
    test('its rows read back unchanged, each later migration is applied once, and it takes writes', async () => {
      const old = await engine.makeVersion1();
      assert.deepEqual(await old.versions(), [1]);
      const store = await old.open();
      try {
        assert.deepEqual(await old.versions(), migrations.map((m) => m.version));
        assert.deepEqual(await store.getFleet('acct-1', 'fleet-1'), {
          id: 'fleet-1',
          domainId: 'acct-1',
          name: 'kept',
          description: 'made before the upgrade',
          clusterIds: ['c-1', 'c-2'],
          dnsSuffix: [],
          ruleNamespaces: [],
          policy: undefined,
          createdAt: 1764547200123,
          updatedAt: 1764547260123,
          // Migration 8 starts every fleet's revision at 1.
          revision: 1,
          // Its stored endpoint port (41001) is gone: migration 3 drops per-fleet ports. Migration 4
          // gives a federation of then the one version there was.
          federation: { id: 'fed-1', startedAt: 1764547210123, readyAt: 1764547214123, ca: { certPem: 'cert-pem', keyPem: 'key-pem' }, version: 'v1.10.7', upgrade: undefined },
          connection: { id: 'conn-1', projectId: 'p1', vpcId: 'vpc-1', subnetId: 'subnet-1', createdAt: 1764547260123 },
        });
        assert.deepEqual((await store.listFleets('acct-1', { offset: 0, orderBy: 'create_at', order: 'asc' })).items.map((f) => f.name), ['kept', 'plain']);
        assert.deepEqual(await store.latestJob('fleet-1'), {
          id: 'job-1',
          fleetId: 'fleet-1',
          type: 'CreateFederation',
          federationId: 'fed-1',
          startedAt: 1764547210123,
          readyAt: 1764547214123,
        });
        assert.deepEqual((await store.listCertificates('fleet-1')).map((c) => c.serial), ['0A']);
        await store.ping();
        assert.deepEqual(
          await store.createFleet({ id: 'fleet-3', domainId: 'acct-1', name: 'after', description: undefined, clusterIds: [], createdAt: 1764547400123 }, 50),
          { ok: true },
        );
        assert.deepEqual(await store.createFleet({ id: 'fleet-4', domainId: 'acct-1', name: 'kept', description: undefined, clusterIds: [], createdAt: 1 }, 50), {
          ok: false,
          reason: 'name-taken',
        });
        assert.equal(await store.deleteFleet('acct-1', 'fleet-2'), true);
      } finally {
        await store.close();
      }
      const again = await old.open();
      await again.close();
      assert.deepEqual(await old.versions(), migrations.map((m) => m.version), 'a second start applies nothing');
    });
  });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
