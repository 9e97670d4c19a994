/**
 * The server could not reach (or log in to) its PostgreSQL database at startup. bin/serve.ts
 * prints its message as it is: where the database was expected and why it did not answer.
 */
export class DatabaseUnreachableError extends Error {
  constructor(
    /** `host:port` (or the socket directory and port) the server tried; never the password. */
    readonly target: string,
    reason: string,
  ) {
    super(`the database at ${target} is unreachable: ${reason}`);
    this.name = 'DatabaseUnreachableError';
  }
}
