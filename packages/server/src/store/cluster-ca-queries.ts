import type { Kysely, Selectable } from 'kysely';
import { caRecordOf } from './columns.js';
import type { CaRecord, ClusterCertificateRecord, ClusterEndpointRecord } from './records.js';
import type { ClusterCertificatesTable, Tables } from './schema.js';

/** The queries of clusters' own CAs and the certificates they issued, for sql-store.ts: written once for both engines. */
export async function clusterEndpointById(db: Kysely<Tables>, clusterId: string): Promise<ClusterEndpointRecord | undefined> {
  const row = await db.selectFrom('clusters').select(['id', 'name', 'kubernetes_version', 'phase', 'ca_cert_pem']).where('id', '=', clusterId).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    kubernetesVersion: row.kubernetes_version,
    phase: row.phase === 'Unavailable' ? 'Unavailable' : 'Available',
    caCertPem: row.ca_cert_pem ?? undefined,
  };
}

export async function clusterCaById(db: Kysely<Tables>, clusterId: string): Promise<CaRecord | undefined> {
  const row = await db.selectFrom('clusters').select(['ca_cert_pem', 'ca_key_pem']).where('id', '=', clusterId).executeTakeFirst();
  return caRecordOf(row);
}

/** One conditional write: the first CA stored stays, whoever races here. */
export async function insertClusterCa(db: Kysely<Tables>, domainId: string, clusterId: string, ca: CaRecord): Promise<CaRecord | undefined> {
  await db
    .updateTable('clusters')
    .set({ ca_cert_pem: ca.certPem, ca_key_pem: ca.keyPem })
    .where('id', '=', clusterId)
    .where('domain_id', '=', domainId)
    .where('ca_cert_pem', 'is', null)
    .execute();
  const row = await db.selectFrom('clusters').select(['ca_cert_pem', 'ca_key_pem']).where('id', '=', clusterId).where('domain_id', '=', domainId).executeTakeFirst();
  return caRecordOf(row);
}

export async function insertClusterCertificate(db: Kysely<Tables>, c: ClusterCertificateRecord): Promise<void> {
  await db
    .insertInto('cluster_certificates')
    .values({ serial: c.serial, cluster_id: c.clusterId, subject: c.subject, not_before: c.notBefore, not_after: c.notAfter, issued_at: c.issuedAt })
    .execute();
}

export async function clusterCertificates(db: Kysely<Tables>, clusterId: string): Promise<ClusterCertificateRecord[]> {
  const rows = await db.selectFrom('cluster_certificates').selectAll().where('cluster_id', '=', clusterId).orderBy('issued_at').orderBy('serial').execute();
  return rows.map(clusterCertificateFromRow);
}

function clusterCertificateFromRow(row: Selectable<ClusterCertificatesTable>): ClusterCertificateRecord {
  return { serial: row.serial, clusterId: row.cluster_id, subject: row.subject, notBefore: row.not_before, notAfter: row.not_after, issuedAt: row.issued_at };
}
