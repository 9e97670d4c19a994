import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/run.js';

export const cliEntry = fileURLToPath(new URL('../../src/bin/ucs.ts', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The node command line that runs the CLI from source, as a user's `ucs` would. */
export function cliArgv(args: readonly string[]): string[] {
  return ['--conditions=ucs-source', '--import', 'tsx', cliEntry, ...args];
}

/**
 * An environment with nothing of the caller's UCS or kubectl settings: a fresh HOME (so no
 * ~/.config/ucs/config.yaml, no ~/.kube/config), plus `extra`.
 */
export function cleanEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith('UCS_') || k === 'KUBECONFIG' || k === 'XDG_CONFIG_HOME' || k === 'NO_COLOR') continue;
    env[k] = v;
  }
  return { ...env, HOME: home, ...extra };
}

/** Runs the real CLI as a child process (stdin closed, stdout and stderr piped: no TTY). */
export function ucs(args: readonly string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliArgv(args), { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ucs ${args.join(' ')} did not finish in ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

/**
 * Runs the real CLI under a pseudo-terminal with util-linux `script`, so stdin, stdout and stderr
 * are a TTY; everything it writes comes back in `stdout`. `answer` is typed once a `[y/N]`
 * question shows.
 */
export function ucsOnTty(args: readonly string[], env: Record<string, string>, answer?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const command = shellLine([process.execPath, ...cliArgv(args)]);
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: repoRoot, env: { ...env, TERM: 'xterm' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let answered = answer === undefined;
    const onData = (d: Buffer) => {
      stdout += d.toString();
      if (!answered && stdout.includes('[y/N]')) {
        answered = true;
        child.stdin.write(`${answer}\r`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr: '' });
    });
  });
}

/** Runs the CLI in this process through `run(argv, io)` (fast; for the many small cases). */
export async function ucsInProcess(args: readonly string[], env: Record<string, string>, home: string): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env,
    home,
  });
  return { code, stdout, stderr };
}

/** A shell-quoted command line, for `script -c`. */
export function shellLine(argv: readonly string[]): string {
  return argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
}

export function tempHome(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `ucs-cli-${prefix}-`));
}

export function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A Node.js stack trace line ("    at foo (file.ts:1:2)"). */
export const stackTraceLine = /^\s+at\s.+(:\d+:\d+\)?|<anonymous>)$/m;
