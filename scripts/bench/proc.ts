// Linux /proc readers for the benchmark: memory, CPU time, process trees, the machine.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** A field of /proc/PID/status in kB (VmRSS, VmHWM, ...); undefined once the process is gone. */
export function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  const m = read(`/proc/${pid}/status`)?.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) : undefined;
}

/** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
export function cpuTicks(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(rest[11]) + Number(rest[12]);
}

export function commandName(pid: number): string | undefined {
  return read(`/proc/${pid}/comm`)?.trim();
}

/** All descendants of a process (children of every thread, recursively). */
export function descendants(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    for (const child of (read(`/proc/${pid}/task/${tid}/children`) ?? '').split(' ').filter(Boolean).map(Number)) {
      out.push(child, ...descendants(child));
    }
  }
  return out;
}

/**
 * The process that does the work for a spawned command: the node process with the largest
 * RSS among the spawned one and its descendants (a wrapper such as a shell, npx or a forking
 * CLI is then skipped).
 */
export function workerPid(rootPid: number): number {
  const candidates = [rootPid, ...descendants(rootPid)].filter((p) => commandName(p) === 'node');
  let best = rootPid;
  let bestRss = -1;
  for (const p of candidates) {
    const rss = statusKb(p, 'VmRSS') ?? -1;
    if (rss > bestRss) [best, bestRss] = [p, rss];
  }
  return best;
}

export function cpuModel(): string {
  const info = read('/proc/cpuinfo') ?? '';
  const model = info.match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  return `${model} (${cpus().length} logical CPUs)`;
}

export function hasTaskset(): boolean {
  return spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
}

export function cpuCount(): number {
  return cpus().length;
}

/**
 * Busy clock ticks of the whole machine so far: user, nice, system and steal of all CPUs.
 * Idle and iowait are left out, and so are irq and softirq, which no process is charged
 * with (the loopback traffic of the bench itself lands there).
 */
export function machineBusyTicks(): number {
  const line = read('/proc/stat')?.split('\n')[0] ?? '';
  const [, user, nice, system, , , , , steal] = line.trim().split(/\s+/).map(Number);
  return [user, nice, system, steal].reduce<number>((n, x) => n + (x ?? 0), 0);
}

export function loadAverage(): string {
  return (read('/proc/loadavg') ?? '').split(' ').slice(0, 3).join(' ');
}

/** Clock ticks per second of /proc/PID/stat and /proc/stat (USER_HZ, 100 on Linux). */
export const CLOCK_TICKS = 100;
