import { X509Certificate, createPrivateKey } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { FleetsTable } from '../../../src/store/schema.js';

/** A fleets row as the store's schema declares it. */
export type FleetRow = Selectable<FleetsTable>;

export interface JobRow {
  seq: number;
  id: string;
  fleet_id: string;
  type: string;
  federation_id: string;
}

export interface CertificateRow {
  serial: string;
  fleet_id: string;
  federation_id: string;
  not_before: number;
  not_after: number;
}

export interface DatabaseState {
  fleets: FleetRow[];
  jobs: JobRow[];
  certificates: CertificateRow[];
  /** Rows counted, for the figures. */
  rows: number;
}

const federationColumns = ['federation_id', 'federation_started_at', 'federation_ready_at', 'ca_cert_pem', 'ca_key_pem'] as const;
const connectionColumns = ['connection_id', 'connection_project_id', 'connection_vpc_id', 'connection_subnet_id', 'connection_created_at'] as const;

/**
 * Opens the server's SQLite file read-only (as it was left by kill -9, WAL included) and
 * checks that nothing is half-written: the engine's own integrity check, then the rows as the
 * domain defines them (a federation is all its columns or none, a connection needs a
 * federation, a federated fleet's latest job is the one that created that federation, every CA
 * parses and its key is its own).
 */
export function readDatabase(file: string, fleetQuota = 50): { state: DatabaseState; problems: string[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const fkProblems = db.pragma('foreign_key_check') as unknown[];
    if (fkProblems.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fkProblems)}`);
    const fleets = db.prepare('SELECT * FROM fleets').all() as FleetRow[];
    const jobs = db.prepare('SELECT seq, id, fleet_id, type, federation_id FROM jobs ORDER BY seq').all() as JobRow[];
    const certificates = db.prepare('SELECT serial, fleet_id, federation_id, not_before, not_after FROM certificates').all() as CertificateRow[];

    const perDomain = new Map<string, number>();
    for (const f of fleets) {
      perDomain.set(f.domain_id, (perDomain.get(f.domain_id) ?? 0) + 1);
      const fed = federationColumns.map((c) => f[c] === null);
      if (fed.some((isNull) => isNull !== fed[0])) problems.push(`fleet ${f.name}: a half-written federation (${federationColumns.filter((c) => f[c] === null).join(', ')} null)`);
      const con = connectionColumns.map((c) => f[c] === null);
      if (con.some((isNull) => isNull !== con[0])) problems.push(`fleet ${f.name}: a half-written connection`);
      if (f.connection_id !== null && f.federation_id === null) problems.push(`fleet ${f.name}: a connection without federation`);
      const latest = jobs.filter((j) => j.fleet_id === f.id).at(-1);
      if (f.federation_id !== null) {
        if (!latest || latest.type !== 'CreateFederation' || latest.federation_id !== f.federation_id) {
          problems.push(`fleet ${f.name}: federated, but its latest job is ${latest ? `${latest.type} of ${latest.federation_id}` : 'missing'}`);
        }
        try {
          const cert = new X509Certificate(f.ca_cert_pem!);
          if (!cert.checkPrivateKey(createPrivateKey(f.ca_key_pem!))) problems.push(`fleet ${f.name}: the CA key is not the CA certificate's`);
          if (!cert.ca) problems.push(`fleet ${f.name}: the CA certificate is not a CA`);
        } catch (err) {
          problems.push(`fleet ${f.name}: the CA does not parse (${(err as Error).message})`);
        }
      } else if (latest && latest.type !== 'DeleteFederation') {
        problems.push(`fleet ${f.name}: not federated, but its latest job is ${latest.type}`);
      }
    }
    for (const [domain, n] of perDomain) if (n > fleetQuota) problems.push(`account ${domain} holds ${n} fleets, over the quota of ${fleetQuota}`);
    const fleetIds = new Set(fleets.map((f) => f.id));
    for (const c of certificates) {
      if (!(c.not_after > c.not_before)) problems.push(`certificate ${c.serial}: not_after is not after not_before`);
      // Jobs go with a deleted fleet; certificate records stay. For a live fleet, the federation must be one it had.
      if (fleetIds.has(c.fleet_id) && !jobs.some((j) => j.fleet_id === c.fleet_id && j.type === 'CreateFederation' && j.federation_id === c.federation_id)) {
        problems.push(`certificate ${c.serial}: issued by federation ${c.federation_id}, which fleet ${c.fleet_id} never had`);
      }
    }
    for (const j of jobs) if (!fleetIds.has(j.fleet_id)) problems.push(`job ${j.id}: its fleet ${j.fleet_id} is gone but the job stayed`);
    return { state: { fleets, jobs, certificates, rows: fleets.length + jobs.length + certificates.length }, problems };
  } finally {
    db.close();
  }
}
