import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from './migrate.js';
import { sqliteEngine } from './sqlite/engine.js';
import { SqlStore } from './sql-store.js';

export const databaseFileName = 'ucs.sqlite';

/** Opens (creating if needed) the database in a data directory readable by its owner only. */
export async function openSqliteStore(dataDir: string): Promise<SqlStore> {
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const file = join(dataDir, databaseFileName);
  const store = await openOn(new Database(file));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  return store;
}

/** A private in-memory database: the same engine and SQL, for tests and throwaway runs. */
export function openMemoryStore(): Promise<SqlStore> {
  return openOn(new Database(':memory:'));
}

async function openOn(db: Database.Database): Promise<SqlStore> {
  const engine = sqliteEngine(db);
  try {
    await applyMigrations(engine);
  } catch (err) {
    await engine.db.destroy();
    throw err;
  }
  return new SqlStore(engine);
}
