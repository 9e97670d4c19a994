import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations.js';
import type {
  CertificateRecord,
  ConnectionRecord,
  FederationRecord,
  FleetListQuery,
  FleetRecord,
  JobRecord,
  NewFleet,
} from './records.js';
import { certificateFromRow, fleetFromRow, jobFromRow, type CertificateRow, type FleetRow, type JobRow } from './rows.js';
import type { CreateFleetOutcome, Store } from './store.js';

export const databaseFileName = 'ucs.sqlite';

/** Opens (creating if needed) the database in a data directory readable by its owner only. */
export function openSqliteStore(dataDir: string): SqliteStore {
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const file = join(dataDir, databaseFileName);
  const store = new SqliteStore(new Database(file));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  return store;
}

/** A private in-memory database: the same engine and SQL, for tests and throwaway runs. */
export function openMemoryStore(): SqliteStore {
  return new SqliteStore(new Database(':memory:'));
}

export class SqliteStore implements Store {
  /** Statements are prepared once: preparing was the largest cost of a request under load. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    db.pragma('journal_mode = WAL');
    // WAL with synchronous=NORMAL loses nothing on a process crash (kill -9); only a power
    // loss can drop the last commits, which a reference server may accept for speed.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    applyMigrations(db);
  }

  async createFleet(fleet: NewFleet, quota: number): Promise<CreateFleetOutcome> {
    return this.db
      .transaction((): CreateFleetOutcome => {
        const count = this.sql('SELECT count(*) AS n FROM fleets WHERE domain_id = ?').get(fleet.domainId) as { n: number };
        if (count.n >= quota) return { ok: false, reason: 'quota-exceeded' };
        const sameName = this.sql('SELECT 1 FROM fleets WHERE domain_id = ? AND name = ?').get(fleet.domainId, fleet.name);
        if (sameName) return { ok: false, reason: 'name-taken' };
        if (this.sql('SELECT 1 FROM fleets WHERE id = ?').get(fleet.id)) return { ok: false, reason: 'id-taken' };
        this.sql(
            `INSERT INTO fleets (id, domain_id, name, description, cluster_ids, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(fleet.id, fleet.domainId, fleet.name, fleet.description ?? null, JSON.stringify(fleet.clusterIds), fleet.createdAt, fleet.createdAt);
        return { ok: true };
      })
      .immediate();
  }

  async getFleet(domainId: string, fleetId: string): Promise<FleetRecord | undefined> {
    const row = this.sql('SELECT * FROM fleets WHERE id = ? AND domain_id = ?').get(fleetId, domainId) as FleetRow | undefined;
    return row && fleetFromRow(row);
  }

  async listFleets(domainId: string, query: FleetListQuery): Promise<{ items: FleetRecord[]; total: number }> {
    const column = query.orderBy === 'update_at' ? 'updated_at' : 'created_at';
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    const rows = this.sql(`SELECT * FROM fleets WHERE domain_id = ? ORDER BY ${column} ${direction}, name ${direction} LIMIT ? OFFSET ?`)
      .all(domainId, query.limit, query.offset) as FleetRow[];
    const total = this.sql('SELECT count(*) AS n FROM fleets WHERE domain_id = ?').get(domainId) as { n: number };
    return { items: rows.map(fleetFromRow), total: total.n };
  }

  async deleteFleet(domainId: string, fleetId: string): Promise<boolean> {
    return this.db
      .transaction(() => {
        const deleted = this.sql('DELETE FROM fleets WHERE id = ? AND domain_id = ? AND federation_id IS NULL')
          .run(fleetId, domainId).changes;
        if (deleted === 1) this.sql('DELETE FROM jobs WHERE fleet_id = ?').run(fleetId);
        return deleted === 1;
      })
      .immediate();
  }

  async startFederation(domainId: string, fleetId: string, federation: FederationRecord, job: JobRecord, now: number): Promise<boolean> {
    return this.db
      .transaction(() => {
        const started = this.sql(
            `UPDATE fleets SET federation_id = ?, federation_started_at = ?, federation_ready_at = ?, federation_port = ?,
               ca_cert_pem = ?, ca_key_pem = ?, updated_at = ?
             WHERE id = ? AND domain_id = ? AND federation_id IS NULL`,
          )
          .run(federation.id, federation.startedAt, federation.readyAt, federation.port, federation.ca.certPem, federation.ca.keyPem, now, fleetId, domainId).changes;
        if (started === 1) this.insertJob(job);
        return started === 1;
      })
      .immediate();
  }

  async stopFederation(domainId: string, fleetId: string, job: JobRecord, now: number): Promise<boolean> {
    return this.db
      .transaction(() => {
        const stopped = this.sql(
            `UPDATE fleets SET federation_id = NULL, federation_started_at = NULL, federation_ready_at = NULL,
               federation_port = NULL, ca_cert_pem = NULL, ca_key_pem = NULL, connection_id = NULL,
               connection_project_id = NULL, connection_vpc_id = NULL, connection_subnet_id = NULL,
               connection_created_at = NULL, updated_at = ?
             WHERE id = ? AND domain_id = ? AND federation_id IS NOT NULL`,
          )
          .run(now, fleetId, domainId).changes;
        if (stopped === 1) this.insertJob(job);
        return stopped === 1;
      })
      .immediate();
  }

  async createConnection(domainId: string, fleetId: string, connection: ConnectionRecord, now: number): Promise<boolean> {
    const created = this.sql(
        `UPDATE fleets SET connection_id = ?, connection_project_id = ?, connection_vpc_id = ?, connection_subnet_id = ?,
           connection_created_at = ?, updated_at = ?
         WHERE id = ? AND domain_id = ? AND federation_id IS NOT NULL AND federation_ready_at <= ? AND connection_id IS NULL`,
      )
      .run(connection.id, connection.projectId, connection.vpcId, connection.subnetId, connection.createdAt, now, fleetId, domainId, now).changes;
    return created === 1;
  }

  async latestJob(fleetId: string): Promise<JobRecord | undefined> {
    const row = this.sql('SELECT * FROM jobs WHERE fleet_id = ? ORDER BY seq DESC LIMIT 1').get(fleetId) as JobRow | undefined;
    return row && jobFromRow(row);
  }

  async recordCertificate(c: CertificateRecord): Promise<void> {
    this.sql(
        `INSERT INTO certificates (serial, fleet_id, federation_id, subject, not_before, not_after, issued_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.serial, c.fleetId, c.federationId, c.subject, c.notBefore, c.notAfter, c.issuedAt);
  }

  async listCertificates(fleetId: string): Promise<CertificateRecord[]> {
    const rows = this.sql('SELECT * FROM certificates WHERE fleet_id = ? ORDER BY issued_at').all(fleetId) as CertificateRow[];
    return rows.map(certificateFromRow);
  }

  async listAllCertificates(): Promise<CertificateRecord[]> {
    const rows = this.sql('SELECT * FROM certificates ORDER BY issued_at, serial').all() as CertificateRow[];
    return rows.map(certificateFromRow);
  }

  async clearAll(): Promise<void> {
    this.db.transaction(() => {
      for (const table of ['certificates', 'jobs', 'fleets']) this.sql(`DELETE FROM ${table}`).run();
    }).immediate();
  }

  async listFederatedFleets(): Promise<FleetRecord[]> {
    const rows = this.sql('SELECT * FROM fleets WHERE federation_id IS NOT NULL ORDER BY created_at').all() as FleetRow[];
    return rows.map(fleetFromRow);
  }

  async ping(): Promise<void> {
    this.sql('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private insertJob(job: JobRecord): void {
    this.sql('INSERT INTO jobs (id, fleet_id, type, federation_id, started_at, ready_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(job.id, job.fleetId, job.type, job.federationId, job.startedAt, job.readyAt);
  }
}

function applyMigrations(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  db.transaction(() => {
    const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
    }
  }).immediate();
}
