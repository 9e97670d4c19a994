import { sql, type ColumnDefinitionBuilder, type ColumnType, type Generated, type Kysely } from 'kysely';
import type { JobType, RuleNamespacesRecord } from './records.js';

/**
 * The tables, as the query layer (sql-store.ts) sees them, and the versioned migrations that
 * make them on either engine. A new column is a new migration below plus its field here.
 * Times are epoch milliseconds (BIGINT on PostgreSQL, read back as numbers; see postgres/connection.ts).
 */
export interface Tables {
  fleets: FleetsTable;
  jobs: JobsTable;
  certificates: CertificatesTable;
  policy_instances: PolicyInstancesTable;
  workloads: WorkloadsTable;
  clusters: ClustersTable;
  cluster_certificates: ClusterCertificatesTable;
  health_probe: HealthProbeTable;
  endpoint_ca: EndpointCaTable;
  schema_migrations: SchemaMigrationsTable;
}

export interface FleetsTable {
  id: string;
  domain_id: string;
  name: string;
  description: string | null;
  /** JSON text written; read back as text on SQLite, already parsed from JSONB on PostgreSQL. */
  cluster_ids: ColumnType<string[] | string, string, string>;
  created_at: number;
  updated_at: number;
  federation_id: string | null;
  federation_started_at: number | null;
  federation_ready_at: number | null;
  ca_cert_pem: string | null;
  ca_key_pem: string | null;
  connection_id: string | null;
  connection_project_id: string | null;
  connection_vpc_id: string | null;
  connection_subnet_id: string | null;
  connection_created_at: number | null;
  /** JSON arrays, as cluster_ids. */
  dns_suffix: ColumnType<string[] | string, string | undefined, string>;
  rule_namespaces: ColumnType<RuleNamespacesRecord[] | string, string | undefined, string>;
  federation_version: string | null;
  federation_upgrade_from: string | null;
  federation_upgrade_started_at: number | null;
  federation_upgrade_ready_at: number | null;
  policy_id: string | null;
  policy_started_at: number | null;
  policy_ready_at: number | null;
  policy_instance_count: ColumnType<number, number | undefined, number>;
  revision: ColumnType<number, number | undefined, number>;
}

/** Registered clusters; fleet_id names the fleet a member is in (its fleet's cluster_ids lists it too). */
export interface ClustersTable {
  id: string;
  domain_id: string;
  name: string;
  fleet_id: string | null;
  joined_at: number | null;
  category: string;
  cluster_type: string;
  provider: string;
  kubernetes_version: string;
  phase: string;
  api_endpoint: string | null;
  country: string;
  city: string | null;
  region: string | null;
  project_id: string | null;
  /** JSON objects, as cluster_ids. */
  labels: ColumnType<Record<string, string> | string, string, string>;
  annotations: ColumnType<Record<string, string> | string, string, string>;
  /** 0 or 1 on SQLite, as integers are; a boolean column would read back differently per engine. */
  agent_downloaded: number;
  created_at: number;
  updated_at: number;
  /** The cluster's own CA, made at its first kubeconfig (migration 9); written only by insertClusterCa. */
  ca_cert_pem: string | null;
  ca_key_pem: string | null;
}

export interface ClusterCertificatesTable {
  serial: string;
  cluster_id: string;
  subject: string;
  not_before: number;
  not_after: number;
  issued_at: number;
}

export interface PolicyInstancesTable {
  id: string;
  fleet_id: string;
  template_id: string;
  enforcement_action: string;
  namespaces: ColumnType<string[] | string, string, string>;
  parameters: ColumnType<Record<string, unknown> | string, string, string>;
  created_at: number;
}

export interface JobsTable {
  /** Insertion order: the latest job of a fleet is the one with the highest seq. */
  seq: Generated<number>;
  id: string;
  fleet_id: string;
  type: JobType;
  federation_id: string;
  started_at: number;
  ready_at: number;
  extend_param: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Federated workloads; a fleet's go with its federation. */
export interface WorkloadsTable {
  fleet_id: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  content: ColumnType<Record<string, unknown> | string, string, string>;
  generation: number;
  created_at: number;
  updated_at: number;
}

export interface CertificatesTable {
  serial: string;
  fleet_id: string;
  federation_id: string;
  subject: string;
  not_before: number;
  not_after: number;
  issued_at: number;
}

/** One row rewritten by every readiness probe: a write that must reach the disk to succeed. */
export interface HealthProbeTable {
  id: number;
  probed_at: number;
}

/** The one CA of the federation endpoint's serving certificate (one row, id 1), shared by every replica. */
export interface EndpointCaTable {
  id: number;
  cert_pem: string;
  key_pem: string;
  created_at: number;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: number;
}

/** What the two engines spell differently in a schema; everything else is written once. */
export interface ColumnTypes {
  /** Times (epoch milliseconds) and sequence numbers. */
  int64: 'integer' | 'bigint';
  json: 'text' | 'jsonb';
  /** Text that sorts byte-wise, so that listings page in the same order on both engines. */
  byteOrderedText: 'text' | ReturnType<typeof sql>;
  /** An ever-growing integer key: SQLite's AUTOINCREMENT rowid, PostgreSQL's identity. */
  sequenceKey(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
}

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>, types: ColumnTypes): Promise<void>;
}

