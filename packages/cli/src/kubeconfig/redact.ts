import { createHmac, randomBytes } from 'node:crypto';

/** Keys whose values are secrets: client keys, tokens, passwords, client secrets. */
const secretKey = /key-data$|^token$|-token$|password|secret/i;
/** Keys whose values are long but public (certificates): shortened, not hidden. */
const bulkyKey = /-data$/i;

/**
 * A deep copy with secrets replaced by `<secret #fingerprint>` and certificates by
 * `<N chars #fingerprint>`. The fingerprint is keyed by a random key made per process, so equal
 * values show equal fingerprints within one output, yet nothing about a secret can be learned.
 */
export function redactSecrets(value: unknown, fingerprint: (text: string) => string = processFingerprint): unknown {
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, fingerprint));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' && secretKey.test(key)) out[key] = `<secret #${fingerprint(v)}>`;
    else if (typeof v === 'string' && bulkyKey.test(key) && v.length > 64) out[key] = `<${v.length} chars #${fingerprint(v)}>`;
    else out[key] = redactSecrets(v, fingerprint);
  }
  return out;
}

const processKey = randomBytes(32);

function processFingerprint(text: string): string {
  return createHmac('sha256', processKey).update(text).digest('hex').slice(0, 8);
}
