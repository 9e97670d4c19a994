import { spawn } from 'node:child_process';

export interface NodeChildExit {
  /** null when killed after the timeout. */
  code: number | null;
  timedOut: boolean;
  /** stdout and stderr, interleaved as they came. */
  output: string;
}

/**
 * Runs `node <args>` (TypeScript sources through tsx) and waits for the process to end by
 * itself: after `timeoutMs` it is killed and reported as timed out, which is how a test sees
 * an open handle that keeps a process alive.
 */
export function runNodeChild(args: string[], o: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<NodeChildExit> {
  const child = spawn(process.execPath, ['--conditions=ucs-source', '--import', 'tsx', ...args], {
    cwd: o.cwd,
    env: o.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, timedOut: true, output });
    }, o.timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut: false, output });
    });
  });
}
