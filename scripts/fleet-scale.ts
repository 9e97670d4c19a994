// npm run bench:fleets [-- options]
//
// Many federated fleets on one server (compiled, from dist/, SQLite in a temp directory), both
// seeded and created through the API, measured against the same server holding one fleet:
// listening sockets, time from spawn to the first API answer, idle CPU, RSS, the per-fleet time
// of create / enable / connect from the first to the last fleet, the federation endpoint's
// answer time for early and late fleets, and kubectl `auth whoami` against the first and the
// last fleet. Writes its section of docs/benchmarks.md unless --smoke (npm run bench keeps it).
//
//   --fleets N        fleets per scenario (default 5000; smoke 200)
//   --idle S          seconds of idle CPU measured (default 10; smoke 2)
//   --smoke           small and quick, writes nothing
//   --out FILE        the document whose fleet-scale section is written (default docs/benchmarks.md)
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readlinkSync, readdirSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { build } from './build.js';
import { replaceFleetScaleSection } from './bench/fleet-scale-section.js';
import { CLOCK_TICKS, cpuModel, cpuTicks, loadAverage, machineBusyTicks, statusKb } from './bench/proc.js';
import { freePort, SERVER_BIN, serverNodeFlags, ServerProcess } from './bench/targets.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);
const token = 'scale-token';
const connection = { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' };

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { fleets: { type: 'string' }, idle: { type: 'string' }, smoke: { type: 'boolean', default: false }, out: { type: 'string' } },
  strict: true,
});
const smoke = values.smoke ?? false;
const fleetCount = Number(values.fleets ?? (smoke ? 200 : 5000));
const idleSec = Number(values.idle ?? (smoke ? 2 : 10));
if (!Number.isInteger(fleetCount) || fleetCount < 2) throw new Error('--fleets must be a whole number ≥ 2');
const command = `npm run bench:fleets${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
const log = (line: string) => process.stderr.write(`${line}\n`);

interface SeedFleet {
  id: string;
  name: string;
  domainId: string;
  federation: 'enabled';
  connection: true;
}

function writeSeed(dir: string, fleets: SeedFleet[]): string {
  const file = join(dir, 'seed.json');
  writeFileSync(file, JSON.stringify({ tokens: [{ token, domainId: 'scale', userName: 'alice', groups: ['system:masters'] }], accessKeys: [], fleets }));
  return file;
}

const seededFleets = (n: number): SeedFleet[] =>
  Array.from({ length: n }, (_, i) => ({ id: randomUUID(), name: `seeded-${i}`, domainId: 'scale', federation: 'enabled', connection: true }));

interface Running {
  server: ServerProcess;
  pid: number;
  api: string;
  /** Spawn to the first answered API call (a fleet listing), ms. */
  answeredMs: number;
}

async function start(dataDir: string, seedFile: string): Promise<Running> {
  const port = await freePort();
  const args = [
    ...serverNodeFlags(), SERVER_BIN, '--port', String(port), '--federation-port', '0', '--data-dir', dataDir, '--seed', seedFile,
    '--fleet-quota', '100000', '--federation-delay-ms', '0', '--log-level', 'warn',
  ];
  const server = new ServerProcess('server', args, undefined, root);
  const api = `http://127.0.0.1:${port}`;
  for (;;) {
    if (server.exited) throw new Error(`the server exited:\n${server.output}`);
    const answered = await fetch(`${api}/v1/clustergroups?limit=1`, { headers: { 'x-auth-token': token } }).then((r) => r.status === 200, () => false);
    if (answered) break;
    await sleep(10);
  }
  const answeredMs = performance.now() - server.startedAt;
  return { server, pid: server.findWorkerPid(), api, answeredMs };
}

async function api(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'x-auth-token': token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** TCP sockets in LISTEN state that the process holds (from /proc/PID/fd and /proc/net/tcp{,6}). */
function listeningSockets(pid: number): number {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      // closed meanwhile
    }
  }
  let n = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === '0A' && inodes.has(cols[9] ?? '')) n++;
    }
  }
  return n;
}

/** % of one core the process used over `seconds` of doing nothing, and what the rest of the machine used meanwhile. */
async function idleCpu(pid: number, seconds: number): Promise<{ ours: number; others: number }> {
  const [t0, m0, w0] = [cpuTicks(pid) ?? 0, machineBusyTicks(), performance.now()];
  await sleep(seconds * 1000);
  const [t1, m1, w1] = [cpuTicks(pid) ?? 0, machineBusyTicks(), performance.now()];
  const wallTicks = ((w1 - w0) / 1000) * CLOCK_TICKS;
  return { ours: ((t1 - t0) / wallTicks) * 100, others: ((m1 - m0 - (t1 - t0)) / wallTicks) * 100 };
}

interface Kubeconfig {
  clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
  users: { user: { 'client-certificate-data': string; 'client-key-data': string } }[];
}

