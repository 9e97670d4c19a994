// What the orchestrator (scripts/bench.ts) and the load generator (load.ts) exchange.

export interface LoadJob {
  id: string;
  url: string;
  connections: number;
  durationSec: number;
  method: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadResult {
  id: string;
  /** Wall time of the run, from autocannon's own start and finish. */
  durationSec: number;
  responses: number;
  /** Responses per status code. */
  statuses: Record<string, number>;
  /** Connection errors (refused, reset) and timeouts, which have no status. */
  errors: number;
  timeouts: number;
  /** Response bytes (headers and body) received. */
  bytes: number;
  /** Latency histogram of every response: key = latency in units of 10 us, value = count. */
  latency10us: Record<string, number>;
}
