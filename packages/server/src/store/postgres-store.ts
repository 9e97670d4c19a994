import pg from 'pg';
import type { PoolClient, PoolConfig } from 'pg';
import { poolConfigFromUrl, unreachable } from './postgres/connection.js';
import { applyMigrations } from './postgres/migrate.js';
import { certificateFromRow, fleetFromRow, jobFromRow, type CertificateRow, type FleetRow, type JobRow } from './rows.js';
import { inTransaction } from './postgres/transaction.js';
import type {
  CertificateRecord,
  ConnectionRecord,
  FederationRecord,
  FleetListQuery,
  FleetRecord,
  JobRecord,
  NewFleet,
} from './records.js';
import type { CreateFleetOutcome, Store } from './store.js';

export { DatabaseUnreachableError } from './database-unreachable.js';
export { poolDefaults } from './postgres/connection.js';

/**
 * Opens a pool on the database of a `postgres://` URL, checks that the database answers
 * (a DatabaseUnreachableError naming host:port when it does not) and applies the migrations
 * under an advisory lock, so that replicas starting at once migrate once.
 */
export async function openPostgresStore(databaseUrl: string): Promise<PostgresStore> {
  const config = poolConfigFromUrl(databaseUrl);
  const pool = new pg.Pool(config);
  // An idle connection that breaks (a database restart, a network cut) is dropped by the pool
  // and replaced at the next query; without a listener its error would end the process.
  pool.on('error', () => {});
  try {
    await firstConnection(pool, config);
    await applyMigrations(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  return new PostgresStore(pool);
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

/**
 * The Store on PostgreSQL, for several server processes sharing one database. Each state
 * transition is one conditional UPDATE: under READ COMMITTED a second writer of the same row
 * waits for the first to commit and then re-checks the WHERE clause on the new row, so two
 * replicas racing to enable a fleet get exactly one `true`. The quota, which spans rows, is
 * checked under a per-account advisory lock held until commit.
 */
export class PostgresStore implements Store {
  #closed = false;

  constructor(private readonly pool: pg.Pool) {}

  async createFleet(fleet: NewFleet, quota: number): Promise<CreateFleetOutcome> {
    try {
      return await inTransaction(this.pool, async (client): Promise<CreateFleetOutcome> => {
        // Creates of one account queue here; the count below then sees every earlier commit.
        await client.query("SELECT pg_advisory_xact_lock(hashtext('ucs.fleet-quota'), hashtext($1))", [fleet.domainId]);
        const { rows } = await client.query<{ n: number; name_taken: boolean; id_taken: boolean }>(
          `SELECT (SELECT count(*) FROM fleets WHERE domain_id = $1) AS n,
                  EXISTS (SELECT 1 FROM fleets WHERE domain_id = $1 AND name = $2) AS name_taken,
                  EXISTS (SELECT 1 FROM fleets WHERE id = $3) AS id_taken`,
          [fleet.domainId, fleet.name, fleet.id],
        );
        const found = rows[0]!;
        if (found.n >= quota) return { ok: false, reason: 'quota-exceeded' };
        if (found.name_taken) return { ok: false, reason: 'name-taken' };
        if (found.id_taken) return { ok: false, reason: 'id-taken' };
        await client.query(
          `INSERT INTO fleets (id, domain_id, name, description, cluster_ids, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $6)`,
          [fleet.id, fleet.domainId, fleet.name, fleet.description ?? null, JSON.stringify(fleet.clusterIds), fleet.createdAt],
        );
        return { ok: true };
      });
    } catch (err) {
      // The unique constraints stay the last word, should a write ever bypass the lock.
      const constraint = uniqueViolation(err);
      if (constraint === 'fleets_pkey') return { ok: false, reason: 'id-taken' };
      if (constraint === 'fleets_name_per_account') return { ok: false, reason: 'name-taken' };
      throw err;
    }
  }

  async getFleet(domainId: string, fleetId: string): Promise<FleetRecord | undefined> {
    const { rows } = await this.pool.query<FleetRow>('SELECT * FROM fleets WHERE id = $1 AND domain_id = $2', [fleetId, domainId]);
    return rows[0] && fleetFromRow(rows[0]);
  }

  async listFleets(domainId: string, query: FleetListQuery): Promise<{ items: FleetRecord[]; total: number }> {
    const column = query.orderBy === 'update_at' ? 'updated_at' : 'created_at';
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    const [page, count] = await Promise.all([
      this.pool.query<FleetRow>(
        `SELECT * FROM fleets WHERE domain_id = $1 ORDER BY ${column} ${direction}, name ${direction} LIMIT $2 OFFSET $3`,
        // A negative limit means no limit (the route passes -1 when none is asked, as SQLite reads it).
        [domainId, query.limit < 0 ? null : query.limit, query.offset],
      ),
      this.pool.query<{ n: number }>('SELECT count(*) AS n FROM fleets WHERE domain_id = $1', [domainId]),
    ]);
    return { items: page.rows.map(fleetFromRow), total: count.rows[0]!.n };
  }

  async deleteFleet(domainId: string, fleetId: string): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const deleted = await client.query('DELETE FROM fleets WHERE id = $1 AND domain_id = $2 AND federation_id IS NULL', [fleetId, domainId]);
      if (deleted.rowCount === 1) await client.query('DELETE FROM jobs WHERE fleet_id = $1', [fleetId]);
      return deleted.rowCount === 1;
    });
  }

  async startFederation(domainId: string, fleetId: string, federation: FederationRecord, job: JobRecord, now: number): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const started = await client.query(
        `UPDATE fleets SET federation_id = $1, federation_started_at = $2, federation_ready_at = $3, federation_port = $4,
           ca_cert_pem = $5, ca_key_pem = $6, updated_at = $7
         WHERE id = $8 AND domain_id = $9 AND federation_id IS NULL`,
        [federation.id, federation.startedAt, federation.readyAt, federation.port, federation.ca.certPem, federation.ca.keyPem, now, fleetId, domainId],
      );
      if (started.rowCount === 1) await insertJob(client, job);
      return started.rowCount === 1;
    });
  }

  async stopFederation(domainId: string, fleetId: string, job: JobRecord, now: number): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const stopped = await client.query(
        `UPDATE fleets SET federation_id = NULL, federation_started_at = NULL, federation_ready_at = NULL,
           federation_port = NULL, ca_cert_pem = NULL, ca_key_pem = NULL, connection_id = NULL,
           connection_project_id = NULL, connection_vpc_id = NULL, connection_subnet_id = NULL,
           connection_created_at = NULL, updated_at = $1
         WHERE id = $2 AND domain_id = $3 AND federation_id IS NOT NULL`,
        [now, fleetId, domainId],
      );
      if (stopped.rowCount === 1) await insertJob(client, job);
      return stopped.rowCount === 1;
    });
  }

  async createConnection(domainId: string, fleetId: string, connection: ConnectionRecord, now: number): Promise<boolean> {
    const created = await this.pool.query(
      `UPDATE fleets SET connection_id = $1, connection_project_id = $2, connection_vpc_id = $3, connection_subnet_id = $4,
         connection_created_at = $5, updated_at = $6
       WHERE id = $7 AND domain_id = $8 AND federation_id IS NOT NULL AND federation_ready_at <= $6 AND connection_id IS NULL`,
      [connection.id, connection.projectId, connection.vpcId, connection.subnetId, connection.createdAt, now, fleetId, domainId],
    );
    return created.rowCount === 1;
  }

  async latestJob(fleetId: string): Promise<JobRecord | undefined> {
    const { rows } = await this.pool.query<JobRow>('SELECT * FROM jobs WHERE fleet_id = $1 ORDER BY seq DESC LIMIT 1', [fleetId]);
    return rows[0] && jobFromRow(rows[0]);
  }

  async recordCertificate(c: CertificateRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO certificates (serial, fleet_id, federation_id, subject, not_before, not_after, issued_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [c.serial, c.fleetId, c.federationId, c.subject, c.notBefore, c.notAfter, c.issuedAt],
    );
  }

  async listCertificates(fleetId: string): Promise<CertificateRecord[]> {
    const { rows } = await this.pool.query<CertificateRow>('SELECT * FROM certificates WHERE fleet_id = $1 ORDER BY issued_at, serial', [fleetId]);
    return rows.map(certificateFromRow);
  }

  async listAllCertificates(): Promise<CertificateRecord[]> {
    const { rows } = await this.pool.query<CertificateRow>('SELECT * FROM certificates ORDER BY issued_at, serial');
    return rows.map(certificateFromRow);
  }

  async clearAll(): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      for (const table of ['certificates', 'jobs', 'fleets']) await client.query(`DELETE FROM ${table}`);
    });
  }

  async listFederatedFleets(): Promise<FleetRecord[]> {
    const { rows } = await this.pool.query<FleetRow>('SELECT * FROM fleets WHERE federation_id IS NOT NULL ORDER BY created_at, id');
    return rows.map(fleetFromRow);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.pool.end();
  }
}

async function insertJob(client: PoolClient, job: JobRecord): Promise<void> {
  await client.query('INSERT INTO jobs (id, fleet_id, type, federation_id, started_at, ready_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    job.id,
    job.fleetId,
    job.type,
    job.federationId,
    job.startedAt,
    job.readyAt,
  ]);
}

/** The constraint a unique violation (SQLSTATE 23505) broke, if that is what `err` is. */
function uniqueViolation(err: unknown): string | undefined {
  const e = err as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && typeof e.constraint === 'string' ? e.constraint : undefined;
}
