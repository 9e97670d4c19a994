import type Database from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import type { ImmediateStatements } from '../engine.js';
import { StoreError } from '../store-error.js';

/**
 * ImmediateStatements on a better-sqlite3 connection, with the statements prepared once by
 * `prepare` (the same cache as Kysely's path). They run only while `db.inTransaction` is false:
 * Kysely keeps this handle's one connection for a transaction across awaits, and a statement
 * run in between would be part of that transaction. A write transaction of another handle on
 * the same file (SQLITE_BUSY) is left to Kysely's path too, which waits it out off the event loop.
 */
export function immediateStatements(db: Database.Database, prepare: (text: string) => Database.Statement, isBusy: (err: unknown) => boolean): ImmediateStatements {
  const begin = db.prepare('begin immediate');
  const commit = db.prepare('commit');
  const rollback = db.prepare('rollback');
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
      }
    },
  };
}
