import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/** A secret and the forms in which it could leak into a log line or a file. */
export interface Secret {
  what: string;
  forms: Buffer[];
}

/** A text secret (token, secret key, signature): the text itself. */
export function textSecret(what: string, value: string): Secret {
  return { what, forms: [Buffer.from(value, 'utf8')] };
}

/**
 * A private key, in every form it could be written: the PEM's base64, the base64 of the whole
 * PEM as a kubeconfig carries it, and the raw private scalar (JWK `d`) in bytes, hex and
 * base64(url), so that a key stored in any encoding is found. Slices are taken from the
 * middle: the start of every P-256 PKCS#8 key is the same ASN.1 header.
 */
export function keySecret(what: string, pem: string): Secret {
  const body = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  const asKubeconfig = Buffer.from(pem, 'utf8').toString('base64');
  const middle = (s: string) => s.slice(Math.floor(s.length / 2) - 24, Math.floor(s.length / 2) + 24);
  const d = Buffer.from((createPrivateKey(pem).export({ format: 'jwk' }) as { d?: string }).d ?? '', 'base64url');
  const scalar = d.subarray(0, 32);
  return {
    what,
    forms: [
      Buffer.from(middle(body)),
      Buffer.from(middle(asKubeconfig)),
      scalar,
      Buffer.from(scalar.toString('hex')),
      Buffer.from(scalar.toString('base64url').slice(0, 40)),
      Buffer.from(scalar.toString('base64').slice(0, 40)),
    ],
  };
}

/** The secrets found in the haystack, by name (none expected). Forms under 8 bytes are too short to mean anything. */
export function leaks(haystack: Buffer, secrets: Secret[]): string[] {
  return secrets.filter((s) => s.forms.some((f) => f.length >= 8 && haystack.includes(f))).map((s) => s.what);
}

/** The raw bytes of the database and its WAL and shared-memory files, as they are on disk. */
export function databaseBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}
