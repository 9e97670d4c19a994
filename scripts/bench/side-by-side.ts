// The on-disk and :memory: servers measured at once: what a run records, its table and its target.
import type { GoalCheck } from './report.js';

/** One run of both servers at once: each one's responses, seconds and CPU time (ms). */
export interface SideBySideRun {
  disk: { responses: number; seconds: number; cpuMs: number };
  memory: { responses: number; seconds: number; cpuMs: number };
}

interface Totals {
  /** on disk's req/s ÷ :memory:'s */
  rpsRatio: number;
  /** :memory:'s CPU time per response ÷ on disk's: above 1 when on disk costs less */
  costRatio: number;
  diskRps: number;
  memoryRps: number;
  diskCpuUs: number;
  memoryCpuUs: number;
}

const rps = (s: SideBySideRun['disk']): number => (s.seconds > 0 ? s.responses / s.seconds : 0);
const cpuUsPerResponse = (s: SideBySideRun['disk']): number => (s.responses > 0 ? (1000 * s.cpuMs) / s.responses : NaN);

function sum(runs: SideBySideRun[], which: 'disk' | 'memory'): SideBySideRun['disk'] {
  return runs.reduce((t, r) => ({ responses: t.responses + r[which].responses, seconds: t.seconds + r[which].seconds, cpuMs: t.cpuMs + r[which].cpuMs }), { responses: 0, seconds: 0, cpuMs: 0 });
}

function sideBySideTotals(runs: SideBySideRun[]): Totals {
  const disk = sum(runs, 'disk');
  const memory = sum(runs, 'memory');
  return {
    rpsRatio: rps(disk) / rps(memory),
    costRatio: cpuUsPerResponse(memory) / cpuUsPerResponse(disk),
    diskRps: rps(disk),
    memoryRps: rps(memory),
    diskCpuUs: cpuUsPerResponse(disk),
    memoryCpuUs: cpuUsPerResponse(memory),
  };
}

/** The rounds and their totals, as markdown. */
export function sideBySideTable(runs: SideBySideRun[]): string {
  const row = (label: string, rs: SideBySideRun[]): string => {
    const t = sideBySideTotals(rs);
    const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
    return `| ${label} | ${t.diskRps.toFixed(0)} | ${t.memoryRps.toFixed(0)} | ${pct(t.rpsRatio)} | ${t.diskCpuUs.toFixed(0)} | ${t.memoryCpuUs.toFixed(0)} | ${pct(t.costRatio)} |`;
  };
  return [
    '| run | on disk req/s | :memory: req/s | on disk ÷ :memory: | on disk CPU µs/response | :memory: CPU µs/response | :memory: cost ÷ on disk cost |',
    '|:--|--:|--:|--:|--:|--:|--:|',
    ...runs.map((r, i) => row(`round ${i + 1}`, [r])),
    row('**all rounds**', runs),
  ].join('\n');
}

export function sideBySideCheck(runs: SideBySideRun[], connections: number): GoalCheck[] {
  if (runs.length === 0) return [];
  const t = sideBySideTotals(runs);
  return [
    {
      goal: `on disk ≥ 95% of :memory:, side by side, ${connections} connections`,
      actual: `${(100 * t.rpsRatio).toFixed(1)}% (CPU per response: ${(100 * t.costRatio).toFixed(1)}%)`,
      met: t.rpsRatio >= 0.95,
    },
  ];
}
