/**
 * Versioned schema migrations, applied in order, each once, inside one transaction.
 * Never edit a released migration: add the next version.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'fleets, federation jobs and issued certificates',
    sql: `
      CREATE TABLE fleets (
        id TEXT PRIMARY KEY,
        domain_id TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT,
        cluster_ids TEXT NOT NULL DEFAULT '[]',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        federation_id TEXT,
        federation_started_at INTEGER,
        federation_ready_at INTEGER,
        federation_port INTEGER,
        ca_cert_pem TEXT,
        ca_key_pem TEXT,
        connection_id TEXT,
        connection_project_id TEXT,
        connection_vpc_id TEXT,
        connection_subnet_id TEXT,
        connection_created_at INTEGER,
        UNIQUE (domain_id, name),
        CHECK ((federation_id IS NULL) = (ca_cert_pem IS NULL)),
        CHECK (connection_id IS NULL OR federation_id IS NOT NULL)
      );
      CREATE INDEX fleets_by_domain ON fleets (domain_id, created_at);
      CREATE TABLE jobs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        fleet_id TEXT NOT NULL,
        type TEXT NOT NULL,
        federation_id TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ready_at INTEGER NOT NULL
      );
      CREATE INDEX jobs_by_fleet ON jobs (fleet_id, seq);
      CREATE TABLE certificates (
        serial TEXT PRIMARY KEY,
        fleet_id TEXT NOT NULL,
        federation_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before INTEGER NOT NULL,
        not_after INTEGER NOT NULL,
        issued_at INTEGER NOT NULL
      );
      CREATE INDEX certificates_by_fleet ON certificates (fleet_id, issued_at);
    `,
  },
];
