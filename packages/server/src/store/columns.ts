import type { ExpressionBuilder } from 'kysely';
import type { Tables } from './schema.js';

/** A LIMIT above any table: SQLite takes OFFSET only after a LIMIT, so "no limit" needs one. */
export const everyRow = Number.MAX_SAFE_INTEGER;

/** A JSON column: text on SQLite, already parsed from JSONB on PostgreSQL. */
export function fromJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** A fleet's revision (its resourceVersion and generation) goes up by one with every write of the fleet: `.set(nextRevision)`. */
export const nextRevision = (eb: ExpressionBuilder<Tables, 'fleets'>) => ({ revision: eb('revision', '+', 1) });
