import { randomUUID } from 'node:crypto';
import type { NewFleet } from '../../src/store/records.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import type { TestPostgres } from './postgres.js';
import { tempDir } from './test-server.js';

export interface StoreEngine {
  name: string;
  /** Two handles on one fresh, empty database, as two server processes sharing it would have. */
  openPair(): Promise<[Store, Store]>;
}

/** SQLite and PostgreSQL (on `postgres()`, started by the test file), for tests that run on both. */
export function storeEngines(postgres: () => TestPostgres): StoreEngine[] {
  return [
    {
      name: 'sqlite',
      openPair: async () => {
        const dir = tempDir('store-contract');
        const [a, b] = await Promise.all([openSqliteStore(dir), openSqliteStore(dir)]);
        return [a, b];
      },
    },
    {
      name: 'postgres',
      openPair: async () => {
        const url = await postgres().createDatabase('contract');
        const [a, b] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
        return [a, b];
      },
    },
  ];
}

/** A time far from now and not a whole second: the store keeps milliseconds, and never reads a clock. */
export const t0 = Date.UTC(2031, 4, 6, 7, 8, 9) + 123;

/** A fleet of acct-1 to create, with a fresh id and name. */
export const newFleet = (over: Partial<NewFleet> = {}): NewFleet => ({
  id: randomUUID(),
  domainId: 'acct-1',
  name: `fleet-${randomUUID().slice(0, 8)}`,
  description: undefined,
  clusterIds: [],
  createdAt: t0,
  ...over,
});

/** Two handles on a fresh database of `engine` for each test: `fresh()` opens them, `close()` closes them. */
export function storePair(engine: StoreEngine): { a: () => Store; b: () => Store; fresh(): Promise<void>; close(): Promise<void> } {
  let pair: [Store, Store] | undefined;
  return {
    a: () => pair![0],
    b: () => pair![1],
    fresh: async () => {
      pair = await engine.openPair();
    },
    close: async () => {
      await Promise.all(pair?.map((s) => s.close()) ?? []);
    },
  };
}
