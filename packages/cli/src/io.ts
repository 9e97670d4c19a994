import { homedir } from 'node:os';
import { createInterface } from 'node:readline/promises';

export interface OutStream {
  write(text: string): unknown;
  /** True when the stream is a terminal: progress is then redrawn in place. */
  isTTY?: boolean;
  /** The terminal's width, when it is one. */
  columns?: number;
}

/** Where a question to the user is answered. */
export interface InStream {
  /** True when a person can answer (a terminal); without one, nothing is asked. */
  isTTY: boolean;
  /** Shows `question` and resolves to the line typed, or undefined when input ended. */
  question(question: string): Promise<string | undefined>;
}

/** Everything `run` touches outside itself, so tests can run the CLI in process. */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  /** Questions (confirmations); none: there is no one to ask. */
  stdin?: InStream;
  env: Record<string, string | undefined>;
  /** The home directory (`~`), for ~/.kube/config and ~/.config/ucs/config.yaml. */
  home: string;
  /** The folder relative paths (--kubeconfig, KUBECONFIG, UCS_CONFIG) are relative to; default: the process's. */
  cwd?: string;
  /** Aborted on Ctrl-C: long waits stop early. */
  signal?: AbortSignal;
}

/** The real process streams and environment. */
export function processIo(signal?: AbortSignal): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: terminalInput(),
    env: process.env,
    home: process.env.HOME || homedir(),
    cwd: callerDirectory(process.env),
    ...(signal ? { signal } : {}),
  };
}

/**
 * The folder the user ran ucs from. `npm run ucs -w @ucs-fleet/cli -- ...` runs it inside
 * packages/cli, where a relative --kubeconfig would land a private key in the repository; npm
 * names the caller's folder in INIT_CWD.
 */
export function callerDirectory(env: Record<string, string | undefined>): string {
  if (env.npm_lifecycle_event === 'ucs' && env.npm_package_name === '@ucs-fleet/cli' && env.INIT_CWD) return env.INIT_CWD;
  return process.cwd();
}

/** Questions on stderr, answers from stdin; only a terminal on both ends counts as someone to ask. */
function terminalInput(): InStream {
  return {
    isTTY: process.stdin.isTTY === true && process.stderr.isTTY === true,
    async question(question) {
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      try {
        const ended = new Promise<undefined>((resolve) => rl.once('close', () => resolve(undefined)));
        return await Promise.race([rl.question(question), ended]);
      } finally {
        rl.close();
      }
    },
  };
}