async function kubectlWhoami(dir: string, base: string, fleetId: string): Promise<string> {
  const kc = (await api(base, 'POST', `/v1/clustergroups/${fleetId}/kubeconfig`, { duration: 1 })) as Kubeconfig;
  const file = join(dir, `${fleetId}.kubeconfig`);
  writeFileSync(file, JSON.stringify(kc), { mode: 0o600 });
  const { stdout } = await run('kubectl', ['--kubeconfig', file, '--cache-dir', `${file}.cache`, 'auth', 'whoami', '-o', 'json'], { timeout: 60_000 });
  return (JSON.parse(stdout) as { status: { userInfo: { username: string } } }).status.userInfo.username;
}

/** Median ms of GET /version at each fleet's path, one fresh TLS connection each. */
async function endpointMs(base: string, fleetIds: string[]): Promise<number> {
  const times: number[] = [];
  for (const id of fleetIds) {
    const kc = (await api(base, 'POST', `/v1/clustergroups/${id}/kubeconfig`, { duration: 1 })) as Kubeconfig;
    const b64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');
    const t0 = performance.now();
    await new Promise<void>((done, fail) => {
      const req = httpsRequest(`${kc.clusters[0]!.cluster.server}/version`, {
        ca: b64(kc.clusters[0]!.cluster['certificate-authority-data']),
        cert: b64(kc.users[0]!.user['client-certificate-data']),
        key: b64(kc.users[0]!.user['client-key-data']),
        agent: false,
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? done() : fail(new Error(`GET /version at ${id}: ${res.statusCode}`))));
      });
      req.on('error', fail);
      req.end();
    });
    times.push(performance.now() - t0);
  }
  return median(times);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

interface Measured {
  scenario: string;
  fleets: number;
  listening: number;
  answeredMs: number;
  idleCpu: { ours: number; others: number };
  rssMb: number;
  whoami: string;
  endpointEarlyMs: number;
  endpointLateMs: number;
}

/** A restart on the data directory, then the measurements of a server at rest holding `ids`. */
async function measure(scenario: string, dir: string, dataDir: string, seedFile: string, ids: string[]): Promise<Measured> {
  const running = await start(dataDir, seedFile);
  try {
    // The same work whatever the number of fleets (with one fleet, 100 calls at that fleet), so
    // that the RSS compared afterwards is that of servers that did the same.
    const early = Array.from({ length: 50 }, (_, i) => ids[i % ids.length]!);
    const late = Array.from({ length: 50 }, (_, i) => ids[ids.length - 1 - (i % ids.length)]!);
    const endpointEarlyMs = await endpointMs(running.api, early);
    const endpointLateMs = await endpointMs(running.api, late);
    const users = [await kubectlWhoami(dir, running.api, ids[0]!), await kubectlWhoami(dir, running.api, ids.at(-1)!)];
    await sleep(1000);
    const cpu = await idleCpu(running.pid, idleSec);
    const measured: Measured = {
      scenario,
      fleets: ids.length,
      listening: listeningSockets(running.pid),
      answeredMs: running.answeredMs,
      idleCpu: cpu,
      rssMb: (statusKb(running.pid, 'VmRSS') ?? 0) / 1024,
      whoami: users.join(' / '),
      endpointEarlyMs,
      endpointLateMs,
    };
    log(`${scenario}: ${JSON.stringify(measured)}`);
    return measured;
  } finally {
    await running.server.stop();
  }
}

interface Growth {
  step: string;
  firstMs: number;
  midMs: number;
  lastMs: number;
}

/** Creates, enables and connects `n` fleets one after another; each step's median ms per window of 100 fleets. */
async function createThroughApi(base: string, n: number): Promise<{ ids: string[]; growth: Growth[]; totalSec: number }> {
  const steps = { create: [] as number[], enable: [] as number[], connect: [] as number[] };
  const ids: string[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    const { uid } = (await api(base, 'POST', '/v1/clustergroups', { metadata: { name: `api-${i}` } })) as { uid: string };
    steps.create.push(performance.now() - t);
    t = performance.now();
    await api(base, 'POST', `/v1/clustergroups/${uid}/federations`);
    steps.enable.push(performance.now() - t);
    t = performance.now();
    await api(base, 'POST', `/v1/clustergroups/${uid}/connection`, connection);
    steps.connect.push(performance.now() - t);
    ids.push(uid);
    if ((i + 1) % 1000 === 0) log(`  ${i + 1} fleets created, enabled and connected`);
  }
  const window = Math.min(100, Math.floor(n / 3));
  const at = (xs: number[], from: number) => median(xs.slice(from, from + window));
  const growth = Object.entries(steps).map(([step, xs]) => ({
    step,
    firstMs: at(xs, Math.min(100, n - 3 * window)),
    midMs: at(xs, Math.floor(n / 2) - Math.floor(window / 2)),
    lastMs: at(xs, n - window),
  }));
  return { ids, growth, totalSec: (performance.now() - t0) / 1000 };
}

