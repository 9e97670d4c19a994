// npm run bench [-- options]
//
// Compares, in one run and on the same machine, the reference server issuing kubeconfigs
// with a Prism mock of openapi.yaml, an Express 5 + express-openapi-validator ceiling and a
// bare Express 5 ceiling (both answering a static kubeconfig). Every server is pinned to CPU 0
// and the load generator (autocannon in a child process) to CPU 1; the targets are measured in
// alternation over several rounds, then the on-disk and :memory: servers side by side (both loaded
// at once, by two load generators) for their ratio. Writes docs/benchmarks.md unless --smoke.
//
//   --smoke                  1 round × 1 s per target, no warm-up, no 5,000-fleet target, writes to a temp dir (CI)
//   --key-type rsa-2048      adds a row for our server minting RSA-2048 keys
//   --rounds N               rounds (default 3)
//   --duration S             seconds per target per round (default 5)
//   --warmup S               seconds of unmeasured load per target before round 1 (default 2)
//   --connections N[,N...]   concurrent connections; every target is measured at each (default 10,50; smoke 10)
//   --start-samples N        cold starts measured per target, and of startStub() (default 3; smoke 1)
//   --targets KIND[,KIND...] measure only these targets (ours, ours-disk, ours-5000, ours-rsa, prism, validator,
//                            bare), e.g. --targets ours-disk,ours,prism for the issue's ratios; the report then goes to
//                            a temp file unless --out is given (docs/benchmarks.md keeps every row)
//   --out FILE               where to write the report (default docs/benchmarks.md)
//   --unpinned               run without taskset (numbers are then not comparable)
//   --wait-quiet S           first wait up to S s for other processes to go quiet (default 120; smoke 0)
//   --max-other-cpu PCT      repeat a run (3 attempts at most, the quietest kept) when other processes
//                            used more than PCT% of a CPU meanwhile (default 25; smoke never)
//   --profile DIR            afterwards, profile our server (ECDSA, on-disk store) under load (node --cpu-prof
//                            into DIR, stopped with SIGINT) and add the summary to the report
//   --profile-duration S     seconds of profiled load (default 10)
//   --summarize FILE         only print the summary of an existing .cpuprofile
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLOCK_TICKS, cpuCount, cpuModel, cpuTicks, hasTaskset, loadAverage, machineBusyTicks, statusKb } from './bench/proc.js';
import { build } from './build.js';
import { fleetScaleSection, markedSection } from './bench/fleet-scale-section.js';
import { formatProfileSummary, summarizeProfile } from './bench/profile-summary.js';
import { goalChecks, goalsTable, ratiosTable, resultsTable, startTable, summarize, type GoalCheck, type TargetMeasurements, type TargetSummary } from './bench/report.js';
import { sideBySideCheck, sideBySideTable, type SideBySideRun } from './bench/side-by-side.js';
import { stubFirst201 } from './bench/stub-start.js';
import {
  REQUEST_BODY,
  REQUEST_HEADERS,
  REQUEST_PATH,
  ServerProcess,
  freePort,
  freshDataDir,
  ourServerArgs,
  removeDataDirs,
  packageVersion,
  targetSpecs,
  TARGET_KINDS,
  type TargetKind,
  type TargetSpec,
} from './bench/targets.js';
import type { LoadJob, LoadResult } from './bench/types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_CPU = 0;
const LOAD_CPU = 1;

class BenchError extends Error {}

const argv = process.argv.slice(2);

function num(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new BenchError(`--${name} must be a number ≥ ${min}, not "${value}"`);
  return n;
}

function connectionCounts(value: string | undefined, fallback: number[]): number[] {
  if (value === undefined) return fallback;
  return value.split(',').map((c) => num('connections', c.trim(), 10, 1));
}

