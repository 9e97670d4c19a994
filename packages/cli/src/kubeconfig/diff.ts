/** A small line diff (longest common subsequence) shown as unified-diff hunks. */

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Above this many line pairs the diff is not computed (the summary still is). */
const maxCells = 4_000_000;

/**
 * Unified diff of two texts with `context` lines around each change, or undefined when they
 * are equal. Returns a note instead of a diff for very large inputs.
 */
export function unifiedDiff(before: string, after: string, labels: { before: string; after: string }, context = 3): string | undefined {
  if (before === after) return undefined;
  const a = splitLines(before);
  const b = splitLines(after);
  if (a.length * b.length > maxCells) return `(the files are too large to diff: ${a.length} and ${b.length} lines)\n`;
  const ops = diffLines(a, b);
  const out = [`--- ${labels.before}`, `+++ ${labels.after}`];
  for (const hunk of hunks(ops, context)) out.push(...hunk);
  return `${out.join('\n')}\n`;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) ops.push({ kind: '-', line: a[i++]! });
    else ops.push({ kind: '+', line: b[j++]! });
  }
  while (i < n) ops.push({ kind: '-', line: a[i++]! });
  while (j < m) ops.push({ kind: '+', line: b[j++]! });
  return ops;
}

function hunks(ops: Op[], context: number): string[][] {
  const result: string[][] = [];
  let k = 0;
  let lineA = 1;
  let lineB = 1;
  const positions = ops.map((op) => {
    const at = { a: lineA, b: lineB };
    if (op.kind !== '+') lineA++;
    if (op.kind !== '-') lineB++;
    return at;
  });
  while (k < ops.length) {
    if (ops[k]!.kind === ' ') {
      k++;
      continue;
    }
    const start = Math.max(0, k - context);
    let end = k;
    // Extend the hunk while the next change is within 2 * context lines.
    for (let gap = 0; end < ops.length; end++) {
      gap = ops[end]!.kind === ' ' ? gap + 1 : 0;
      if (gap > 2 * context) break;
    }
    end = Math.min(ops.length, trimTrailingContext(ops, end, context));
    const slice = ops.slice(start, end);
    const countA = slice.filter((o) => o.kind !== '+').length;
    const countB = slice.filter((o) => o.kind !== '-').length;
    const from = positions[start]!;
    result.push([`@@ -${from.a},${countA} +${from.b},${countB} @@`, ...slice.map((o) => `${o.kind}${o.line}`)]);
    k = end;
  }
  return result;
}

/** Index just past the last change before `end`, plus `context` lines. */
function trimTrailingContext(ops: Op[], end: number, context: number): number {
  let last = end - 1;
  while (last >= 0 && ops[last]!.kind === ' ') last--;
  return last + 1 + context;
}
