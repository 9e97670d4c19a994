// The load generator of the benchmark, run as a child process so that it can be pinned to its
// own CPU. It reads one JSON job per line on stdin, runs it with autocannon and answers one
// JSON result per line on stdout; it exits when stdin closes.
//
// Latencies are taken from autocannon's per-response event (process.hrtime, sub-millisecond)
// rather than from its result histogram, which has a 1 ms resolution.
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import type { LoadJob, LoadResult } from './types.js';

interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
  then<T>(onFulfilled: (result: AutocannonResult) => T, onRejected?: (err: unknown) => T): Promise<T>;
}
interface AutocannonResult {
  errors: number;
  timeouts: number;
  start: Date | string;
  finish: Date | string;
}
type Autocannon = (opts: Record<string, unknown>) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

async function runJob(job: LoadJob): Promise<LoadResult> {
  const statuses: Record<string, number> = {};
  const latency10us: Record<string, number> = {};
  let responses = 0;
  let bytes = 0;
  const instance = autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.durationSec,
    method: job.method,
    headers: job.headers,
    body: job.body,
    timeout: 10,
  });
  instance.on('response', (_client, statusCode, resBytes, responseTime) => {
    responses++;
    bytes += resBytes;
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    const bucket = Math.round(responseTime * 100);
    latency10us[bucket] = (latency10us[bucket] ?? 0) + 1;
  });
  const result = await instance.then((r) => r);
  const durationSec = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000;
  return { id: job.id, durationSec, responses, statuses, errors: result.errors, timeouts: result.timeouts, bytes, latency10us };
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const job = JSON.parse(line) as LoadJob;
    try {
      process.stdout.write(`${JSON.stringify(await runJob(job))}\n`);
    } catch (err) {
      process.stdout.write(`${JSON.stringify({ id: job.id, error: (err as Error).message })}\n`);
    }
  }
}

await main();