function readOptions() {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean', default: false },
      'key-type': { type: 'string', default: 'ecdsa-p256' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      'start-samples': { type: 'string' },
      out: { type: 'string' },
      targets: { type: 'string' },
      unpinned: { type: 'boolean', default: false },
      profile: { type: 'string' },
      'profile-duration': { type: 'string' },
      summarize: { type: 'string' },
      'wait-quiet': { type: 'string' },
      'max-other-cpu': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const smoke = values.smoke ?? false;
  const keyType = values['key-type'];
  if (keyType !== 'ecdsa-p256' && keyType !== 'rsa-2048') throw new BenchError('--key-type must be ecdsa-p256 or rsa-2048');
  const targets = values.targets?.split(',').map((t) => t.trim()) as TargetKind[] | undefined;
  const unknown = targets?.filter((t) => !TARGET_KINDS.includes(t));
  if (unknown?.length) throw new BenchError(`--targets: unknown target(s) ${unknown.join(', ')}; known: ${TARGET_KINDS.join(', ')}`);
  return {
    ...values,
    targets,
    smoke,
    keyType: keyType as 'ecdsa-p256' | 'rsa-2048',
    rounds: num('rounds', values.rounds, smoke ? 1 : 3, 1),
    durationSec: num('duration', values.duration, smoke ? 1 : 5, 1),
    warmupSec: num('warmup', values.warmup, smoke ? 0 : 2, 0),
    connections: connectionCounts(values.connections, smoke ? [10] : [10, 50]),
    startSamples: num('start-samples', values['start-samples'], smoke ? 1 : 3, 1),
    profileSec: num('profile-duration', values['profile-duration'], smoke ? 2 : 10, 1),
    waitQuietSec: num('wait-quiet', values['wait-quiet'], smoke ? 0 : 120, 0),
    maxOtherCpu: num('max-other-cpu', values['max-other-cpu'], smoke ? Infinity : 25, 0),
  };
}

let options: ReturnType<typeof readOptions>;
try {
  options = readOptions();
} catch (err) {
  process.stderr.write(`bench: ${(err as Error).message}\n`);
  process.exit(2);
}
const opts = options;
const settings = opts;
const smoke = opts.smoke;
const keyType = opts.keyType;
const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;

/** Every process this bench started, for cleanup on any exit. */
const started = new Set<ServerProcess>();
let loadChild: ChildProcessWithoutNullStreams | undefined;
process.once('exit', () => {
  for (const s of started) s.killNow();
  loadChild?.kill('SIGKILL');
  removeDataDirs();
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    process.stderr.write(`\nbench: ${sig}, stopping the servers\n`);
    process.exit(130);
  });
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** The pinning to use: CPU numbers, or undefined everywhere when unpinned. */
function pinning(): { server: number | undefined; load: number | undefined; note: string } {
  if (opts.unpinned) return { server: undefined, load: undefined, note: 'unpinned (--unpinned): servers and load generator share all CPUs' };
  if (!hasTaskset()) throw new BenchError('taskset not found: install util-linux (apt-get install util-linux) or pass --unpinned');
  if (cpuCount() < 2) throw new BenchError(`pinning needs 2 CPUs and this machine has ${cpuCount()}; pass --unpinned`);
  return { server: SERVER_CPU, load: LOAD_CPU, note: `servers pinned to CPU ${SERVER_CPU} and the load generator to CPU ${LOAD_CPU} (taskset)` };
}

/** The load generator child process: one JSON job per line in, one result per line out. */
class LoadGenerator {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #waiting: ((line: string) => void)[] = [];
  #stderr = '';

  constructor(cpu: number | undefined) {
    const nodeArgs = ['--import', 'tsx', 'scripts/bench/load.ts'];
    const [cmd, args] = cpu === undefined ? [process.execPath, nodeArgs] : ['taskset', ['-c', String(cpu), process.execPath, ...nodeArgs]];
    this.#child = spawn(cmd, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    loadChild = this.#child;
    this.#child.stderr.on('data', (c: Buffer) => (this.#stderr = (this.#stderr + c.toString()).slice(-4000)));
    createInterface({ input: this.#child.stdout }).on('line', (line) => this.#waiting.shift()?.(line));
    this.#child.once('exit', (code) => {
      for (const w of this.#waiting.splice(0)) w(JSON.stringify({ error: `load generator exited (${code}): ${this.#stderr}` }));
    });
  }

  get pid(): number {
    return this.#child.pid ?? 0;
  }

  run(job: LoadJob): Promise<LoadResult> {
    return new Promise((resolveRun, reject) => {
      this.#waiting.push((line) => {
        const result = JSON.parse(line) as LoadResult & { error?: string };
        if (result.error) reject(new BenchError(`load generator: ${result.error}`));
        else resolveRun(result);
      });
      this.#child.stdin.write(`${JSON.stringify(job)}\n`);
    });
  }

  close(): void {
    this.#child.stdin.end();
  }
}

