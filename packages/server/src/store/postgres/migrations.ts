import { migrations, type Migration } from '../migrations.js';

/**
 * The PostgreSQL text of each migration in ../migrations.ts, by the same version number: that
 * file stays the one versioned list (version, name, order); this one only translates its SQL.
 * Times stay epoch milliseconds (BIGINT), names compare byte-wise (COLLATE "C", as SQLite's
 * BINARY does) so that listings page in the same order on both engines.
 */
const postgresSql: Readonly<Record<number, string>> = {
  1: `
    CREATE TABLE fleets (
      id TEXT PRIMARY KEY,
      domain_id TEXT NOT NULL,
      name TEXT COLLATE "C" NOT NULL,
      description TEXT,
      cluster_ids JSONB NOT NULL DEFAULT '[]',
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL,
      federation_id TEXT,
      federation_started_at BIGINT,
      federation_ready_at BIGINT,
      federation_port INTEGER,
      ca_cert_pem TEXT,
      ca_key_pem TEXT,
      connection_id TEXT,
      connection_project_id TEXT,
      connection_vpc_id TEXT,
      connection_subnet_id TEXT,
      connection_created_at BIGINT,
      CONSTRAINT fleets_name_per_account UNIQUE (domain_id, name),
      CHECK ((federation_id IS NULL) = (ca_cert_pem IS NULL)),
      CHECK (connection_id IS NULL OR federation_id IS NOT NULL)
    );
    CREATE INDEX fleets_by_domain ON fleets (domain_id, created_at);
    CREATE TABLE jobs (
      seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      fleet_id TEXT NOT NULL,
      type TEXT NOT NULL,
      federation_id TEXT NOT NULL,
      started_at BIGINT NOT NULL,
      ready_at BIGINT NOT NULL
    );
    CREATE INDEX jobs_by_fleet ON jobs (fleet_id, seq);
    CREATE TABLE certificates (
      serial TEXT PRIMARY KEY,
      fleet_id TEXT NOT NULL,
      federation_id TEXT NOT NULL,
      subject TEXT NOT NULL,
      not_before BIGINT NOT NULL,
      not_after BIGINT NOT NULL,
      issued_at BIGINT NOT NULL
    );
    CREATE INDEX certificates_by_fleet ON certificates (fleet_id, issued_at);
  `,
};

/** The migrations with their PostgreSQL text; a version without one fails loudly, at load. */
export const postgresMigrations: readonly Migration[] = migrations.map((m) => {
  const sql = postgresSql[m.version];
  if (sql === undefined) throw new Error(`store migration ${m.version} (${m.name}) has no PostgreSQL translation in store/postgres/migrations.ts`);
  return { ...m, sql };
});

for (const version of Object.keys(postgresSql).map(Number)) {
  if (!migrations.some((m) => m.version === version)) throw new Error(`store/postgres/migrations.ts translates migration ${version}, which store/migrations.ts does not have`);
}
