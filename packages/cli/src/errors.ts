import { UcsApiError, UcsNetworkError } from '@ucs-fleet/client';
import { ExitCode, type ExitCodeValue } from './exit-codes.js';

/** An error the user can fix, with the exit code it maps to; printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
    /** Extra lines printed under the message (hints), indented. */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export class UsageError extends CliError {
  constructor(message: string, details: string[] = []) {
    super(message, ExitCode.usage, details);
    this.name = 'UsageError';
  }
}

export class LocalFileError extends CliError {
  constructor(message: string, details: string[] = []) {
    super(message, ExitCode.localFile, details);
    this.name = 'LocalFileError';
  }
}

export class WaitTimeoutError extends CliError {
  constructor(message: string, details: string[] = []) {
    super(message, ExitCode.timeout, details);
    this.name = 'WaitTimeoutError';
  }
}

export interface Report {
  exitCode: ExitCodeValue;
  /** What to print on stderr, each line prefixed by the caller. */
  lines: string[];
}

/** How an error thrown by a command is shown and which exit code it gives. Never a stack trace, unless `debug`. */
export function reportError(err: unknown, debug = false): Report {
  if (err instanceof UcsApiError) {
    return {
      exitCode: ExitCode.api,
      lines: [
        `the UCS API refused the request: ${err.errorCode}: ${err.errorMsg}`,
        `  HTTP status: ${err.status}`,
        `  request id:  ${err.requestId ?? '(none in the answer)'}`,
        ...apiHint(err),
      ],
    };
  }
  if (err instanceof UcsNetworkError) {
    const timedOut = (err.cause as { name?: unknown } | undefined)?.name === 'TimeoutError';
    const reason = timedOut ? 'no answer in time' : err.causeCode;
    return {
      exitCode: ExitCode.network,
      lines: [`cannot reach the UCS API at ${err.endpoint}${reason ? ` (${reason})` : ''}`, '  check --endpoint, UCS_ENDPOINT or the profile, and the network'],
    };
  }
  if (err instanceof CliError) return { exitCode: err.exitCode, lines: [err.message, ...err.details.map((d) => `  ${d}`)] };
  const e = err instanceof Error ? err : new Error(String(err));
  return { exitCode: ExitCode.internal, lines: [`internal error: ${e.message}`, ...(debug && e.stack ? [e.stack] : ['  (set UCS_DEBUG=1 for details)'])] };
}

function apiHint(err: UcsApiError): string[] {
  if (err.status === 401) return ['  the credentials were not accepted: check the token or the access key and secret key'];
  if (err.status === 403) return ['  the domain id does not belong to these credentials: check --domain-id / UCS_DOMAIN_ID'];
  return [];
}