/** Waits until the servers are idle (a key pool refilling, a GC), at most `maxMs`. */
async function settle(pids: number[], maxMs = 10_000): Promise<void> {
  const ticks = (): number => pids.reduce((n, p) => n + (cpuTicks(p) ?? 0), 0);
  const until = Date.now() + maxMs;
  let before = ticks();
  while (Date.now() < until) {
    await sleep(250);
    const now = ticks();
    if (now - before <= 1) return;
    before = now;
  }
  log('  (servers still busy after 10 s; measuring anyway)');
}

/** CPU used by processes other than `own` between two readings, in % of one CPU. */
function foreignMeter(own: number[]): () => number {
  const ownTicks = (): number => own.reduce((n, p) => n + (cpuTicks(p) ?? 0), 0);
  const ownBefore = ownTicks();
  const busyBefore = machineBusyTicks();
  const startedAt = Date.now();
  return () => {
    const elapsedTicks = ((Date.now() - startedAt) / 1000) * CLOCK_TICKS;
    const foreign = machineBusyTicks() - busyBefore - (ownTicks() - ownBefore);
    return elapsedTicks > 0 ? Math.max(0, (100 * foreign) / elapsedTicks) : 0;
  };
}

/** Waits (at most `maxSec`) for the other processes of the machine to use less than 15% of a CPU. */
async function waitForQuietMachine(maxSec: number): Promise<boolean> {
  if (maxSec <= 0) return true;
  const until = Date.now() + maxSec * 1000;
  let last = 0;
  while (Date.now() < until) {
    const meter = foreignMeter([process.pid]);
    await sleep(1000);
    last = meter();
    if (last < 15) return true;
    log(`  machine busy (other processes: ${last.toFixed(0)}% of a CPU); waiting for it to calm down`);
  }
  log(`  WARNING: the machine is still busy after ${maxSec} s (${last.toFixed(0)}% of a CPU); measuring anyway`);
  return false;
}

/**
 * Runs `fn` with every target but `measured` stopped (SIGSTOP, then SIGCONT), so that background
 * work left over in another server (an RSA key pool refilling) cannot take CPU 0 from the ones
 * being measured.
 */
async function alone<T>(measured: LiveTarget | LiveTarget[], all: LiveTarget[], fn: () => Promise<T>): Promise<T> {
  const kept = Array.isArray(measured) ? measured : [measured];
  const others = all.filter((o) => !kept.includes(o) && !o.server.exited).map((o) => o.pid);
  for (const pid of others) process.kill(pid, 'SIGSTOP');
  try {
    return await fn();
  } finally {
    for (const pid of others) process.kill(pid, 'SIGCONT');
  }
}

/**
 * One measured run. When other processes took more than --max-other-cpu of a CPU meanwhile,
 * the run is repeated (3 attempts at most) and the quietest attempt kept.
 */
async function measure(t: LiveTarget, id: string, connections: number, all: LiveTarget[], load: LoadGenerator): Promise<{ r: LoadResult; foreignPct: number; attempts: number }> {
  const pids = all.map((o) => o.pid);
  let best: { r: LoadResult; foreignPct: number } | undefined;
  let attempts = 0;
  while (attempts < 3) {
    attempts++;
    await settle(pids);
    const meter = foreignMeter([...pids, load.pid, process.pid]);
    const r = await alone(t, all, () => load.run(job(id, t.url, settings.durationSec, connections)));
    const foreignPct = meter();
    checkStrict(t, r, id);
    if (!best || foreignPct < best.foreignPct) best = { r, foreignPct };
    if (foreignPct <= settings.maxOtherCpu) break;
    if (attempts < 3) log(`  ${id}: other processes took ${foreignPct.toFixed(0)}% of a CPU; measuring again`);
  }
  return { ...best!, attempts };
}

interface LiveTarget {
  spec: TargetSpec;
  server: ServerProcess;
  url: string;
  pid: number;
  /** Start-up and memory; its runs stay empty: they are kept per connection count in runsAt. */
  m: TargetMeasurements;
  runsAt: Map<number, { runs: LoadResult[]; foreignCpuPct: number[] }>;
}

/** The target's measurements at one connection count. */
const measurementsAt = (t: LiveTarget, connections: number): TargetMeasurements => ({ ...t.m, ...(t.runsAt.get(connections) ?? { runs: [], foreignCpuPct: [] }) });

