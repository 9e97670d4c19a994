// Aggregation of the rounds and the tables the benchmark prints and writes.
import type { TargetKind } from './targets.js';
import type { LoadResult } from './types.js';

export interface TargetMeasurements {
  kind: TargetKind;
  label: string;
  runs: LoadResult[];
  /** Spawn to first 201, ms, one per start. */
  startMs: number[];
  /** VmRSS right after the first 201, before any load, kB. */
  startRssKb: number | undefined;
  /** VmHWM of the worker process at the end of the bench, kB. */
  hwmKb: number | undefined;
  /** Largest VmRSS sampled every 100 ms while the bench ran, kB. */
  maxRssKb: number | undefined;
  /** Per measured run: CPU used by processes other than the bench's own, in % of one CPU. */
  foreignCpuPct: number[];
}

export interface TargetSummary {
  kind: TargetKind;
  label: string;
  rps: number;
  rpsPerRound: number[];
  p50: number;
  p99: number;
  max: number;
  responses: number;
  /** Responses with another status than 201. */
  non201: number;
  /** Connection errors and timeouts. */
  errors: number;
  statuses: Record<string, number>;
  bytesPerResponse: number;
  startMedianMs: number | undefined;
  startMs: number[];
  startRssMb: number | undefined;
  hwmMb: number | undefined;
  maxRssMb: number | undefined;
  foreignCpuPct: number | undefined;
}

export function median(xs: number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Percentiles (ms) of merged histograms in 10 us buckets. */
export function percentiles(histograms: Record<string, number>[], qs: number[]): number[] {
  const merged = new Map<number, number>();
  for (const h of histograms) for (const [k, v] of Object.entries(h)) merged.set(Number(k), (merged.get(Number(k)) ?? 0) + v);
  const buckets = [...merged].sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((n, [, v]) => n + v, 0);
  return qs.map((q) => {
    if (total === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * total));
    let seen = 0;
    for (const [k, v] of buckets) {
      seen += v;
      if (seen >= rank) return k / 100;
    }
    return (buckets[buckets.length - 1]?.[0] ?? NaN) / 100;
  });
}

export function summarize(m: TargetMeasurements): TargetSummary {
  const responses = m.runs.reduce((n, r) => n + r.responses, 0);
  const seconds = m.runs.reduce((n, r) => n + r.durationSec, 0);
  const statuses: Record<string, number> = {};
  for (const r of m.runs) for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
  const [p50, p99, max] = percentiles(
    m.runs.map((r) => r.latency10us),
    [0.5, 0.99, 1],
  );
  return {
    kind: m.kind,
    label: m.label,
    rps: seconds > 0 ? responses / seconds : 0,
    rpsPerRound: m.runs.map((r) => (r.durationSec > 0 ? r.responses / r.durationSec : 0)),
    p50: p50 ?? NaN,
    p99: p99 ?? NaN,
    max: max ?? NaN,
    responses,
    non201: responses - (statuses['201'] ?? 0),
    errors: m.runs.reduce((n, r) => n + r.errors + r.timeouts, 0),
    statuses,
    bytesPerResponse: responses > 0 ? m.runs.reduce((n, r) => n + r.bytes, 0) / responses : 0,
    startMedianMs: median(m.startMs),
    startMs: m.startMs,
    startRssMb: m.startRssKb === undefined ? undefined : m.startRssKb / 1024,
    hwmMb: m.hwmKb === undefined ? undefined : m.hwmKb / 1024,
    maxRssMb: m.maxRssKb === undefined ? undefined : m.maxRssKb / 1024,
    foreignCpuPct: m.foreignCpuPct.length ? Math.max(...m.foreignCpuPct) : undefined,
  };
}

const fixed = (x: number | undefined, digits: number): string => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(digits));

