/**
 * Whatever the database or its driver threw (SQLite's SqliteError, a PostgreSQL error, a dropped
 * connection, a pool timeout): the error handler answers it with 500 UCS.00000005. The original
 * error is the `cause`.
 */
export class StoreError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'StoreError';
  }
}
