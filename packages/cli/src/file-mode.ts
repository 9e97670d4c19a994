import type { Stats } from 'node:fs';

/** True when group or others may read the file (mode bits 0o044). */
export function readableByOthers(stats: Pick<Stats, 'mode'>): boolean {
  return (stats.mode & 0o044) !== 0;
}

/** "0644" */
export function octalMode(stats: Pick<Stats, 'mode'>): string {
  return (stats.mode & 0o777).toString(8).padStart(4, '0');
}
