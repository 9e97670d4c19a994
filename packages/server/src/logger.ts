import { pino, type Logger } from 'pino';

/** JSON logs on stdout. Secrets never reach a log call; the redaction is a second guard. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'ucs-server' },
    redact: {
      paths: ['headers.authorization', 'headers["x-auth-token"]', '*.secretKey', '*.keyPem', '*.token'],
      censor: '[redacted]',
    },
  });
}