/** Starts a target `samples` times (each measured spawn → first 201); keeps the last one running. */
async function startTarget(spec: TargetSpec, samples: number, cpu: number | undefined): Promise<LiveTarget> {
  const startMs: number[] = [];
  if (spec.primed) {
    const priming = await startTarget({ ...spec, primed: false }, 1, cpu);
    log(`  ${spec.label}: store filled by a first start (${priming.m.startMs[0]?.toFixed(0)} ms, not counted)`);
    await priming.server.stop();
    started.delete(priming.server);
  }
  for (let i = 0; ; i++) {
    const port = await freePort();
    const server = new ServerProcess(spec.label, spec.nodeArgs(port), cpu, root);
    started.add(server);
    const url = `http://127.0.0.1:${port}${REQUEST_PATH}`;
    try {
      startMs.push(await server.firstCreated(url));
    } catch (err) {
      await server.stop('SIGKILL');
      throw new BenchError((err as Error).message);
    }
    if (i + 1 >= samples) {
      const pid = server.findWorkerPid();
      log(`  ${spec.label}: pid ${pid}, start→201 ${startMs.map((x) => x.toFixed(0)).join(', ')} ms`);
      const m = { kind: spec.kind, label: spec.label, runs: [], startMs, startRssKb: statusKb(pid, 'VmRSS'), hwmKb: undefined, maxRssKb: undefined, foreignCpuPct: [] };
      return { spec, server, url, pid, m, runsAt: new Map(settings.connections.map((c) => [c, { runs: [], foreignCpuPct: [] }])) };
    }
    await server.stop();
    started.delete(server);
  }
}

function job(id: string, url: string, durationSec: number, connections = settings.connections[0] ?? 10): LoadJob {
  return { id, url, connections, durationSec, method: 'POST', headers: REQUEST_HEADERS, body: REQUEST_BODY };
}

/**
 * Our server must answer 201 to every request it answers, without connection errors: anything
 * else stops the bench. Timeouts and runs without any response stop it too, except for a
 * target that is slow by design (RSA-2048), where they are only reported.
 */
function checkStrict(t: LiveTarget, r: LoadResult, what: string): void {
  const other = Object.entries(r.statuses).filter(([s]) => s !== '201');
  const slowOk = t.spec.slow === true;
  if (r.responses === 0 && !slowOk) throw new BenchError(`${t.spec.label} answered nothing in ${what} (errors ${r.errors}, timeouts ${r.timeouts})`);
  if (t.spec.strict && (other.length > 0 || r.errors > 0 || (r.timeouts > 0 && !slowOk))) {
    throw new BenchError(
      `${t.spec.label} did not answer 201 to every request in ${what}: statuses ${JSON.stringify(r.statuses)}, errors ${r.errors}, timeouts ${r.timeouts}`,
    );
  }
  if (other.length > 0 || r.errors > 0 || r.timeouts > 0 || r.responses === 0) {
    log(`  WARNING: ${t.spec.label} in ${what}: ${r.responses} responses, statuses ${JSON.stringify(r.statuses)}, errors ${r.errors}, timeouts ${r.timeouts}`);
  }
}

const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

interface ProfileOutcome {
  file: string;
  text: string;
}

/**
 * Starts our server under `node --cpu-prof`, loads it (warm-up, then the profiled window),
 * stops it with SIGINT (the server must exit by itself for the profile to be written) and
 * summarises the main thread's profile twice: start-up (spawn → first 201) and steady load.
 */
