import { sql, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
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
  /** SQLite only: the hot statements run at once, when they can (see ImmediateStatements). */
  readonly immediate?: ImmediateStatements;
}

/**
 * Statements run synchronously on the connection, past Kysely's executor. A query through Kysely
 * takes a connection, goes through its executor and our driver wrapper, and settles a chain of
 * promises: on SQLite, where the statement itself is a synchronous call of a few microseconds,
 * that machinery cost more than the statement and made ~15% of the garbage of a kubeconfig
 * request. Each method runs only when the connection has no transaction open (so that a read
 * sees only committed rows, as through Kysely, where it would wait for that transaction) and
 * answers undefined / false when it cannot: the caller then takes Kysely's path.
 */
export interface ImmediateStatements {
  /** The rows of a query; undefined when it cannot run now. */
  read<R>(query: CompiledQuery<R>): R[] | undefined;
  /** Every statement in one transaction, committed; false when it cannot run now (nothing was written). Throws a StoreError when a statement fails (all rolled back). */
  writeAll(statements: readonly CompiledQuery[]): boolean;
  /**
   * A number that stays the same only while the database is unchanged: it moves on with every
   * commit of another connection or process, and with every statement of this handle. Undefined
   * when it cannot be read now (a transaction is open, or another connection is recovering the file).
   */
  version(): number | undefined;
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
