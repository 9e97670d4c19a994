/**
 * Live progress of a federation job and its sub-jobs. On a terminal one status block is redrawn
 * in place (ANSI cursor movement); elsewhere (CI logs, pipes) one plain line is printed per
 * phase change, so logs stay readable.
 */
import type { Job } from '@ucs-fleet/client';
import type { OutStream } from './io.js';

export interface ProgressReporter {
  /** Shows the job as last polled. */
  update(job: Job, elapsedMs: number): void;
}

export interface ReporterOptions {
  /** "Enabling federation of fleet demo" */
  title: string;
  /** Redraw in place (a terminal) or print one line per change. */
  tty: boolean;
  /** ANSI colours (a terminal, without NO_COLOR). */
  color?: boolean;
}

export function progressReporter(out: OutStream, options: ReporterOptions): ProgressReporter {
  return options.tty ? new RedrawingReporter(out, options) : new LineReporter(out, options);
}

/** The job's steps: its sub-jobs, or the job itself when it has none. */
export function steps(job: Job): { name: string; phase: string; job: Job }[] {
  const subJobs = job.spec.subJobs ?? [];
  const list = subJobs.length > 0 ? subJobs : [job];
  return list.map((j) => ({ name: j.spec.type, phase: j.status.phase, job: j }));
}

/** How long a step took or has been running, from its start and completion times. */
function stepTime(job: Job, nowMs: number): string {
  const start = job.status.startTime ? Date.parse(job.status.startTime) : NaN;
  if (Number.isNaN(start)) return '';
  const end = job.status.completionTime ? Date.parse(job.status.completionTime) : nowMs;
  return elapsedText(end - start);
}

/**
 * Every time a --wait shows (time since the start, a step's time) in one format, whole seconds
 * as UCS times are: "0s", "42s", "2m05s", "1h02m05s".
 */
export function elapsedText(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h}h${two(m)}m${two(s)}s`;
  return m > 0 ? `${m}m${two(s)}s` : `${s}s`;
}

const marks: Record<string, string> = { Success: '[done]', Running: '[ .. ]', Pending: '[    ]', Failed: '[FAIL]' };
const colors: Record<string, string> = { Success: '32', Running: '33', Failed: '31', Pending: '2' };

class RedrawingReporter implements ProgressReporter {
  private drawn = 0;

  constructor(
    private readonly out: OutStream,
    private readonly options: ReporterOptions,
  ) {}

  update(job: Job, elapsedMs: number): void {
    const list = steps(job);
    const width = Math.max(...list.map((s) => s.name.length));
    const now = Date.now();
    const title = this.fit(`${this.options.title}: ${job.status.phase} (${elapsedText(elapsedMs)})`);
    const lines = [
      title,
      ...list.map((s) => {
        const mark = marks[s.phase] ?? `[${s.phase}]`;
        const rest = this.fit(` ${s.name.padEnd(width)}  ${s.phase.padEnd(7)}  ${stepTime(s.job, now)}`.trimEnd(), 2 + mark.length);
        return `  ${this.paint(s.phase, mark)}${rest}`;
      }),
    ];
    this.draw(lines);
  }

  private draw(lines: string[]): void {
    // Back up to the first line of the previous block, then rewrite each line and clear what is below.
    // Lines are cut to the terminal's width: a wrapped line would break the count of lines to go up.
    const up = this.drawn > 0 ? `\x1b[${this.drawn}A\r` : '';
    this.out.write(`${up}${lines.map((l) => `\x1b[2K${l}\n`).join('')}\x1b[J`);
    this.drawn = lines.length;
  }

  /** The text cut to fit the terminal's width after `used` columns. */
  private fit(text: string, used = 0): string {
    const columns = this.out.columns;
    if (!columns || used + text.length < columns) return text;
    return `${text.slice(0, Math.max(0, columns - used - 2))}…`;
  }

  private paint(phase: string, text: string): string {
    const code = colors[phase];
    return this.options.color && code ? `\x1b[${code}m${text}\x1b[0m` : text;
  }
}

class LineReporter implements ProgressReporter {
  private readonly seen = new Map<string, string>();
  private jobPhase: string | undefined;

  constructor(
    private readonly out: OutStream,
    private readonly options: ReporterOptions,
  ) {}

  update(job: Job, elapsedMs: number): void {
    const at = `[${elapsedText(elapsedMs)}]`;
    if (this.jobPhase === undefined) {
      const names = steps(job).map((s) => s.name);
      this.out.write(`${at} ${this.options.title}: job ${job.metadata.uid}, ${names.length} step${names.length === 1 ? '' : 's'}: ${names.join(', ')}\n`);
    }
    for (const step of steps(job)) {
      const previous = this.seen.get(step.name);
      // The first sight of a step that has not started is no change worth a line.
      if (step.phase !== previous && !(previous === undefined && step.phase === 'Pending')) {
        const time = step.phase === 'Success' || step.phase === 'Failed' ? stepTime(step.job, Date.now()) : '';
        this.out.write(`${at} ${step.name}: ${step.phase}${time ? ` (${time})` : ''}\n`);
      }
      this.seen.set(step.name, step.phase);
    }
    this.jobPhase = job.status.phase;
  }
}
