import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
export const figuresDir = join(repoRoot, '.tmp', 'reliability-figures');

/** True when the run should leave its figures for scripts/reliability-report.ts. */
export const reportingFigures = process.env.UCS_RELIABILITY_REPORT === '1';

/**
 * Writes one test file's figures to .tmp/reliability-figures/<section>.json (one file per
 * section, because the test files run in parallel processes). Only with UCS_RELIABILITY_REPORT=1.
 */
export function recordFigures(section: string, figures: Record<string, unknown>): void {
  if (!reportingFigures) return;
  mkdirSync(figuresDir, { recursive: true });
  const file = join(figuresDir, `${section}.json`);
  writeFileSync(file, `${JSON.stringify({ section, recordedAt: new Date().toISOString(), node: process.version, ...figures }, null, 2)}\n`);
}
