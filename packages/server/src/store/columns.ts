import type { ExpressionBuilder } from 'kysely';
import type { CaRecord } from './records.js';
import type { Tables } from './schema.js';

/** A LIMIT above any table: SQLite takes OFFSET only after a LIMIT, so "no limit" needs one. */
export const everyRow = Number.MAX_SAFE_INTEGER;

/** A JSON column: text on SQLite, already parsed from JSONB on PostgreSQL. */
export function fromJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** A fleet's revision (its resourceVersion and generation) goes up by one with every write of the fleet: `.set(nextRevision)`. */
export const nextRevision = (eb: ExpressionBuilder<Tables, 'fleets'>) => ({ revision: eb('revision', '+', 1) });

/** A CA's PEMs (a fleet's or a cluster's columns) as a CaRecord; undefined unless both are there. */
export function caRecordOf(row: { ca_cert_pem: string | null; ca_key_pem: string | null } | undefined): CaRecord | undefined {
  return row?.ca_cert_pem && row.ca_key_pem ? { certPem: row.ca_cert_pem, keyPem: row.ca_key_pem } : undefined;
}
