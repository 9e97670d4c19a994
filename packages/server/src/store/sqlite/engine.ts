import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import { asStoreError, wrappingDriverCalls, type DriverCall } from '../dialect-wrapper.js';
import type { Engine } from '../engine.js';
import { commitsElsewhere } from './commits-elsewhere.js';
import { immediateStatements } from './immediate.js';
import type { Tables } from '../schema.js';

/** How long a statement waits for another connection's write transaction before it fails. */
const busyTimeoutMs = 5000;

/** SQLite through better-sqlite3: one connection per handle, WAL, writers queued by BEGIN IMMEDIATE. */
export function sqliteEngine(db: Database.Database): Engine {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const journalMode = db.pragma('journal_mode = WAL', { simple: true });
  // WAL with synchronous=NORMAL loses nothing on a process crash (kill -9); only a power
  // loss can drop the last commits, which a reference server may accept for speed.
  db.pragma('synchronous = NORMAL');
  // From here on a busy database is waited for off the event loop (waitingWhileBusy): SQLite's
  // own busy timeout sleeps inside the call, which would stall every request, and would never
  // end while the transaction it waits for belongs to another handle of this same process.
  db.pragma('busy_timeout = 0');
  const others = commitsElsewhere(db, journalMode);
  const database = preparingOnce(db, () => others.close());
  const immediate = immediateStatements(db, database.prepare, isBusy, others);
  return {
    db: new Kysely<Tables>({
      dialect: wrappingDriverCalls(new SqliteDialect({ database }), (call) => immediate.movingVersion(() => asStoreError(() => waitingWhileBusy(call)))),
    }),
    immediate,
    columnTypes: {
      int64: 'integer',
      json: 'text',
      byteOrderedText: 'text',
      sequenceKey: (c) => c.primaryKey().autoIncrement(),
    },
    // IMMEDIATE takes the write lock at once: transactions of several connections on one file
    // queue instead of failing with SQLITE_BUSY when a read lock would have to be upgraded.
    begin: sql`begin immediate`,
    // A write transaction already excludes every other writer of the file: nothing more to lock.
    lockAccount: async () => undefined,
    lockMigrations: async () => undefined,
  };
}

/**
 * Retries a statement SQLite refused as busy (another connection holds the write lock), for up
 * to busyTimeoutMs. A busy statement did nothing, so running it again is safe.
 */
const waitingWhileBusy: DriverCall = async (call) => {
  const deadline = Date.now() + busyTimeoutMs;
  for (let waitMs = 1; ; waitMs = Math.min(waitMs * 2, 50)) {
    try {
      return await call();
    } catch (err) {
      if (!isBusy(err) || Date.now() >= deadline) throw err;
      await sleep(waitMs);
    }
  }
};

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * The database as Kysely's dialect takes it, with each statement prepared once: the dialect
 * prepares on every query, and preparing was the largest cost of a request under load. The
 * statements are the fixed set sql-store.ts builds, so the cache stays small.
 */
function preparingOnce(db: Database.Database, beforeClose: () => void): SqliteDatabase & { prepare: (text: string) => Database.Statement } {
  const statements = new Map<string, Database.Statement>();
  return {
    prepare: (text) => {
      let statement = statements.get(text);
      if (!statement) {
        statement = db.prepare(text);
        statements.set(text, statement);
      }
      return statement;
    },
    close: () => {
      beforeClose();
      db.close();
    },
  };
}
