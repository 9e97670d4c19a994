import type { ServerConfig } from '../config.js';
import { openMemoryStore, openSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

export { DatabaseUnreachableError } from './database-unreachable.js';

/**
 * The store the configuration names: PostgreSQL when a database URL is given (several
 * replicas may share it), otherwise SQLite in the data directory, or in memory for ':memory:'.
 */
export async function openStore(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>): Promise<Store> {
  // Loaded only when used: pg and its protocol modules are ~5 MB a SQLite server never needs.
  if (config.databaseUrl) return (await import('./postgres-store.js')).openPostgresStore(config.databaseUrl);
  return config.dataDir === ':memory:' ? await openMemoryStore() : await openSqliteStore(config.dataDir);
}
