import type { Kysely } from 'kysely';
import { inTransaction, type Engine } from './engine.js';
import { migrations } from './schema.js';

/**
 * Applies the migrations not yet applied, in order, in one transaction, under the engine's
 * migration lock: processes starting at once queue here, and each one after the first finds
 * everything applied. DDL is transactional on both engines, so a failed migration leaves nothing.
 * Returns the versions applied now.
 */
export async function applyMigrations(engine: Engine): Promise<number[]> {
  return inTransaction(engine, async (trx) => {
    await engine.lockMigrations(trx);
    await trx.schema
      .createTable('schema_migrations')
      .ifNotExists()
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('applied_at', engine.columnTypes.int64, (c) => c.notNull())
      .execute();
    const applied = new Set((await trx.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version));
    const appliedNow: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await m.up(trx as Kysely<unknown>, engine.columnTypes);
      await trx.insertInto('schema_migrations').values({ version: m.version, name: m.name, applied_at: Date.now() }).execute();
      appliedNow.push(m.version);
    }
    return appliedNow;
  });
}
