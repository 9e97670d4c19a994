import type { Job } from '@ucs-fleet/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatDuration } from './duration.js';
import { CliError, WaitTimeoutError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import type { ProgressReporter } from './progress.js';

export interface WaitOptions {
  /** One poll of the job's progress. */
  poll: () => Promise<Job>;
  intervalMs: number;
  timeoutMs: number;
  reporter: ProgressReporter;
  /** "federation of fleet demo", for messages. */
  what: string;
  /** The command to run to look again later. */
  statusCommand: string;
  signal?: AbortSignal;
}

/**
 * Polls until the job succeeds (returns it), fails (CliError, exit 3: UCS reported the failure)
 * or `timeoutMs` passes (WaitTimeoutError, exit 5). The job goes on at UCS either way.
 */
export async function waitForJob(o: WaitOptions): Promise<Job> {
  const started = Date.now();
  for (;;) {
    const job = await o.poll();
    const elapsed = Date.now() - started;
    o.reporter.update(job, elapsed);
    if (job.status.phase === 'Success') return job;
    if (job.status.phase === 'Failed') {
      const failed = (job.spec.subJobs ?? []).find((j) => j.status.phase === 'Failed');
      const reason = failed?.status.reason ?? job.status.reason;
      throw new CliError(`${o.what} failed${failed ? ` at ${failed.spec.type}` : ''}${reason ? `: ${reason}` : ''}`, ExitCode.api, [`job id: ${job.metadata.uid}`]);
    }
    const remaining = o.timeoutMs - elapsed;
    if (remaining <= 0) {
      throw new WaitTimeoutError(`timed out after ${formatDuration(o.timeoutMs)} waiting for ${o.what} (job ${job.metadata.uid} is ${job.status.phase})`, [
        `the job goes on at UCS; see where it is with: ${o.statusCommand}`,
      ]);
    }
    try {
      await sleep(Math.min(o.intervalMs, remaining), undefined, o.signal ? { signal: o.signal } : {});
    } catch {
      throw new CliError(`stopped waiting for ${o.what}; the job goes on at UCS (${o.statusCommand})`, ExitCode.interrupted);
    }
  }
}