async function profileOurs(dir: string, cpu: { server: number | undefined; load: number | undefined }): Promise<ProfileOutcome> {
  mkdirSync(dir, { recursive: true });
  const before = new Set(readdirSync(dir));
  const port = await freePort();
  const spec: TargetSpec = {
    kind: 'ours',
    label: 'ours (ECDSA P-256, on disk, profiled)',
    nodeArgs: (p) => ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '250', ...ourServerArgs(p, 'ecdsa-p256', freshDataDir())],
    strict: true,
  };
  const server = new ServerProcess(spec.label, spec.nodeArgs(port), cpu.server, root);
  started.add(server);
  const url = `http://127.0.0.1:${port}${REQUEST_PATH}`;
  await server.firstCreated(url).catch((err: Error) => {
    throw new BenchError(err.message);
  });
  const firstCreatedUs = nowUs();
  const pid = server.findWorkerPid();
  const load = new LoadGenerator(cpu.load);
  const target: LiveTarget = {
    spec,
    server,
    url,
    pid,
    m: { kind: 'ours', label: spec.label, runs: [], startMs: [], startRssKb: undefined, hwmKb: undefined, maxRssKb: undefined, foreignCpuPct: [] },
    runsAt: new Map(),
  };
  let window: { fromUs: number; toUs: number };
  let rps: number;
  try {
    log(`profiling ${spec.label} (pid ${pid}) into ${dir}: ${settings.warmupSec} s warm-up, ${settings.profileSec} s profiled`);
    if (settings.warmupSec > 0) checkStrict(target, await load.run(job('profile warm-up', url, settings.warmupSec)), 'the profile warm-up');
    await settle([pid]);
    const fromUs = nowUs();
    const r = await load.run(job('profile', url, settings.profileSec));
    window = { fromUs, toUs: nowUs() };
    checkStrict(target, r, 'the profiled run');
    rps = r.responses / r.durationSec;
    log(`  ${rps.toFixed(0)} req/s under the profiler`);
  } finally {
    load.close();
  }
  const code = await server.stop('SIGINT', 15_000);
  started.delete(server);
  if (code !== 0) throw new BenchError(`our server did not exit cleanly on SIGINT (exit ${code}); no profile written:\n${server.output}`);
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread (any worker
  // thread writes one of its own, which is of no interest here).
  const written = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile') && !before.has(f))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const file = written.find((f) => f.includes(`.${pid}.0.`)) ?? written[0];
  if (!file) throw new BenchError(`our server exited on SIGINT but wrote no .cpuprofile into ${dir}`);
  log(`  profile: ${file}${written.length > 1 ? ` (main thread; ${written.length - 1} other thread profile(s) beside it)` : ''}`);
  const steady = summarizeProfile(file, 15, window);
  const startup = summarizeProfile(file, 10, { fromUs: 0, toUs: firstCreatedUs });
  const text = [
    `Steady load: ${settings.profileSec} s at ${settings.connections[0]} connections after the warm-up, ${rps.toFixed(0)} req/s under the profiler` +
      (steady.windowApplied ? '' : ' (the window did not match the profile clock: whole profile shown)'),
    formatProfileSummary(steady),
    '',
    `Start-up: spawn → first 201${startup.windowApplied ? '' : ' (window not applied)'}`,
    formatProfileSummary(startup),
  ].join('\n');
  return { file, text };
}

/** Every target at every connection count: the alternation's, then the side-by-side runs'. */
function allChecks(summariesAt: Map<number, TargetSummary[]>, sideBySideAt: Map<number, SideBySideRun[]>): GoalCheck[] {
  return [...summariesAt].flatMap(([connections, at]) => [...goalChecks(at, connections), ...sideBySideCheck(sideBySideAt.get(connections) ?? [], connections)]);
}