function table(header: string[], rows: string[][], alignRight: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (alignRight[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (alignRight[i] ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function resultsTable(summaries: TargetSummary[]): string {
  const header = ['target', 'req/s', 'req/s per round', 'p50 ms', 'p99 ms', 'max ms', 'RSS at start MB', 'peak RSS MB', 'non-201', 'errors', 'start→201 ms', 'bytes/resp', 'other CPU %'];
  const rows = summaries.map((s) => [
    s.label,
    fixed(s.rps, 0),
    s.rpsPerRound.map((r) => r.toFixed(0)).join(' / '),
    fixed(s.p50, 2),
    fixed(s.p99, 2),
    fixed(s.max, 1),
    fixed(s.startRssMb, 1),
    `${fixed(s.hwmMb, 1)}${s.maxRssMb === undefined ? '' : ` (${fixed(s.maxRssMb, 1)})`}`,
    String(s.non201),
    String(s.errors),
    s.startMedianMs === undefined ? 'n/a' : `${s.startMedianMs.toFixed(0)}${s.startMs.length > 1 ? ` (${s.startMs.map((x) => x.toFixed(0)).join(', ')})` : ''}`,
    s.bytesPerResponse.toFixed(0),
    fixed(s.foreignCpuPct, 0),
  ]);
  return table(header, rows, [false, true, false, true, true, true, true, true, true, true, true, true, true]);
}

export function ratiosTable(summaries: TargetSummary[]): string {
  const by = (k: TargetKind): TargetSummary | undefined => summaries.find((s) => s.kind === k);
  const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined || !b ? 'n/a' : `${(a / b).toFixed(2)}×`);
  const rows = (['ours', 'ours-disk', 'ours-5000', 'ours-rsa'] as const)
    .map(by)
    .filter((s): s is TargetSummary => s !== undefined)
    .map((s) => [
      s.label,
      ratio(s.rps, by('prism')?.rps),
      ratio(s.rps, by('ours')?.rps),
      ratio(s.rps, by('validator')?.rps),
      ratio(s.rps, by('bare')?.rps),
      ratio(s.p99, by('prism')?.p99),
    ]);
  return table(['req/s of', '÷ Prism', '÷ ours :memory:', '÷ validator ceiling', '÷ bare ceiling', 'p99 ÷ Prism p99'], rows, [false, true, true, true, true, true]);
}

const startLabels: Partial<Record<TargetKind, string>> = {
  'ours-disk': 'ours, built bin, fresh data directory',
  'ours-5000': 'ours, built bin, restart with 5000 fleets stored',
};

/** Spawn → first 201 of each server and of startStub(), each beside Prism's of the same run. */
export function startTable(summaries: TargetSummary[], stubStartMs: number[]): string {
  const prism = summaries.find((s) => s.kind === 'prism')?.startMedianMs;
  const cell = (xs: number[]): string => {
    const m = median(xs);
    return m === undefined ? 'n/a' : `${m.toFixed(0)}${xs.length > 1 ? ` (${xs.map((x) => x.toFixed(0)).join(', ')})` : ''}`;
  };
  const ratio = (xs: number[]): string => {
    const m = median(xs);
    return m === undefined || !prism ? 'n/a' : `${(m / prism).toFixed(2)}×`;
  };
  const named: [string, number[]][] = [
    ...summaries.filter((s) => s.kind !== 'validator' && s.kind !== 'bare').map((s): [string, number[]] => [startLabels[s.kind] ?? s.label, s.startMs]),
    ['startStub() (in-process, built package)', stubStartMs],
  ];
  return table(['start → first 201', 'ms', '÷ Prism'], named.map(([label, xs]) => [label, cell(xs), ratio(xs)]), [false, true, true]);
}

export interface GoalCheck {
  goal: string;
  actual: string;
  met: boolean;
}

/** The targets for our server (ECDSA) at one connection count. */
export function goalChecks(summaries: TargetSummary[], connections: number): GoalCheck[] {
  const ours = summaries.find((s) => s.kind === 'ours');
  const disk = summaries.find((s) => s.kind === 'ours-disk');
  const prism = summaries.find((s) => s.kind === 'prism');
  const validator = summaries.find((s) => s.kind === 'validator');
  if (!ours) return [];
  const at = `, ${connections} connections`;
  const checks: GoalCheck[] = [];
  if (disk && prism) {
    checks.push({ goal: `on disk: req/s ≥ 1.1× Prism${at}`, actual: `${disk.rps.toFixed(0)} vs ${prism.rps.toFixed(0)} (${(disk.rps / prism.rps).toFixed(2)}×)`, met: disk.rps >= 1.1 * prism.rps });
    checks.push({ goal: `on disk: p99 ≤ Prism's${at}`, actual: `${fixed(disk.p99, 2)} ms vs ${fixed(prism.p99, 2)} ms`, met: disk.p99 <= prism.p99 });
  }
  if (disk) checks.push({ goal: `on disk ≥ 95% of :memory:${at}`, actual: `${((100 * disk.rps) / ours.rps).toFixed(0)}%`, met: disk.rps >= 0.95 * ours.rps });
  if (connections !== 10) return checks;
  if (prism) checks.push({ goal: 'req/s ≥ Prism', actual: `${ours.rps.toFixed(0)} vs ${prism.rps.toFixed(0)}`, met: ours.rps >= prism.rps });
  checks.push({ goal: 'p99 ≤ 10 ms at 10 connections', actual: `${fixed(ours.p99, 2)} ms`, met: ours.p99 <= 10 });
  if (validator) {
    const share = ours.rps / validator.rps;
    checks.push({ goal: '≥ 60% of the validator ceiling', actual: `${(share * 100).toFixed(0)}%`, met: share >= 0.6 });
  }
  if (prism && ours.startMedianMs !== undefined && prism.startMedianMs !== undefined) {
    checks.push({
      goal: 'start→first 201 below Prism',
      actual: `${ours.startMedianMs.toFixed(0)} ms vs ${prism.startMedianMs.toFixed(0)} ms`,
      met: ours.startMedianMs < prism.startMedianMs,
    });
  }
  if (ours.hwmMb !== undefined) checks.push({ goal: 'peak RSS ≤ 150 MB', actual: `${ours.hwmMb.toFixed(1)} MB`, met: ours.hwmMb <= 150 });
  return checks;
}

export function goalsTable(checks: GoalCheck[]): string {
  return table(
    ['target', 'ours (ECDSA)', 'met'],
    checks.map((c) => [c.goal, c.actual, c.met ? 'yes' : 'NO']),
    [false, true, false],
  );
}
