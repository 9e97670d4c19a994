import { homedir } from 'node:os';

export interface OutStream {
  write(text: string): unknown;
  /** True when the stream is a terminal: progress is then redrawn in place. */
  isTTY?: boolean;
  /** The terminal's width, when it is one. */
  columns?: number;
}

/** Everything `run` touches outside itself, so tests can run the CLI in process. */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  /** The home directory (`~`), for ~/.kube/config and ~/.config/ucs/config.yaml. */
  home: string;
  /** Aborted on Ctrl-C: long waits stop early. */
  signal?: AbortSignal;
}

/** The real process streams and environment. */
export function processIo(signal?: AbortSignal): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    home: process.env.HOME || homedir(),
    ...(signal ? { signal } : {}),
  };
}
