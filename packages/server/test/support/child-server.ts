import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serveScript = fileURLToPath(new URL('../../src/bin/serve.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface ChildServer {
  url: string;
  /** The base URL of its federation endpoint, as its banner names it. */
  federationUrl: string;
  process: ChildProcess;
  /** Everything the process wrote, stdout and stderr. */
  output: () => string;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

/** The real `npm start` entry point as a separate process, for crash and restart tests. */
export async function startChildServer(args: string[], env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--conditions=ucs-source', '--import', 'tsx', serveScript, '--port', '0', '--federation-port', '0', ...args], {
    cwd: repoRoot,
    env: { ...process.env, UCS_FEDERATION_DELAY_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const [url, federationUrl] = await new Promise<[string, string]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const check = () => {
      const api = /listening on (http:\/\/\S+)/.exec(output);
      const federation = /federation endpoint: (https:\/\/\S+)/.exec(output);
      if (api && federation) {
        clearTimeout(timer);
        resolve([api[1]!, federation[1]!]);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    federationUrl,
    process: child,
    output: () => output,
    kill: (signal = 'SIGKILL') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
