/** What `ucs` exits with; scripts may rely on these numbers. */
export const ExitCode = {
  ok: 0,
  /** A bug or something unforeseen; the message says what. */
  internal: 1,
  /** Bad command line, missing or invalid settings (endpoint, credentials, profile). */
  usage: 2,
  /** The UCS API answered with an error (its code, message and request id are printed). */
  api: 3,
  /** The UCS API could not be reached (refused, DNS, TLS, no answer in time). */
  network: 4,
  /** `--wait` gave up after `--timeout`; the operation goes on at UCS. */
  timeout: 5,
  /** A local file could not be read, parsed, locked or written. */
  localFile: 6,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The table printed by `ucs --help` and written in the README. */
export const exitCodeHelp = `Exit codes:
  0  success
  2  usage error: bad command line, missing or invalid endpoint, credentials or profile
  3  the UCS API answered with an error (its UCS code, message and request id are printed)
  4  network error: the endpoint could not be reached
  5  timeout: --wait gave up (the operation goes on at UCS)
  6  local file error: a kubeconfig or profile file could not be read, parsed, locked or written
  130  interrupted (Ctrl-C)
  1  unexpected internal error`;
