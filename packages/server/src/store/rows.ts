import type { CertificateRecord, FederationRecord, FleetRecord, JobRecord } from './records.js';

/**
 * Rows of both engines: times as numbers (pg reads BIGINT as numbers, see postgres/connection.ts);
 * cluster_ids is JSONB already parsed by pg and JSON text in SQLite.
 */
export interface FleetRow {
  id: string;
  domain_id: string;
  name: string;
  description: string | null;
  cluster_ids: string[] | string;
  created_at: number;
  updated_at: number;
  federation_id: string | null;
  federation_started_at: number | null;
  federation_ready_at: number | null;
  federation_port: number | null;
  ca_cert_pem: string | null;
  ca_key_pem: string | null;
  connection_id: string | null;
  connection_project_id: string | null;
  connection_vpc_id: string | null;
  connection_subnet_id: string | null;
  connection_created_at: number | null;
}

export interface JobRow {
  id: string;
  fleet_id: string;
  type: JobRecord['type'];
  federation_id: string;
  started_at: number;
  ready_at: number;
}

export interface CertificateRow {
  serial: string;
  fleet_id: string;
  federation_id: string;
  subject: string;
  not_before: number;
  not_after: number;
  issued_at: number;
}

export function fleetFromRow(row: FleetRow): FleetRecord {
  return {
    id: row.id,
    domainId: row.domain_id,
    name: row.name,
    description: row.description ?? undefined,
    clusterIds: typeof row.cluster_ids === 'string' ? (JSON.parse(row.cluster_ids) as string[]) : row.cluster_ids,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
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

function federationFromRow(row: FleetRow): FederationRecord | undefined {
  if (row.federation_id === null || row.ca_cert_pem === null || row.ca_key_pem === null) return undefined;
  return {
    id: row.federation_id,
    startedAt: row.federation_started_at ?? 0,
    readyAt: row.federation_ready_at ?? 0,
    port: row.federation_port ?? 0,
    ca: { certPem: row.ca_cert_pem, keyPem: row.ca_key_pem },
  };
}

export function jobFromRow(row: JobRow): JobRecord {
  return {
    id: row.id,
    fleetId: row.fleet_id,
    type: row.type,
    federationId: row.federation_id,
    startedAt: row.started_at,
    readyAt: row.ready_at,
  };
}

export function certificateFromRow(row: CertificateRow): CertificateRecord {
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