function markdown(o: {
  summariesAt: Map<number, TargetSummary[]>;
  sideBySideAt: Map<number, SideBySideRun[]>;
  stubStartMs: number[];
  pinNote: string;
  loadAverages: string;
  profile?: { file: string; text: string };
}): string {
  const summaries = [...o.summariesAt.values()][0] ?? [];
  const checks = allChecks(o.summariesAt, o.sideBySideAt);
  const sideBySide = [...o.sideBySideAt].filter(([, runs]) => runs.length > 0).flatMap(([connections, runs]) => [`### ${connections} connections`, '', sideBySideTable(runs), '']);
  const perConnections = [...o.summariesAt].flatMap(([connections, at]) => [`### ${connections} connections`, '', resultsTable(at), '']);
  const ratiosAt = [...o.summariesAt].flatMap(([connections, at]) => [`### ${connections} connections`, '', ratiosTable(at), '']);
  const lines = [
    '# Benchmarks',
    '',
    'Generated by `scripts/bench.ts`; rerun it rather than editing this file.',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Command: \`${command}\``,
    `- Machine: ${cpuModel()}, Linux ${release()}`,
    `- Node ${process.version}; autocannon ${packageVersion('autocannon')}, @stoplight/prism-cli ${packageVersion('@stoplight/prism-cli')}, express ${packageVersion('express')}, express-openapi-validator ${packageVersion('express-openapi-validator')}`,
    `- Load: \`POST ${REQUEST_PATH}\` with \`X-Auth-Token: dev-token\`, \`Content-Type: application/json\`, body \`${REQUEST_BODY}\`; ${settings.connections.join(' and ')} connections (each target measured at each), keep-alive, no pipelining`,
    `- Schedule: ${settings.warmupSec} s unmeasured warm-up per target, then ${settings.rounds} round(s) × ${settings.durationSec} s per target in alternation (the order rotates each round), waiting for every server to be idle before each run and stopping (SIGSTOP) the other servers during it${Number.isFinite(settings.maxOtherCpu) ? `; a run during which other processes used more than ${settings.maxOtherCpu}% of a CPU is repeated (3 attempts at most, the quietest kept)` : ''}`,
    `- CPUs: ${o.pinNote}`,
    `- Load average (1, 5, 15 min): ${o.loadAverages}; the "other CPU %" column is the most CPU that processes other than the bench's own used during any measured run of that target (100 = one CPU): a noisy machine makes every number worse`,
    '',
    '## Results',
    '',
    ...perConnections,
    'req/s: responses ÷ measured seconds over all rounds. p50/p99/max: latency of every response',
    '(from autocannon\'s per-response timer, 10 µs buckets). RSS at start: VmRSS right after the first 201. Peak RSS: VmHWM of the server\'s node process at',
    'the end of the run (largest VmRSS sampled every 100 ms in brackets). non-201: responses with any other',
    'status (must be 0 for ours, or the bench fails). errors: connection errors and timeouts. start→201: spawn',
    'of the process to the first 201 of the same POST, polled every 20 ms on fresh connections (median, samples',
    'in brackets; every target runs as JavaScript: ours from dist/, the ceilings transpiled first). bytes/resp: headers + body.',
    '',
    'Reading the numbers: the load is a closed loop of 10 connections, so the mean latency is about 10 ÷ req/s',
    '(1000 req/s means ~10 ms): p99 ≤ 10 ms at 10 connections needs well over 1000 req/s. The servers share CPU 0',
    'with whatever else runs on the machine; on a shared machine the absolute figures move by tens of percent',
    'from one run to the next, the ratios between targets measured in alternation much less. Compare runs by',
    'their ratios and trust a run whose "other CPU %" column stays near 0.',
    '',
    '## Ratios',
    '',
    ...ratiosAt,
    ...(sideBySide.length > 0
      ? [
          '## On disk and :memory: side by side',
          '',
          'After the rounds above at each connection count, the two servers were loaded at once, both on the server CPU, each',
          `by its own load generator on the load CPU (${settings.rounds} round(s) × ${settings.durationSec} s; the other servers stopped). Whatever else the machine`,
          'does during a run then slows both alike, which runs in alternation cannot promise: this is the measure of their ratio.',
          'CPU µs/response: the server process\'s user + system time over the run (/proc/PID/stat) ÷ its responses.',
          '',
          ...sideBySide,
        ]
      : []),
    '## Start-up to the first 201',
    '',
    startTable(summaries, o.stubStartMs),
    '',
    'Each from the spawn of a fresh process to the first 201 of the kubeconfig POST (median, samples in brackets). The',
    'on-disk row starts the built bin on a new, empty data directory each time, as a first `npm start` does (it creates',
    'the SQLite file and applies the migrations); `startStub()` is a script importing the built `@ucs-fleet/server` and',
    'calling it as a test suite does (in-process: server, seed, control API), then POSTing once.',
    '',
    '## Targets',
    '',
    goalsTable(checks),
    '',
    '## What the rows are',
    '',
    '- **ours**: the built server as installed (`packages/server/dist/bin/serve.js` with the node flags of its shebang),',
    '  with `--data-dir :memory: --log-level silent`: token auth, request and response validation, SQLite lookup of the',
    '  fleet, a fresh key pair (P-256 generated on the spot; RSA from the key pool) and X.509 client certificate per',
    '  request, recorded in the store.',
    '- **ours on disk**: the same with `--data-dir` on a new directory: the on-disk SQLite store (WAL) that `npm start` and',
    '  the published server use by default.',
    '- **ours on disk, 5000 fleets**: the same on a data directory already holding the default seed and 4,999 more',
    '  federated, connected fleets of another account (`--seed`, filled by one unmeasured start): how the cost of a',
    '  kubeconfig grows with the fleets stored. Not in `--smoke`.',
    '- **Prism mock**: `prism mock --errors=false -v error openapi.yaml`, answering the static example of the 201 response',
    '  (a much smaller body: empty certificate fields).',
    '- **Express 5 + validator ceiling** (`scripts/bench/ceiling-server.ts --mode validator`): `express.json()`,',
    '  express-openapi-validator on the same spec with the reference server\'s options (requests and responses validated),',
    '  and a handler answering a static kubeconfig of the size ours sends. The most a validated Express pipeline can do.',
    '- **bare Express 5 ceiling** (`--mode bare`): the same without the validator.',
  ];
  if (o.profile) {
    lines.push('', '## CPU profile of ours under load', '', `\`${relative(root, o.profile.file).startsWith('..') ? o.profile.file : relative(root, o.profile.file)}\` (main thread; node --cpu-prof, the server stopped with SIGINT). Self time: time spent in a function itself; builtins and native calls (crypto signing, JSON, SQLite steps) are charged to the module that called them.`, '', '```', o.profile.text, '```');
  }
  return `${lines.join('\n')}\n`;
}