async function main(): Promise<void> {
  log('bench:fleets: building the server (dist/)');
  build({ quiet: true });
  const loadBefore = loadAverage();
  const dir = mkdtempSync(join(tmpdir(), 'ucs-fleet-scale-'));

  log('one fleet (baseline)');
  const oneSeed = seededFleets(1);
  const oneDir = join(dir, 'one');
  const oneFile = writeSeed(dir, oneSeed);
  await (await start(oneDir, oneFile)).server.stop();
  const baseline = await measure('1 seeded fleet', dir, oneDir, oneFile, oneSeed.map((f) => f.id));

  log(`${fleetCount} seeded fleets`);
  const many = seededFleets(fleetCount);
  const seedDir = join(dir, 'seeded');
  const manyFile = join(dir, 'many.json');
  writeFileSync(manyFile, readFileSync(writeSeed(dir, many)));
  const firstStart = await start(seedDir, manyFile);
  const seedingMs = firstStart.answeredMs;
  await firstStart.server.stop();
  const seeded = await measure(`${fleetCount} seeded fleets`, dir, seedDir, manyFile, many.map((f) => f.id));

  log(`${fleetCount} fleets through the API`);
  const apiDir = join(dir, 'api');
  const noFleets = writeSeed(dir, []);
  const creating = await start(apiDir, noFleets);
  let created: Awaited<ReturnType<typeof createThroughApi>>;
  try {
    created = await createThroughApi(creating.api, fleetCount);
  } finally {
    await creating.server.stop();
  }
  const viaApi = await measure(`${fleetCount} fleets created through the API`, dir, apiDir, noFleets, created.ids);

  const section = report({ baseline, seeded, viaApi, seedingMs, created, loadBefore, loadAfter: loadAverage() });
  process.stdout.write(`${section}\n`);
  if (smoke) {
    log('bench:fleets: smoke run, docs/benchmarks.md left alone');
    return;
  }
  const out = resolve(values.out ?? join(root, 'docs', 'benchmarks.md'));
  writeFileSync(out, replaceFleetScaleSection(existsSync(out) ? readFileSync(out, 'utf8') : '# Benchmarks\n', section));
  log(`bench:fleets: section written to ${out}`);
}

function report(r: {
  baseline: Measured;
  seeded: Measured;
  viaApi: Measured;
  seedingMs: number;
  created: { growth: Growth[]; totalSec: number };
  loadBefore: string;
  loadAfter: string;
}): string {
  const rows = [r.baseline, r.seeded, r.viaApi].map(
    (m) =>
      `| ${m.scenario} | ${m.listening} | ${m.answeredMs.toFixed(0)} | ${m.idleCpu.ours.toFixed(2)} | ${m.rssMb.toFixed(1)} | ${(m.rssMb / r.baseline.rssMb).toFixed(2)}× | ${m.endpointEarlyMs.toFixed(1)} / ${m.endpointLateMs.toFixed(1)} | ${m.whoami} | ${m.idleCpu.others.toFixed(0)} |`,
  );
  const growth = r.created.growth.map(
    (g) => `| ${g.step} | ${g.firstMs.toFixed(2)} | ${g.midMs.toFixed(2)} | ${g.lastMs.toFixed(2)} | ${(g.lastMs / g.firstMs).toFixed(2)}× |`,
  );
  const n = r.seeded.fleets;
  return [
    '## Many fleets on one federation endpoint',
    '',
    `Generated by \`scripts/fleet-scale.ts\` (\`${command}\`); rerun it rather than editing this section.`,
    '',
    `- Date: ${new Date().toISOString()}; machine: ${cpuModel()}, Node ${process.version}; the server runs from dist/ on SQLite`,
    `- Load average (1, 5, 15 min): ${r.loadBefore} at the start, ${r.loadAfter} at the end. **The machine was shared with other work** during the run: the "other CPU %" column is what the rest of the machine used during the idle measurement (100 = one CPU); every time below is slower on a busy machine`,
    `- Each row is a restart of the server on its data directory (so "spawn → first answer" is a start with every fleet already stored), then: a kubeconfig download and GET /version at the paths of the first and the last 50 fleets (a fresh TLS connection each, median; with one fleet, 100 at that fleet), \`kubectl auth whoami\` against the first and the last fleet, ${idleSec} s of idle CPU, and VmRSS`,
    `- The first start with the ${n}-fleet seed (creating every fleet and its CA) answered after ${(r.seedingMs / 1000).toFixed(1)} s`,
    '',
    '| scenario | listening sockets (API + endpoint) | spawn → first answer ms | idle CPU % of a core | RSS MB | RSS ÷ 1 fleet | endpoint GET /version ms, first / last fleets | kubectl auth whoami, first / last fleet | other CPU % |',
    '|:--|--:|--:|--:|--:|--:|--:|:--|--:|',
    ...rows,
    '',
    `Creating, enabling and connecting ${n} fleets through the API, one fleet after another, took ${r.created.totalSec.toFixed(0)} s. Median ms per call over a window of fleets:`,
    '',
    '| step | from the 100th fleet | around the middle | the last fleets | last ÷ first |',
    '|:--|--:|--:|--:|--:|',
    ...growth,
  ].join('\n');
}

main().catch((err: unknown) => {
  log(`bench:fleets: FAILED: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
