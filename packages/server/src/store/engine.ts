import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ColumnTypes, Tables } from './schema.js';

/**
 * What differs between SQLite and PostgreSQL, and nothing else: the driver (inside `db`), how a
 * write transaction begins, and the locks. Every query is written once, in sql-store.ts.
 */
export interface Engine {
  readonly db: Kysely<Tables>;
  readonly columnTypes: ColumnTypes;
  /** The statement that opens a read-write transaction. */
  readonly begin: RawBuilder<unknown>;
  /** Inside a transaction: serialises fleet creates of one account until it ends (the quota spans rows). */
  lockAccount(trx: Kysely<Tables>, domainId: string): Promise<void>;
  /** Inside a transaction: serialises migrations of every process sharing the database until it ends. */
  lockMigrations(trx: Kysely<Tables>): Promise<void>;
}

/**
 * Runs `work` in one transaction on one connection: COMMIT when it returns, ROLLBACK when it
 * (or the COMMIT) throws, so that a connection never goes back to its pool inside a transaction.
 */
export async function inTransaction<T>(engine: Engine, work: (trx: Kysely<Tables>) => Promise<T>): Promise<T> {
  return engine.db.connection().execute(async (trx) => {
    await engine.begin.execute(trx);
    try {
      const result = await work(trx);
      await sql`commit`.execute(trx);
      return result;
    } catch (err) {
      // A rollback that fails too (the connection is gone) changes nothing: report the first error.
      await sql`rollback`.execute(trx).catch(() => undefined);
      throw err;
    }
  });
}
