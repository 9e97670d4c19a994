import { stringify } from 'yaml';
import type { OutStream } from './io.js';

export type Format = 'table' | 'json' | 'yaml';

export interface Column<T> {
  header: string;
  value: (row: T) => string;
}

/** Rows as a kubectl-style table: upper-case headers, columns padded with three spaces. */
export function table<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.value(r)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  return cells.map((line) => line.map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i]! + 3))).join('').trimEnd()).join('\n') + '\n';
}

/** A value as JSON (two-space indent) or YAML (kubectl style: no sequence indent, long lines kept whole). */
export function serialize(value: unknown, format: 'json' | 'yaml'): string {
  return format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : stringify(value, { indentSeq: false, lineWidth: 0 });
}

/** Writes a value as JSON or YAML, or as a table through `renderTable`. */
export function print<T>(out: OutStream, format: Format, value: T, renderTable: (value: T) => string): void {
  out.write(format === 'table' ? renderTable(value) : serialize(value, format));
}

/** "2024-05-01T10:00:00Z" -> "2024-05-01 10:00". */
export function shortTime(rfc3339: string | undefined): string {
  if (!rfc3339) return '-';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(rfc3339);
  return m ? `${m[1]} ${m[2]}` : rfc3339;
}
