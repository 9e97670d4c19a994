/** How many reads one version keeps at most; past it they are dropped and read again. */
const maxReads = 10_000;

/**
 * Reads of the database, kept while its version stays the same (see ImmediateStatements.version):
 * a kubeconfig request then checks the version instead of reading and decoding its fleet's row.
 * On disk the check is one read of the WAL-index header (sqlite/commits-elsewhere.ts). Read on
 * every request, the fleet cost 8.8% of the server's CPU under load in memory, and 10% on disk;
 * a version check costs under 1% (perf, npm run bench's load at 10 connections).
 *
 * Why this is as current as a read: a request takes a kept read only when the version it checks
 * itself is the one the read was made at, so nothing was committed since, by any connection.
 * A read is kept from the moment it starts (requests of one turn share it); a read that fails
 * is dropped. A new version drops every read at once: versions only grow, so no older read is
 * ever taken again. Values are frozen, as every caller shares one.
 */
export class ReadsAtVersion<V extends object> {
  #version: number | undefined;
  readonly #reads = new Map<string, Promise<V | undefined>>();

  /** @param versionNow the database's version now; undefined when it cannot be known (then nothing is kept) */
  constructor(private readonly versionNow: () => number | undefined) {}

  /** The value under `key` at the database's version now: kept, or read by `read`. */
  get(key: string, read: () => Promise<V | undefined>): Promise<V | undefined> {
    const version = this.versionNow();
    if (version === undefined) return read();
    if (version !== this.#version) {
      this.#reads.clear();
      this.#version = version;
    }
    const kept = this.#reads.get(key);
    if (kept) return kept;
    if (this.#reads.size >= maxReads) this.#reads.clear();
    const reading = read().then(deepFrozen);
    this.#reads.set(key, reading);
    reading.catch(() => {
      if (this.#reads.get(key) === reading) this.#reads.delete(key);
    });
    return reading;
  }
}

function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFrozen(v);
  }
  return value;
}
