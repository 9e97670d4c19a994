import type pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Engine } from '../engine.js';
import type { Tables } from '../schema.js';
import { asStoreError, wrappingDriverCalls } from '../dialect-wrapper.js';

/** The advisory lock key (64-bit key space) that serialises migrations of every replica. */
const migrationLockKey = 0x75637300_0001n; // "ucs" 0001

/** How long a replica waits for another one's migration before it gives up starting. */
const migrationTimeout = '5min';

/**
 * PostgreSQL through a pg pool, for several replicas sharing one database. Each state transition
 * in sql-store.ts is one conditional UPDATE: under READ COMMITTED a second writer of the same row
 * waits for the first to commit and then re-checks the WHERE clause on the new row, so two
 * replicas racing to enable a fleet get exactly one winner. What spans rows (the quota, the
 * migrations) is serialised by an advisory lock held until commit.
 */
export function postgresEngine(pool: pg.Pool): Engine {
  return {
    db: new Kysely<Tables>({ dialect: wrappingDriverCalls(new PostgresDialect({ pool }), asStoreError) }),
    columnTypes: {
      int64: 'bigint',
      json: 'jsonb',
      // Names compare byte-wise, as SQLite's BINARY collation does.
      byteOrderedText: sql`text collate "C"`,
      sequenceKey: (c) => c.generatedAlwaysAsIdentity().primaryKey(),
    },
    begin: sql`begin`,
    lockAccount: async (trx, domainId) => {
      await sql`select pg_advisory_xact_lock(hashtext('ucs.fleet-quota'), hashtext(${domainId}))`.execute(trx);
    },
    lockMigrations: async (trx) => {
      await sql.raw(`set local statement_timeout = '${migrationTimeout}'`).execute(trx);
      await sql`select pg_advisory_xact_lock(${migrationLockKey.toString()})`.execute(trx);
    },
  };
}
