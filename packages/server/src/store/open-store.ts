import type { ServerConfig } from '../config.js';
import { openPostgresStore } from './postgres-store.js';
import { openMemoryStore, openSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

export { DatabaseUnreachableError } from './postgres/connection.js';

/**
 * The store the configuration names: PostgreSQL when a database URL is given (several
 * replicas may share it), otherwise SQLite in the data directory, or in memory for ':memory:'.
 */
export async function openStore(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>): Promise<Store> {
  if (config.databaseUrl) return openPostgresStore(config.databaseUrl);
  return config.dataDir === ':memory:' ? openMemoryStore() : openSqliteStore(config.dataDir);
}
