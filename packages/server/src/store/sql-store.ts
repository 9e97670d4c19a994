import type { CompiledQuery, Kysely, Selectable, Updateable } from 'kysely';
import { clusterCaById, clusterCertificates, clusterEndpointById, insertClusterCa, insertClusterCertificate } from './cluster-ca-queries.js';
import { clusterById, listClusters, listFleetMembers, writeClusters } from './cluster-queries.js';
import { caRecordOf, everyRow, fromJson, nextRevision } from './columns.js';
import { deleteFleetWorkloads, deleteWorkload, listWorkloads, putWorkload, workloadByKey } from './workload-queries.js';
import { compiledOnce } from './compiled-once.js';
import { inTransaction, type Engine } from './engine.js';
import { GroupedCommit } from './grouped-commit.js';
import { ReadsAtVersion } from './reads-at-version.js';
import type {
  CaRecord,
  CertificateRecord,
  ClusterAccount,
  ClusterListQuery,
  ClusterCertificateRecord,
  ClusterEndpointRecord,
  ClusterRecord,
  ClusterWrite,
  ConnectionRecord,
  FederationRecord,
  FederationTrust,
  FederationSummary,
  FleetChange,
  FleetUpdate,
  PolicyInstanceRecord,
  FleetListQuery,
  FleetRecord,
  FleetSummary,
  JobRecord,
  NewFleet,
  WorkloadKey,
  WorkloadRecord,
  WorkloadWrite,
} from './records.js';
import type { CertificatesTable, FleetsTable, JobsTable, Tables } from './schema.js';
import type { CreateFleetOutcome, Store } from './store.js';

/**
 * The Store on either engine: every query written once, with Kysely. Each state transition is
 * one conditional write (it happens only while the fleet is in the expected state); what a
 * transition records beside it (a job) is written in the same transaction.
 */
export class SqlStore implements Store {
  readonly #db: Kysely<Tables>;
  #closed: Promise<void> | undefined;

  readonly #hot: ReturnType<typeof hotQueries>;
  readonly #certificates: GroupedCommit<CertificateRecord>;
  /** The reads of every kubeconfig request and of every federation endpoint request, kept while the database is unchanged. */
  readonly #summaries: ReadsAtVersion<FleetSummary>;
  readonly #trusts: ReadsAtVersion<FederationTrust>;

