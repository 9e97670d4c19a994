import pg from 'pg';
import type { PoolClient, PoolConfig } from 'pg';
import { applyMigrations } from './migrate.js';
import { poolConfigFromUrl, unreachable } from './postgres/connection.js';
import { postgresEngine } from './postgres/engine.js';
import { SqlStore } from './sql-store.js';

export { DatabaseUnreachableError } from './database-unreachable.js';
export { poolDefaults } from './postgres/connection.js';

/**
 * Opens a pool on the database of a `postgres://` URL, checks that the database answers
 * (a DatabaseUnreachableError naming host:port when it does not) and applies the migrations
 * under an advisory lock, so that replicas starting at once migrate once.
 */
export async function openPostgresStore(databaseUrl: string): Promise<SqlStore> {
  const config = poolConfigFromUrl(databaseUrl);
  const pool = new pg.Pool(config);
  survivingConnectionErrors(pool);
  try {
    await firstConnection(pool, config);
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  const engine = postgresEngine(pool);
  try {
    await applyMigrations(engine);
  } catch (err) {
    await engine.db.destroy().catch(() => {});
    throw err;
  }
  return new SqlStore(engine);
}

/**
 * A connection that breaks (the database stops or restarts, the network drops) emits 'error';
 * with no listener that event would end the process. The pool listens on idle connections only,
 * so every connection gets a listener of its own for the time it is checked out: the query in
 * flight fails with the error (a StoreError, 500 UCS.00000005), and the pool drops the broken
 * connection when it is released and opens a new one for the next query.
 */
function survivingConnectionErrors(pool: pg.Pool): void {
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
}

async function firstConnection(pool: pg.Pool, config: PoolConfig): Promise<void> {
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    throw unreachable(config, err);
  }
  client.release();
}
