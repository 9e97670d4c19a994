import pg from 'pg';
import type { PoolConfig } from 'pg';
import { DatabaseUnreachableError } from '../database-unreachable.js';

/** Pool and session limits, each overridable by a query parameter of the database URL. */
export const poolDefaults = {
  /** `pool_max`: connections this process opens at most; requests beyond wait for one. */
  max: 10,
  /** `connect_timeout` (seconds, as in libpq): opening a connection, or waiting for a free one. */
  connectTimeoutSeconds: 5,
  /** `statement_timeout` (ms): the server cancels any statement running longer. */
  statementTimeoutMs: 10_000,
  /** `idle_in_transaction_session_timeout` (ms): a stuck transaction cannot hold locks forever. */
  idleInTransactionTimeoutMs: 30_000,
  /** Idle connections are closed after this long. */
  idleTimeoutMs: 30_000,
} as const;

const int8Oid = 20;

/**
 * Times are epoch milliseconds in BIGINT columns, and counts are BIGINT: read both as numbers
 * (exact below 2^53, which epoch milliseconds stay under for 285,000 years). Per pool, so the
 * process-wide parsers of pg stay untouched.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === int8Oid && format !== 'binary' ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** The pool configuration of a `postgres://` URL, with the limits above filled in. */
export function poolConfigFromUrl(url: string): PoolConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('the database URL cannot be parsed (expected postgres://user:password@host:port/database)');
  }
  const take = (key: string): string | null => {
    const value = parsed.searchParams.get(key);
    parsed.searchParams.delete(key);
    return value;
  };
  const max = positiveInteger(take('pool_max'), 'pool_max', poolDefaults.max);
  const connectTimeoutSeconds = positiveInteger(take('connect_timeout'), 'connect_timeout', poolDefaults.connectTimeoutSeconds);
  const statementTimeoutMs = positiveInteger(take('statement_timeout'), 'statement_timeout', poolDefaults.statementTimeoutMs);
  const idleInTransactionTimeoutMs = positiveInteger(
    take('idle_in_transaction_session_timeout'),
    'idle_in_transaction_session_timeout',
    poolDefaults.idleInTransactionTimeoutMs,
  );
  return {
    // pg reads everything else of the URL itself (user, password, host, port, database, sslmode...).
    connectionString: parsed.toString(),
    application_name: 'ucs-server',
    max,
    connectionTimeoutMillis: connectTimeoutSeconds * 1000,
    idleTimeoutMillis: poolDefaults.idleTimeoutMs,
    statement_timeout: statementTimeoutMs,
    idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
    keepAlive: true,
    types,
  };
}

/** Where a pool connects, for messages: `host:port`, never the user or password. */
export function describeTarget(config: PoolConfig): string {
  const url = new URL(config.connectionString ?? 'postgres://');
  const host = url.searchParams.get('host') || decodeURIComponent(url.hostname) || process.env.PGHOST || 'localhost';
  const port = url.port || url.searchParams.get('port') || process.env.PGPORT || '5432';
  return `${host}:${port}`;
}

/** Turns the error of a first connection attempt into one a person can act on. */
export function unreachable(config: PoolConfig, err: unknown): DatabaseUnreachableError {
  return new DatabaseUnreachableError(describeTarget(config), connectFailureReason(err));
}

function connectFailureReason(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown; errors?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(err);
  // A PostgreSQL error (SQLSTATE, five characters): the server answered but refused us.
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return `it refused the connection: ${message}`;
  if (/timeout/i.test(message)) return 'no answer within the connection timeout';
  // Node reports a host with several addresses as an AggregateError with an empty message.
  if (message === '' && Array.isArray(e.errors) && e.errors.length > 0) return connectFailureReason(e.errors[0]);
  return message || (typeof e.code === 'string' ? e.code : 'connection failed');
}

function positiveInteger(value: string | null, name: string, fallback: number): number {
  if (value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`the database URL parameter ${name} must be a whole number above 0, not "${value}"`);
  return n;
}
