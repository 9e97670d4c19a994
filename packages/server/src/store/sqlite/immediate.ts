import type Database from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import type { DriverCall } from '../dialect-wrapper.js';
import type { CommitsElsewhere } from './commits-elsewhere.js';
import type { ImmediateStatements } from '../engine.js';
import { StoreError } from '../store-error.js';

/**
 * ImmediateStatements on a better-sqlite3 connection, with the statements prepared once by
 * `prepare` (the same cache as Kysely's path). They run only while `db.inTransaction` is false:
 * Kysely keeps this handle's one connection for a transaction across awaits, and a statement
 * run in between would be part of that transaction. A write transaction of another handle on
 * the same file (SQLITE_BUSY) is left to Kysely's path too, which waits it out off the event loop.
 *
 * The version moves on with the commits of other connections (`others`) and with this
 * connection's own statements, counted here: each statement through Kysely's path
 * (`movingVersion`, reads too: counting only writes would mean knowing each statement) and
 * each writeAll.
 */
export function immediateStatements(
  db: Database.Database,
  prepare: (text: string) => Database.Statement,
  isBusy: (err: unknown) => boolean,
  others: CommitsElsewhere,
): ImmediateStatements & { movingVersion: DriverCall } {
  const begin = db.prepare('begin immediate');
  const commit = db.prepare('commit');
  const rollback = db.prepare('rollback');
  let version = 0;
  return {
    read<R>(query: CompiledQuery<R>): R[] | undefined {
      if (db.inTransaction) return undefined;
      try {
        return prepare(query.sql).all(query.parameters) as R[];
      } catch (err) {
        if (isBusy(err)) return undefined;
        throw new StoreError(err);
      }
    },
    writeAll(statements: readonly CompiledQuery[]): boolean {
      if (db.inTransaction) return false;
      try {
        begin.run();
      } catch (err) {
        if (isBusy(err)) return false;
        throw new StoreError(err);
      }
      try {
        for (const s of statements) prepare(s.sql).run(s.parameters);
        commit.run();
        return true;
      } catch (err) {
        // A failed COMMIT may have ended the transaction already (SQLite rolls back on some errors).
        if (db.inTransaction) rollback.run();
        throw new StoreError(err);
      } finally {
        version++;
      }
    },
    version(): number | undefined {
      if (db.inTransaction) return undefined;
      try {
        if (others.sinceLastCall()) version++;
      } catch (err) {
        if (isBusy(err)) return undefined;
        throw new StoreError(err);
      }
      return version;
    },
    // Before and after: a value read while the statement is under way is never taken for one of a later version.
    movingVersion: async (call) => {
      version++;
      try {
        return await call();
      } finally {
        version++;
      }
    },
  };
}