/** The rounds at one connection count: the targets in alternation, the order rotating each round. */
async function measureRounds(targets: LiveTarget[], connections: number, load: LoadGenerator): Promise<void> {
  log(`${connections} connections:`);
  for (let round = 0; round < settings.rounds; round++) {
    const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
    for (const t of order) {
      const { r, foreignPct, attempts } = await measure(t, `round ${round + 1} ${t.spec.kind}`, connections, targets, load);
      const at = t.runsAt.get(connections)!;
      at.runs.push(r);
      at.foreignCpuPct.push(foreignPct);
      log(
        `  round ${round + 1}/${settings.rounds} ${t.spec.label.padEnd(32)} ${(r.responses / r.durationSec).toFixed(0).padStart(6)} req/s` +
          `  (other processes: ${foreignPct.toFixed(0)}% of a CPU${attempts > 1 ? `, best of ${attempts} attempts` : ''})`,
      );
    }
  }
}

/**
 * The on-disk and :memory: servers loaded at once, both on the server CPU, each by its own load
 * generator: whatever else the machine does during a run slows both alike. Runs in alternation
 * cannot promise that (here a single server's req/s moves by tens of percent from one run to the
 * next), so this is the measure of their ratio. The other servers are stopped meanwhile.
 */
async function measureSideBySide(targets: LiveTarget[], connections: number, loads: readonly [LoadGenerator, LoadGenerator]): Promise<SideBySideRun[]> {
  const disk = targets.find((t) => t.spec.kind === 'ours-disk');
  const memory = targets.find((t) => t.spec.kind === 'ours');
  if (!disk || !memory) return [];
  log(`${connections} connections, on disk and :memory: side by side:`);
  const cpuMs = (pid: number): number => ((cpuTicks(pid) ?? 0) * 1000) / CLOCK_TICKS;
  return alone([disk, memory], targets, async () => {
    const runs: SideBySideRun[] = [];
    for (let round = 0; round < settings.rounds; round++) {
      await settle([disk.pid, memory.pid]);
      const before = [cpuMs(disk.pid), cpuMs(memory.pid)] as const;
      const [d, m] = await Promise.all([
        loads[0].run(job(`side by side ${round + 1} ours-disk`, disk.url, settings.durationSec, connections)),
        loads[1].run(job(`side by side ${round + 1} ours`, memory.url, settings.durationSec, connections)),
      ]);
      checkStrict(disk, d, 'the side-by-side run');
      checkStrict(memory, m, 'the side-by-side run');
      const run: SideBySideRun = {
        disk: { responses: d.responses, seconds: d.durationSec, cpuMs: cpuMs(disk.pid) - before[0] },
        memory: { responses: m.responses, seconds: m.durationSec, cpuMs: cpuMs(memory.pid) - before[1] },
      };
      runs.push(run);
      log(`  round ${round + 1}/${settings.rounds} on disk ${(d.responses / d.durationSec).toFixed(0)} req/s, :memory: ${(m.responses / m.durationSec).toFixed(0)} req/s`);
    }
    return runs;
  });
}