  constructor(private readonly engine: Engine) {
    this.#db = engine.db;
    const hot = (this.#hot = hotQueries(engine.db));
    const immediate = engine.immediate;
    const writeAll = async (records: CertificateRecord[]): Promise<void> => {
      const inserts = records.map((c) => hot.insertCertificate.compiled(...certificateArgs(c)));
      if (immediate?.writeAll(inserts)) return;
      await inTransaction(engine, async (trx) => {
        for (const insert of inserts) await trx.executeQuery(insert);
      });
    };
    this.#certificates = new GroupedCommit(writeAll, (c) => writeAll([c]));
    const versionNow = () => immediate?.version();
    this.#summaries = new ReadsAtVersion(versionNow);
    this.#trusts = new ReadsAtVersion(versionNow);
  }

  async createFleet(fleet: NewFleet, quota: number): Promise<CreateFleetOutcome> {
    return inTransaction(this.engine, async (trx): Promise<CreateFleetOutcome> => {
      // Creates of one account queue here; the count below then sees every earlier commit.
      await this.engine.lockAccount(trx, fleet.domainId);
      const found = await trx
        .selectNoFrom((eb) => [
          eb.selectFrom('fleets').where('domain_id', '=', fleet.domainId).select(eb.fn.countAll<number>().as('n')).as('n'),
          eb.exists(eb.selectFrom('fleets').where('domain_id', '=', fleet.domainId).where('name', '=', fleet.name).select('id')).as('name_taken'),
          eb.exists(eb.selectFrom('fleets').where('id', '=', fleet.id).select('id')).as('id_taken'),
        ])
        .executeTakeFirstOrThrow();
      if (Number(found.n) >= quota) return { ok: false, reason: 'quota-exceeded' };
      // EXISTS is a boolean on PostgreSQL, 0 or 1 on SQLite.
      if (Boolean(found.name_taken)) return { ok: false, reason: 'name-taken' };
      if (Boolean(found.id_taken)) return { ok: false, reason: 'id-taken' };
      await trx
        .insertInto('fleets')
        .values({
          id: fleet.id,
          domain_id: fleet.domainId,
          name: fleet.name,
          description: fleet.description ?? null,
          cluster_ids: JSON.stringify(fleet.clusterIds),
          created_at: fleet.createdAt,
          updated_at: fleet.createdAt,
        })
        .execute();
      return { ok: true };
    });
  }

  async getFleet(domainId: string, fleetId: string): Promise<FleetRecord | undefined> {
    const [row] = await this.#rows(this.#hot.fleetById.compiled(fleetId, domainId));
    return row && fleetFromRow(row);
  }

  getFleetSummary(domainId: string, fleetId: string): Promise<FleetSummary | undefined> {
    return this.#summaries.get(`${domainId}/${fleetId}`, async () => {
      const [row] = await this.#rows(this.#hot.fleetSummaryById.compiled(fleetId, domainId));
      return row && fleetSummaryFromRow(row);
    });
  }

  /** A hot query's rows: at once when the engine can (ImmediateStatements), else through Kysely. */
  async #rows<R>(query: CompiledQuery<R>): Promise<R[]> {
    return this.engine.immediate?.read(query) ?? (await this.#db.executeQuery(query)).rows;
  }

  async getCa(federationId: string): Promise<CaRecord | undefined> {
    const row = await this.#db.selectFrom('fleets').select(['ca_cert_pem', 'ca_key_pem']).where('federation_id', '=', federationId).executeTakeFirst();
    return caRecordOf(row);
  }

  async listFleets(domainId: string, query: FleetListQuery): Promise<{ items: FleetRecord[]; total: number }> {
    const column = query.orderBy === 'update_at' ? 'updated_at' : 'created_at';
    const [rows, count] = await Promise.all([
      this.#db
        .selectFrom('fleets')
        .selectAll()
        .where('domain_id', '=', domainId)
        .orderBy(column, query.order)
        .orderBy('name', query.order)
        .limit(query.limit ?? everyRow)
        .offset(query.offset)
        .execute(),
      this.#db.selectFrom('fleets').where('domain_id', '=', domainId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(fleetFromRow), total: Number(count.n) };
  }

  async updateFleet(
    domainId: string,
    fleetId: string,
    decide: (fleet: FleetRecord, account: readonly FleetRecord[]) => FleetUpdate,
    now: number,
  ): Promise<FleetRecord | undefined> {
    return inTransaction(this.engine, async (trx) => {
      // Updates of one account queue here, so that `decide` sees every earlier commit.
      await this.engine.lockAccount(trx, domainId);
      const account = (await trx.selectFrom('fleets').selectAll().where('domain_id', '=', domainId).orderBy('created_at').orderBy('id').execute()).map(fleetFromRow);
      const fleet = account.find((f) => f.id === fleetId);
      if (!fleet) return undefined;
      const { change, job, policyInstance } = decide(fleet, account);
      if (change.upgrade && !fleet.federation) throw new Error('an upgrade needs the federation on');
      await trx.updateTable('fleets').set(changeColumns(change, now)).set(nextRevision).where('id', '=', fleetId).where('domain_id', '=', domainId).execute();
      if (job) await insertJob(trx, job);
      if (change.policy === null) await trx.deleteFrom('policy_instances').where('fleet_id', '=', fleetId).execute();
      if (policyInstance) await insertPolicyInstance(trx, policyInstance);
      const row = await trx.selectFrom('fleets').selectAll().where('id', '=', fleetId).where('domain_id', '=', domainId).executeTakeFirst();
      return row && fleetFromRow(row);
    });
  }

  async listPolicyInstances(fleetId: string): Promise<PolicyInstanceRecord[]> {
    const rows = await this.#db.selectFrom('policy_instances').selectAll().where('fleet_id', '=', fleetId).orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      fleetId: r.fleet_id,
      templateId: r.template_id,
      enforcementAction: r.enforcement_action === 'warn' ? 'warn' : 'deny',
      namespaces: fromJson(r.namespaces),
      parameters: fromJson(r.parameters),
      createdAt: r.created_at,
    }));
  }

  async deleteFleet(domainId: string, fleetId: string): Promise<boolean> {
    return inTransaction(this.engine, async (trx) => {
      // Serialised with the account's cluster updates: a join cannot slip in after the check below.
      await this.engine.lockAccount(trx, domainId);
      const deleted = await trx
        .deleteFrom('fleets')
        .where('id', '=', fleetId)
        .where('domain_id', '=', domainId)
        .where('federation_id', 'is', null)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('clusters').select('clusters.id').whereRef('clusters.fleet_id', '=', 'fleets.id'))))
        .executeTakeFirst();
      if (deleted.numDeletedRows !== 1n) return false;
      await trx.deleteFrom('jobs').where('fleet_id', '=', fleetId).execute();
      await trx.deleteFrom('policy_instances').where('fleet_id', '=', fleetId).execute();
      await deleteFleetWorkloads(trx, fleetId);
      return true;
    });
  }

  async startFederation(domainId: string, fleetId: string, federation: FederationRecord, job: JobRecord, now: number): Promise<boolean> {
    return this.transition(domainId, fleetId, { federation: 'off', job }, {
      federation_id: federation.id,
      federation_started_at: federation.startedAt,
      federation_ready_at: federation.readyAt,
      ca_cert_pem: federation.ca.certPem,
      ca_key_pem: federation.ca.keyPem,
      federation_version: federation.version,
      updated_at: now,
    });
  }

  async stopFederation(domainId: string, fleetId: string, job: JobRecord, now: number): Promise<boolean> {
    return this.transition(domainId, fleetId, { federation: 'on', job }, {
      federation_id: null,
      federation_started_at: null,
      federation_ready_at: null,
      ca_cert_pem: null,
      ca_key_pem: null,
      connection_id: null,
      connection_project_id: null,
      connection_vpc_id: null,
      connection_subnet_id: null,
      connection_created_at: null,
      federation_version: null,
      federation_upgrade_from: null,
      federation_upgrade_started_at: null,
      federation_upgrade_ready_at: null,
      updated_at: now,
    });
  }

  async createConnection(domainId: string, fleetId: string, connection: ConnectionRecord, now: number): Promise<boolean> {
    const created = await this.#db
      .updateTable('fleets')
      .set({
        connection_id: connection.id,
        connection_project_id: connection.projectId,
        connection_vpc_id: connection.vpcId,
        connection_subnet_id: connection.subnetId,
        connection_created_at: connection.createdAt,
        updated_at: now,
      })
      .set(nextRevision)
      .where('id', '=', fleetId)
      .where('domain_id', '=', domainId)
      .where('federation_id', 'is not', null)
      .where('federation_ready_at', '<=', now)
      .where('connection_id', 'is', null)
      .executeTakeFirst();
    return created.numUpdatedRows === 1n;
  }

  async changeWorkload(
    domainId: string,
    fleetId: string,
    key: WorkloadKey,
    decide: (fleet: FleetSummary, existing: WorkloadRecord | undefined) => WorkloadWrite,
  ): Promise<WorkloadRecord | null | undefined> {
    return inTransaction(this.engine, async (trx) => {
      // Writing the fleet's row holds it (PostgreSQL's row lock, SQLite's write lock) until the commit: a
      // DisableFederation waits, then deletes this workload too, and one that came first is seen by `decide`.
      const held = await trx.updateTable('fleets').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', fleetId).where('domain_id', '=', domainId).executeTakeFirst();
      if (held.numUpdatedRows !== 1n) return undefined;
      const fleet = fleetSummaryFromRow(await trx.selectFrom('fleets').select(summaryColumns).where('id', '=', fleetId).executeTakeFirstOrThrow());
      const existing = await workloadByKey(trx, fleetId, key);
      const write = decide(fleet, existing);
      return 'delete' in write ? deleteWorkload(trx, fleetId, key) : putWorkload(trx, write.put, existing !== undefined);
    });
  }

  getWorkload(fleetId: string, key: WorkloadKey): Promise<WorkloadRecord | undefined> {
    return workloadByKey(this.#db, fleetId, key);
  }

  listWorkloads(fleetId: string): Promise<WorkloadRecord[]> {
    return listWorkloads(this.#db, fleetId);
  }

  getCluster(domainId: string, clusterId: string): Promise<ClusterRecord | undefined> {
    return clusterById(this.#db, domainId, clusterId);
  }

  listClusters(domainId: string, query: ClusterListQuery): Promise<{ items: ClusterRecord[]; total: number }> {
    return listClusters(this.#db, domainId, query);
  }

  listFleetMembers(fleetId: string): Promise<ClusterRecord[]> {
    return listFleetMembers(this.#db, fleetId);
  }

  async updateClusters(domainId: string, decide: (account: ClusterAccount) => ClusterWrite, now: number): Promise<ClusterRecord[]> {
    return inTransaction(this.engine, async (trx) => {
      // The account's fleet updates queue on the same lock: a fleet's cluster list has one writer at a time.
      await this.engine.lockAccount(trx, domainId);
      const fleets = (await trx.selectFrom('fleets').select(summaryColumns).where('domain_id', '=', domainId).orderBy('created_at').orderBy('id').execute()).map(fleetSummaryFromRow);
      return writeClusters(trx, domainId, fleets, decide, now);
    });
  }

  getClusterEndpoint(clusterId: string): Promise<ClusterEndpointRecord | undefined> {
    return clusterEndpointById(this.#db, clusterId);
  }

  getClusterCa(clusterId: string): Promise<CaRecord | undefined> {
    return clusterCaById(this.#db, clusterId);
  }

  insertClusterCa(domainId: string, clusterId: string, ca: CaRecord): Promise<CaRecord | undefined> {
    return insertClusterCa(this.#db, domainId, clusterId, ca);
  }

  recordClusterCertificate(certificate: ClusterCertificateRecord): Promise<void> {
    return insertClusterCertificate(this.#db, certificate);
  }

  listClusterCertificates(clusterId: string): Promise<ClusterCertificateRecord[]> {
    return clusterCertificates(this.#db, clusterId);
  }

  async latestJob(fleetId: string): Promise<JobRecord | undefined> {
    const row = await this.#db.selectFrom('jobs').selectAll().where('fleet_id', '=', fleetId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row && jobFromRow(row);
  }

  recordCertificate(c: CertificateRecord): Promise<void> {
    return this.#certificates.write(c);
  }

  async listCertificates(fleetId: string): Promise<CertificateRecord[]> {
    const rows = await this.#db.selectFrom('certificates').selectAll().where('fleet_id', '=', fleetId).orderBy('issued_at').orderBy('serial').execute();
    return rows.map(certificateFromRow);
  }

  async listAllCertificates(): Promise<CertificateRecord[]> {
    const rows = await this.#db.selectFrom('certificates').selectAll().orderBy('issued_at').orderBy('serial').execute();
    return rows.map(certificateFromRow);
  }

  async clearAll(): Promise<void> {
    await inTransaction(this.engine, async (trx) => {
      for (const table of ['certificates', 'cluster_certificates', 'jobs', 'policy_instances', 'workloads', 'clusters', 'fleets'] as const) await trx.deleteFrom(table).execute();
    });
  }

  async listFederatedFleets(): Promise<FleetRecord[]> {
    const rows = await this.#db.selectFrom('fleets').selectAll().where('federation_id', 'is not', null).orderBy('created_at').orderBy('id').execute();
    return rows.map(fleetFromRow);
  }

  getFederationTrust(fleetId: string): Promise<FederationTrust | undefined> {
    return this.#trusts.get(fleetId, async () => {
      const [row] = await this.#rows(this.#hot.federationTrustOf.compiled(fleetId));
      const federation = row && federationFromRow(row);
      return federation && row.ca_cert_pem !== null ? { ...federation, caCertPem: row.ca_cert_pem } : undefined;
    });
  }

  async getEndpointCa(): Promise<CaRecord | undefined> {
    const row = await this.#db.selectFrom('endpoint_ca').select(['cert_pem', 'key_pem']).where('id', '=', 1).executeTakeFirst();
    return row && { certPem: row.cert_pem, keyPem: row.key_pem };
  }

  async insertEndpointCa(ca: CaRecord, now: number): Promise<CaRecord> {
    await this.#db
      .insertInto('endpoint_ca')
      .values({ id: 1, cert_pem: ca.certPem, key_pem: ca.keyPem, created_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return (await this.getEndpointCa())!;
  }

  /** Updates the fleet only while its federation is `federation`, and records `job` with it. */
  private async transition(domainId: string, fleetId: string, from: { federation: 'on' | 'off'; job: JobRecord }, set: Updateable<FleetsTable>): Promise<boolean> {
    return inTransaction(this.engine, async (trx) => {
      const updated = await trx
        .updateTable('fleets')
        .set(set)
        .set(nextRevision)
        .where('id', '=', fleetId)
        .where('domain_id', '=', domainId)
        .where('federation_id', from.federation === 'off' ? 'is' : 'is not', null)
        .executeTakeFirst();
      if (updated.numUpdatedRows !== 1n) return false;
      await insertJob(trx, from.job);
      // Federated workloads live in the federation's control plane: they go when it goes.
      if (from.federation === 'on') await deleteFleetWorkloads(trx, fleetId);
      return true;
    });
  }

  /** A committed write of one row: it fails when the database cannot write, not only when it cannot answer. */
  async ping(): Promise<void> {
    await this.#db
      .insertInto('health_probe')
      .values({ id: 1, probed_at: Date.now() })
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ probed_at: eb.ref('excluded.probed_at') })))
      .execute();
  }

  close(): Promise<void> {
    this.#closed ??= this.#db.destroy();
    return this.#closed;
  }
}

/** A fleet's federation without its CA. */
const federationSummaryColumns = [
  'federation_id',
  'federation_started_at',
  'federation_ready_at',
  'federation_version',
  'federation_upgrade_from',
  'federation_upgrade_started_at',
  'federation_upgrade_ready_at',
] as const satisfies readonly (keyof FleetsTable)[];

/** What a CA load reads: the federation and its CA's PEMs. */
const federationColumns = [...federationSummaryColumns, 'ca_cert_pem', 'ca_key_pem'] as const satisfies readonly (keyof FleetsTable)[];

/** Every column of a fleet but its CA's PEMs, which only a CA cache miss needs. */
const summaryColumns = [
  'id',
  'domain_id',
  'name',
  'description',
  'cluster_ids',
  'created_at',
  'updated_at',
  ...federationSummaryColumns,
  'connection_id',
  'connection_project_id',
  'connection_vpc_id',
  'connection_subnet_id',
  'connection_created_at',
  'dns_suffix',
  'rule_namespaces',
  'policy_id',
  'policy_started_at',
  'policy_ready_at',
  'policy_instance_count',
  'revision',
] as const satisfies readonly (keyof FleetsTable)[];

type SummaryRow = Pick<Selectable<FleetsTable>, (typeof summaryColumns)[number]>;

const certificateArgs = (c: CertificateRecord) => [c.serial, c.fleetId, c.federationId, c.subject, c.notBefore, c.notAfter, c.issuedAt] as const;

/** The queries of every kubeconfig request and the one of every federation endpoint request, compiled once (see compiled-once.ts). */
function hotQueries(db: Kysely<Tables>) {
  return {
    federationTrustOf: compiledOnce(db, (fleetId: string) =>
      db
        .selectFrom('fleets')
        .select([...federationSummaryColumns, 'ca_cert_pem'])
        .where('id', '=', fleetId),
    ),
    fleetById: compiledOnce(db, (fleetId: string, domainId: string) =>
      db.selectFrom('fleets').selectAll().where('id', '=', fleetId).where('domain_id', '=', domainId),
    ),
    fleetSummaryById: compiledOnce(db, (fleetId: string, domainId: string) =>
      db.selectFrom('fleets').select(summaryColumns).where('id', '=', fleetId).where('domain_id', '=', domainId),
    ),
    insertCertificate: compiledOnce(
      db,
      (serial: string, fleetId: string, federationId: string, subject: string, notBefore: number, notAfter: number, issuedAt: number) =>
        db.insertInto('certificates').values({
          serial,
          fleet_id: fleetId,
          federation_id: federationId,
          subject,
          not_before: notBefore,
          not_after: notAfter,
          issued_at: issuedAt,
        }),
    ),
  };
}

async function insertJob(trx: Kysely<Tables>, job: JobRecord): Promise<void> {
  await trx
    .insertInto('jobs')
    .values({
      id: job.id,
      fleet_id: job.fleetId,
      type: job.type,
      federation_id: job.federationId,
      started_at: job.startedAt,
      ready_at: job.readyAt,
      extend_param: job.extendParam ?? null,
    })
    .execute();
}

function fleetFromRow(row: Selectable<FleetsTable>): FleetRecord {
  return { ...fleetSummaryFromRow(row), federation: federationWithCaFromRow(row) };
}

function fleetSummaryFromRow(row: SummaryRow): FleetSummary {
  return {
    id: row.id,
    domainId: row.domain_id,
    name: row.name,
    description: row.description ?? undefined,
    clusterIds: fromJson(row.cluster_ids),
    dnsSuffix: fromJson(row.dns_suffix),
    ruleNamespaces: fromJson(row.rule_namespaces),
    policy:
      row.policy_id === null
        ? undefined
        : { id: row.policy_id, startedAt: row.policy_started_at ?? 0, readyAt: row.policy_ready_at ?? 0, instances: Number(row.policy_instance_count) },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: Number(row.revision),
    federation: federationFromRow(row),
    connection:
      row.connection_id === null
        ? undefined
        : {
            id: row.connection_id,
            projectId: row.connection_project_id ?? '',
            vpcId: row.connection_vpc_id ?? '',
            subnetId: row.connection_subnet_id ?? '',
            createdAt: row.connection_created_at ?? 0,
          },
  };
}

function federationFromRow(row: Pick<SummaryRow, FederationSummaryColumn>): FederationSummary | undefined {
  if (row.federation_id === null) return undefined;
  return {
    id: row.federation_id,
    startedAt: row.federation_started_at ?? 0,
    readyAt: row.federation_ready_at ?? 0,
    version: row.federation_version ?? '',
    upgrade:
      row.federation_upgrade_from === null
        ? undefined
        : { from: row.federation_upgrade_from, startedAt: row.federation_upgrade_started_at ?? 0, readyAt: row.federation_upgrade_ready_at ?? 0 },
  };
}

type FederationSummaryColumn = (typeof federationSummaryColumns)[number];

type FederationColumn = (typeof federationColumns)[number];

function federationWithCaFromRow(row: Pick<Selectable<FleetsTable>, FederationColumn>): FederationRecord | undefined {
  const federation = federationFromRow(row);
  if (!federation || row.ca_cert_pem === null || row.ca_key_pem === null) return undefined;
  return { ...federation, ca: { certPem: row.ca_cert_pem, keyPem: row.ca_key_pem } };
}

function jobFromRow(row: Selectable<JobsTable>): JobRecord {
  return {
    id: row.id,
    fleetId: row.fleet_id,
    type: row.type,
    federationId: row.federation_id,
    startedAt: row.started_at,
    readyAt: row.ready_at,
    ...(row.extend_param !== null ? { extendParam: row.extend_param } : {}),
  };
}

function certificateFromRow(row: Selectable<CertificatesTable>): CertificateRecord {
  return {
    serial: row.serial,
    fleetId: row.fleet_id,
    federationId: row.federation_id,
    subject: row.subject,
    notBefore: row.not_before,
    notAfter: row.not_after,
    issuedAt: row.issued_at,
  };
}

async function insertPolicyInstance(trx: Kysely<Tables>, p: PolicyInstanceRecord): Promise<void> {
  await trx
    .insertInto('policy_instances')
    .values({
      id: p.id,
      fleet_id: p.fleetId,
      template_id: p.templateId,
      enforcement_action: p.enforcementAction,
      namespaces: JSON.stringify(p.namespaces),
      parameters: JSON.stringify(p.parameters),
      created_at: p.createdAt,
    })
    .execute();
}

function changeColumns(change: FleetChange, now: number): Updateable<FleetsTable> {
  return {
    ...(change.description !== undefined ? { description: change.description } : {}),
    ...(change.clusterIds ? { cluster_ids: JSON.stringify(change.clusterIds) } : {}),
    ...(change.dnsSuffix ? { dns_suffix: JSON.stringify(change.dnsSuffix) } : {}),
    ...(change.ruleNamespaces ? { rule_namespaces: JSON.stringify(change.ruleNamespaces) } : {}),
    ...(change.policy === null
      ? { policy_id: null, policy_started_at: null, policy_ready_at: null, policy_instance_count: 0 }
      : change.policy
        ? { policy_id: change.policy.id, policy_started_at: change.policy.startedAt, policy_ready_at: change.policy.readyAt, policy_instance_count: change.policy.instances }
        : {}),
    ...(change.upgrade
      ? {
          federation_version: change.upgrade.to,
          federation_upgrade_from: change.upgrade.record.from,
          federation_upgrade_started_at: change.upgrade.record.startedAt,
          federation_upgrade_ready_at: change.upgrade.record.readyAt,
        }
      : {}),
    updated_at: now,
  };
}
