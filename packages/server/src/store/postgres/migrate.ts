import type { Pool } from 'pg';
import { inTransaction } from './transaction.js';
import { postgresMigrations } from './migrations.js';

/** The advisory lock key (64-bit key space) that serialises migrations of every replica. */
const migrationLockKey = 0x75637300_0001n; // "ucs" 0001

/** How long a replica waits for another one's migration before it gives up starting. */
const migrationTimeout = '5min';

/**
 * Applies the migrations not yet applied, in order, in one transaction, while holding an
 * advisory lock: replicas starting at once queue here, and each one after the first finds
 * everything applied. PostgreSQL DDL is transactional, so a failed migration leaves nothing.
 */
export async function applyMigrations(pool: Pool): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query(`SET LOCAL statement_timeout = '${migrationTimeout}'`);
    await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey.toString()]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const appliedNow: number[] = [];
    for (const m of postgresMigrations) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
      appliedNow.push(m.version);
    }
    return appliedNow;
  });
}