async function main(): Promise<void> {
  if (opts.help) {
    const src = (await import('node:fs')).readFileSync(fileURLToPath(import.meta.url), 'utf8');
    process.stdout.write(`${src.split('\nimport ')[0]?.replace(/^\/\/ ?/gm, '')}\n`);
    return;
  }
  if (opts.summarize) {
    process.stdout.write(`${formatProfileSummary(summarizeProfile(opts.summarize))}\n`);
    return;
  }
  const cpu = pinning();
  log('bench: building the packages (npm run build): ours runs from packages/server/dist, as installed');
  build({ quiet: true });
  const loadBefore = loadAverage();
  log(`bench: ${smoke ? 'smoke' : 'full'} run; ${cpu.note}; load average ${loadBefore}`);

  if (!(await waitForQuietMachine(settings.waitQuietSec)) && Number.isFinite(settings.maxOtherCpu)) {
    log('  (runs are not repeated on a machine that never went quiet: every attempt would be as noisy)');
    settings.maxOtherCpu = Infinity;
  }
  log('starting the targets (spawn → first 201):');
  const specs = targetSpecs({ rsa: keyType === 'rsa-2048', manyFleets: !smoke }).filter((s) => !opts.targets || opts.targets.includes(s.kind));
  if (specs.length === 0) throw new BenchError(`--targets ${opts.targets?.join(',')}: none of these runs here (ours-rsa needs --key-type rsa-2048, ours-5000 is not in --smoke)`);
  const targets: LiveTarget[] = [];
  for (const spec of specs) targets.push(await startTarget(spec, settings.startSamples, cpu.server));

  const rss = setInterval(() => {
    for (const t of targets) {
      const kb = statusKb(t.pid, 'VmRSS');
      if (kb !== undefined) t.m.maxRssKb = Math.max(t.m.maxRssKb ?? 0, kb);
    }
  }, 100);
  const pids = targets.map((t) => t.pid);
  const load = new LoadGenerator(cpu.load);
  const second = new LoadGenerator(cpu.load);
  const sideBySideAt = new Map<number, SideBySideRun[]>();
  try {
    if (settings.warmupSec > 0) {
      log(`warm-up: ${settings.warmupSec} s per target`);
      for (const t of targets) {
        await settle(pids);
        checkStrict(t, await alone(t, targets, () => load.run(job(`warmup ${t.spec.kind}`, t.url, settings.warmupSec))), 'the warm-up');
      }
    }
    for (const connections of settings.connections) {
      await measureRounds(targets, connections, load);
      sideBySideAt.set(connections, await measureSideBySide(targets, connections, [load, second]));
    }
  } finally {
    clearInterval(rss);
    load.close();
    second.close();
  }
  for (const t of targets) t.m.hwmKb = statusKb(t.pid, 'VmHWM');
  for (const t of targets) {
    await t.server.stop();
    started.delete(t.server);
  }

  log(`startStub() → first 201, ${settings.startSamples} sample(s):`);
  const stubStartMs = await stubFirst201(settings.startSamples, cpu.server, root);
  log(`  ${stubStartMs.map((x) => x.toFixed(0)).join(', ')} ms`);
  const loadAfter = loadAverage();
  const summariesAt = new Map(settings.connections.map((c) => [c, targets.map((t) => summarize(measurementsAt(t, c)))]));
  const profile = opts.profile ? await profileOurs(resolve(opts.profile), cpu) : undefined;

  const report = markdown({ summariesAt, sideBySideAt, stubStartMs, pinNote: cpu.note, profile, loadAverages: `${loadBefore} at the start, ${loadAfter} at the end` });
  process.stdout.write(`\n${report}`);
  const out = (smoke || opts.targets) && !opts.out ? join(mkdtempSync(join(tmpdir(), 'ucs-bench-')), 'benchmarks.md') : resolve(opts.out ?? join(root, 'docs', 'benchmarks.md'));
  mkdirSync(dirname(out), { recursive: true });
  // The many-fleets section comes from `npm run bench:fleets` and the profile notes are written by
  // hand; this run keeps both as they are.
  const before = existsSync(out) ? readFileSync(out, 'utf8') : '';
  const kept = [markedSection(before, 'profile-notes'), fleetScaleSection(before)].filter(Boolean);
  writeFileSync(out, kept.length > 0 ? `${report.trimEnd()}

${kept.join('\n\n')}
` : report);
  log(`\nbench: report written to ${out}${smoke || opts.targets ? ` (${smoke ? 'smoke' : '--targets'}: docs/benchmarks.md left alone)` : ''}`);
  const missed = allChecks(summariesAt, sideBySideAt).filter((c) => !c.met);
  if (missed.length > 0) log(`bench: targets not met: ${missed.map((c) => c.goal).join('; ')}`);
}

main().catch((err: unknown) => {
  log(`bench: FAILED: ${err instanceof BenchError ? err.message : (err as Error).stack ?? String(err)}`);
  process.exit(1);
});
