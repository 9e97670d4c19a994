// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function and per module.
//
// A frame without a script (a V8 builtin or a native binding such as crypto's sign, JSON
// parsing or better-sqlite3's step) is charged to the module of its nearest caller that has
// one, so that "pki" includes the signatures it asks OpenSSL for and "sqlite" the statements.
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileRow {
  name: string;
  module: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  samples: number;
  byModule: ProfileRow[];
  byFunction: ProfileRow[];
  /** Runs of one function of at least STALL_MS without a break, by function: what a request's tail latency waits out. */
  stalls: StallRow[];
}

export interface StallRow {
  name: string;
  module: string;
  count: number;
  perSecond: number;
  totalMs: number;
  maxMs: number;
}

/** A main-thread run this long holds up every request in flight (10 connections: ~2 mean latencies). */
export const STALL_MS = 4;

const SPECIAL = new Set(['(garbage collector)', '(idle)', '(program)', '(root)']);

/** The module a script belongs to: a package name, a part of our server, or a node core area. */
export function moduleOf(url: string): string {
  const path = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = path.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? path);
  }
  if (path.startsWith('node:')) {
    const parts = path.slice('node:'.length).split('/');
    const area = parts[0] === 'internal' ? parts[1] ?? 'internal' : parts[0] ?? '';
    return `node:${area.replace(/\.js$/, '').replace(/^(_http_\w+|http)$/, 'http').replace(/^(_stream_\w+|streams)$/, 'streams')}`;
  }
  const server = path.match(/\/packages\/server\/(?:src|dist)\/(.+)$/);
  if (server?.[1]) {
    const rel = server[1];
    if (rel.startsWith('store/')) return 'ours: store';
    if (rel.startsWith('http/')) return 'ours: http middleware';
    if (rel.startsWith('domain/')) return 'ours: domain';
    return `ours: ${rel.split('/')[0]?.replace(/\.[jt]s$/, '')}`;
  }
  const pkg = path.match(/\/packages\/([^/]+)\//);
  if (pkg?.[1]) return `ours: ${pkg[1]}`;
  return path || '(no script)';
}

/** A time window in microseconds of CLOCK_MONOTONIC (process.hrtime.bigint() / 1000n), as V8 stamps samples on Linux. */
export interface ProfileWindow {
  fromUs: number;
  toUs: number;
}