/**
 * Applied in order, each once, in one transaction (store/migrate.ts). Never edit a released
 * migration: add the next version. Version 1 is the schema both engines had before this list was
 * written once; databases made then upgrade in place from version 2 on.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'fleets, federation jobs and issued certificates',
    async up(db, t) {
      await db.schema
        .createTable('fleets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('domain_id', 'text', (c) => c.notNull())
        .addColumn('name', t.byteOrderedText, (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('cluster_ids', t.json, (c) => c.notNull().defaultTo(sql`'[]'`))
        .addColumn('created_at', t.int64, (c) => c.notNull())
        .addColumn('updated_at', t.int64, (c) => c.notNull())
        .addColumn('federation_id', 'text')
        .addColumn('federation_started_at', t.int64)
        .addColumn('federation_ready_at', t.int64)
        .addColumn('federation_port', 'integer')
        .addColumn('ca_cert_pem', 'text')
        .addColumn('ca_key_pem', 'text')
        .addColumn('connection_id', 'text')
        .addColumn('connection_project_id', 'text')
        .addColumn('connection_vpc_id', 'text')
        .addColumn('connection_subnet_id', 'text')
        .addColumn('connection_created_at', t.int64)
        .addUniqueConstraint('fleets_name_per_account', ['domain_id', 'name'])
        .addCheckConstraint('fleets_ca_with_federation', sql`(federation_id IS NULL) = (ca_cert_pem IS NULL)`)
        .addCheckConstraint('fleets_connection_needs_federation', sql`connection_id IS NULL OR federation_id IS NOT NULL`)
        .execute();
      await db.schema.createIndex('fleets_by_domain').on('fleets').columns(['domain_id', 'created_at']).execute();
      await db.schema
        .createTable('jobs')
        .addColumn('seq', t.int64, (c) => t.sequenceKey(c))
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('fleet_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('federation_id', 'text', (c) => c.notNull())
        .addColumn('started_at', t.int64, (c) => c.notNull())
        .addColumn('ready_at', t.int64, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_by_fleet').on('jobs').columns(['fleet_id', 'seq']).execute();
      await db.schema
        .createTable('certificates')
        .addColumn('serial', 'text', (c) => c.primaryKey())
        .addColumn('fleet_id', 'text', (c) => c.notNull())
        .addColumn('federation_id', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('not_before', t.int64, (c) => c.notNull())
        .addColumn('not_after', t.int64, (c) => c.notNull())
        .addColumn('issued_at', t.int64, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('certificates_by_fleet').on('certificates').columns(['fleet_id', 'issued_at']).execute();
    },
  },
  {
    version: 2,
    name: 'a row the readiness probe rewrites',
    async up(db, t) {
      await db.schema
        .createTable('health_probe')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('probed_at', t.int64, (c) => c.notNull())
        .execute();
    },
  },
  {
    version: 3,
    // Kubeconfigs issued before this migration name the dropped per-fleet ports (see README).
    name: 'one federation endpoint: no per-fleet ports, one endpoint CA',
    async up(db, t) {
      await db.schema.alterTable('fleets').dropColumn('federation_port').execute();
      await db.schema
        .createTable('endpoint_ca')
        .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn('cert_pem', 'text', (c) => c.notNull())
        .addColumn('key_pem', 'text', (c) => c.notNull())
        .addColumn('created_at', t.int64, (c) => c.notNull())
        .execute();
    },
  },
  {
    version: 4,
    name: "a fleet's DNS suffixes, permission-policy bindings, federation version and upgrade",
    async up(db, t) {
      const columns: [string, (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder, ColumnTypes['json'] | ColumnTypes['int64'] | 'text'][] = [
        ['dns_suffix', (c) => c.notNull().defaultTo(sql`'[]'`), t.json],
        ['rule_namespaces', (c) => c.notNull().defaultTo(sql`'[]'`), t.json],
        ['federation_version', (c) => c, 'text'],
        ['federation_upgrade_from', (c) => c, 'text'],
        ['federation_upgrade_started_at', (c) => c, t.int64],
        ['federation_upgrade_ready_at', (c) => c, t.int64],
      ];
      for (const [name, build, type] of columns) await db.schema.alterTable('fleets').addColumn(name, type, build).execute();
      // Every federation enabled before versions were kept started at the one version there was.
      await sql`UPDATE fleets SET federation_version = 'v1.10.7' WHERE federation_id IS NOT NULL`.execute(db);
    },
  },
  {
    version: 5,
    name: "a fleet's policy center and its policy instances",
    async up(db, t) {
      await db.schema.alterTable('fleets').addColumn('policy_id', 'text').execute();
      await db.schema.alterTable('fleets').addColumn('policy_started_at', t.int64).execute();
      await db.schema.alterTable('fleets').addColumn('policy_ready_at', t.int64).execute();
      await db.schema.alterTable('fleets').addColumn('policy_instance_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema
        .createTable('policy_instances')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('fleet_id', 'text', (c) => c.notNull())
        .addColumn('template_id', 'text', (c) => c.notNull())
        .addColumn('enforcement_action', 'text', (c) => c.notNull())
        .addColumn('namespaces', t.json, (c) => c.notNull())
        .addColumn('parameters', t.json, (c) => c.notNull())
        .addColumn('created_at', t.int64, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('policy_instances_by_fleet').on('policy_instances').columns(['fleet_id', 'created_at']).execute();
    },
  },
  {
    version: 7,
    name: 'registered clusters and their fleet membership',
    async up(db, t) {
      // Ids already in a fleet's cluster_ids stay there: they name no registered cluster.
      await db.schema
        .createTable('clusters')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('domain_id', 'text', (c) => c.notNull())
        .addColumn('name', t.byteOrderedText, (c) => c.notNull())
        .addColumn('fleet_id', 'text')
        .addColumn('joined_at', t.int64)
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('cluster_type', 'text', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('kubernetes_version', 'text', (c) => c.notNull())
        .addColumn('phase', 'text', (c) => c.notNull())
        .addColumn('api_endpoint', 'text')
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('city', 'text')
        .addColumn('region', 'text')
        .addColumn('project_id', 'text')
        .addColumn('labels', t.json, (c) => c.notNull())
        .addColumn('annotations', t.json, (c) => c.notNull())
        .addColumn('agent_downloaded', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.int64, (c) => c.notNull())
        .addColumn('updated_at', t.int64, (c) => c.notNull())
        .addUniqueConstraint('clusters_name_per_account', ['domain_id', 'name'])
        .addCheckConstraint('clusters_joined_with_fleet', sql`(fleet_id IS NULL) = (joined_at IS NULL)`)
        .execute();
      await db.schema.createIndex('clusters_by_domain').on('clusters').columns(['domain_id', 'created_at']).execute();
      await db.schema.createIndex('clusters_by_fleet').on('clusters').columns(['fleet_id', 'joined_at']).execute();
    },
  },
  {
    version: 8,
    name: "a fleet's federated workloads and revision, a job's extra parameter",
    async up(db, t) {
      await db.schema
        .createTable('workloads')
        .addColumn('fleet_id', 'text', (c) => c.notNull())
        .addColumn('kind', t.byteOrderedText, (c) => c.notNull())
        .addColumn('namespace', t.byteOrderedText, (c) => c.notNull())
        .addColumn('name', t.byteOrderedText, (c) => c.notNull())
        .addColumn('uid', 'text', (c) => c.notNull().unique())
        .addColumn('content', t.json, (c) => c.notNull())
        .addColumn('generation', t.int64, (c) => c.notNull())
        .addColumn('created_at', t.int64, (c) => c.notNull())
        .addColumn('updated_at', t.int64, (c) => c.notNull())
        .addPrimaryKeyConstraint('workloads_key', ['fleet_id', 'kind', 'namespace', 'name'])
        .execute();
      await db.schema.alterTable('fleets').addColumn('revision', t.int64, (c) => c.notNull().defaultTo(1)).execute();
      await db.schema.alterTable('jobs').addColumn('extend_param', 'text').execute();
    },
  },
  {
    version: 9,
    name: "a registered cluster's own CA and the client certificates it issued",
    async up(db, t) {
      await db.schema.alterTable('clusters').addColumn('ca_cert_pem', 'text').execute();
      await db.schema.alterTable('clusters').addColumn('ca_key_pem', 'text').execute();
      await db.schema
        .createTable('cluster_certificates')
        .addColumn('serial', 'text', (c) => c.primaryKey())
        .addColumn('cluster_id', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('not_before', t.int64, (c) => c.notNull())
        .addColumn('not_after', t.int64, (c) => c.notNull())
        .addColumn('issued_at', t.int64, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cluster_certificates_by_cluster').on('cluster_certificates').columns(['cluster_id', 'issued_at']).execute();
    },
  },
  {
    version: 10,
    name: 'issued certificates without the by-fleet index',
    // No query of the server reads it (the control API lists every certificate), and every
    // commit of issued certificates wrote its pages: 6.8 WAL frames a commit of ten records
    // with it, 4.3 without, on the path of every kubeconfig.
    async up(db) {
      await db.schema.dropIndex('certificates_by_fleet').execute();
    },
  },
];
