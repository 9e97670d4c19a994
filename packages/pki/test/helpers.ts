// Shared helpers for the test files (not a test file itself).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command asynchronously (never blocks the event loop); does not throw on a non-zero exit. */
export function run(
  cmd: string,
  args: readonly string[],
  opts: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      cmd,
      args,
      { env: opts.env ?? process.env, timeout: opts.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024, cwd: opts.cwd },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') return reject(err);
        resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

/** Runs openssl and asserts success. */
export async function openssl(args: readonly string[], input?: string): Promise<string> {
  const r = await run('openssl', args, { input });
  if (r.code !== 0) throw new Error(`openssl ${args.join(' ')} failed (${r.code}): ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** A temporary directory removed when the test process exits (a root-level after() hook can run too early with --test-name-pattern). */
export function tempDir(prefix = 'pki-test-'): { dir: string; file: (name: string, content: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(name, content) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
  };
}

/** Parses `openssl x509 -noout -dates -dateopt iso_8601` output. */
export function parseOpensslDates(out: string): { notBefore: Date; notAfter: Date } {
  const get = (k: string): Date => {
    const m = new RegExp(`^${k}=(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d)Z$`, 'm').exec(out);
    if (!m) throw new Error(`cannot find ${k} in ${out}`);
    return new Date(`${m[1]}T${m[2]}Z`);
  };
  return { notBefore: get('notBefore'), notAfter: get('notAfter') };
}

/** `AA:BB:..` (as openssl prints key identifiers) to lower-case hex. */
export function colonHex(s: string): string {
  return s.replace(/[:\s]/g, '').toLowerCase();
}

/** The value lines following an extension heading in `openssl x509 -noout -ext ...` / `-text` output. */
export function extensionBlock(text: string, heading: string): { critical: boolean; body: string } {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trim().startsWith(heading));
  if (i < 0) throw new Error(`extension ${heading} not found in:\n${text}`);
  const head = lines[i]!;
  const indent = head.length - head.trimStart().length;
  const body: string[] = [];
  for (const l of lines.slice(i + 1)) {
    if (l.trim() === '' || l.length - l.trimStart().length <= indent) break;
    body.push(l.trim());
  }
  return { critical: head.includes('critical'), body: body.join('\n') };
}

export const D = (s: string): Date => new Date(s);