export function summarizeProfile(file: string, top = 15, window?: ProfileWindow): ProfileSummary & { windowApplied: boolean } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  // Timestamp of each sample: startTime plus the running sum of timeDeltas.
  const inWindow: boolean[] = [];
  let windowApplied = false;
  if (window && window.fromUs < profile.endTime && window.toUs > profile.startTime) {
    windowApplied = true;
    let t = profile.startTime;
    profile.timeDeltas.forEach((d, i) => {
      t += d;
      inWindow[i] = t >= window.fromUs && t <= window.toUs;
    });
  }
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const moduleCache = new Map<number, string>();
  const moduleOfNode = (id: number): string => {
    const cached = moduleCache.get(id);
    if (cached) return cached;
    const n = byId.get(id);
    let m: string;
    if (!n) m = '(unknown)';
    else if (SPECIAL.has(n.callFrame.functionName)) m = n.callFrame.functionName;
    else if (n.callFrame.url) m = moduleOf(n.callFrame.url);
    else {
      const p = parent.get(id);
      const pm = p === undefined ? '(native)' : moduleOfNode(p);
      m = pm === '(root)' || pm === '(program)' ? '(native)' : pm;
    }
    moduleCache.set(id, m);
    return m;
  };

  const selfUs = new Map<number, number>();
  let sampleCount = 0;
  let spanUs = 0;
  const runs: { id: number; us: number }[] = [];
  profile.samples.forEach((id, i) => {
    if (windowApplied && !inWindow[i]) return;
    sampleCount++;
    const us = profile.timeDeltas[i] ?? 0;
    spanUs += us;
    selfUs.set(id, (selfUs.get(id) ?? 0) + us);
    const last = runs[runs.length - 1];
    if (last && sameFunction(byId.get(last.id), byId.get(id))) last.us += us;
    else runs.push({ id, us });
  });
  let idleUs = 0;
  let totalUs = 0;
  const modules = new Map<string, number>();
  const functions = new Map<string, { module: string; us: number }>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    if (!n) continue;
    if (n.callFrame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    totalUs += us;
    const module = moduleOfNode(id);
    modules.set(module, (modules.get(module) ?? 0) + us);
    const name = functionName(n.callFrame);
    const f = functions.get(name) ?? { module, us: 0 };
    f.us += us;
    functions.set(name, f);
  }
  const rows = (entries: [string, { module: string; us: number }][]): ProfileRow[] =>
    entries
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([name, v]) => ({ name, module: v.module, selfMs: v.us / 1000, share: totalUs ? v.us / totalUs : 0 }));
  const stalls = new Map<string, StallRow>();
  for (const r of runs) {
    const n = byId.get(r.id);
    if (!n || r.us < STALL_MS * 1000 || n.callFrame.functionName === '(idle)') continue;
    const name = functionName(n.callFrame);
    const row = stalls.get(name) ?? { name, module: moduleOfNode(r.id), count: 0, perSecond: 0, totalMs: 0, maxMs: 0 };
    row.count++;
    row.totalMs += r.us / 1000;
    row.maxMs = Math.max(row.maxMs, r.us / 1000);
    stalls.set(name, row);
  }
  for (const row of stalls.values()) row.perSecond = spanUs ? row.count / (spanUs / 1e6) : 0;
  return {
    stalls: [...stalls.values()].sort((a, b) => b.totalMs - a.totalMs).slice(0, 8),
    windowApplied,
    totalMs: totalUs / 1000,
    idleMs: idleUs / 1000,
    samples: sampleCount,
    byModule: rows([...modules].map(([m, us]) => [m, { module: m, us }])),
    byFunction: rows([...functions]),
  };
}

function functionName(frame: CallFrame): string {
  const file = frame.url ? frame.url.replace(/^.*\/(node_modules|packages)\//, '$1/').replace(/^file:\/\//, '') : '';
  return `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ' (native)'}`;
}

/** Consecutive samples in the same function (the same frame, or another node of it). */
function sameFunction(a: ProfileNode | undefined, b: ProfileNode | undefined): boolean {
  return !!a && !!b && a.callFrame.functionName === b.callFrame.functionName && a.callFrame.url === b.callFrame.url && a.callFrame.lineNumber === b.callFrame.lineNumber;
}

export function formatProfileSummary(s: ProfileSummary): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const busy = s.totalMs + s.idleMs > 0 ? s.totalMs / (s.totalMs + s.idleMs) : 0;
  const lines = [
    `main thread busy ${(s.totalMs / 1000).toFixed(2)} s, idle ${(s.idleMs / 1000).toFixed(2)} s (${pct(busy)} busy), ${s.samples} samples`,
    '',
    'Self time by module:',
  ];
  for (const r of s.byModule) lines.push(`  ${pct(r.share).padStart(6)}  ${r.selfMs.toFixed(0).padStart(7)} ms  ${r.name}`);
  lines.push('', 'Top functions by self time:');
  for (const r of s.byFunction) lines.push(`  ${pct(r.share).padStart(6)}  ${r.selfMs.toFixed(0).padStart(7)} ms  [${r.module}] ${r.name}`);
  lines.push('', `Main-thread stalls (one function ${STALL_MS} ms or more without a break; every request in flight waits them out):`);
  if (s.stalls.length === 0) lines.push('  none');
  for (const r of s.stalls) lines.push(`  ${r.perSecond.toFixed(2).padStart(5)}/s  ${r.totalMs.toFixed(0).padStart(5)} ms in all, longest ${r.maxMs.toFixed(1).padStart(5)} ms  [${r.module}] ${r.name}`);
  return lines.join('\n');
}
