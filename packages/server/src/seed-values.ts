/** A seed that cannot be used: the message names the file and the place in it. */
export class SeedError extends Error {}

// The readers of a seed's values, each refusing what it cannot read with the place it was at.

export function object(v: unknown, at: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SeedError(`${at} must be a mapping`);
  return v as Record<string, unknown>;
}

export function list(v: unknown, at: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new SeedError(`${at} must be a list`);
  return v;
}

export function text(v: unknown, at: string): string {
  if (typeof v !== 'string' || v === '') throw new SeedError(`${at} must be a non-empty string`);
  return v;
}
