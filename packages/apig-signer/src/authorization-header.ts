import { SIGNING_ALGORITHM } from './constants.js';
import type { HeaderValue } from './headers.js';

export interface AuthorizationParts {
  accessKey: string;
  /** Header names exactly as listed (expected lower-case), in order. */
  signedHeaders: string[];
  /** 64 lower-case hex characters. */
  signature: string;
}

export function formatAuthorizationHeader(parts: AuthorizationParts): string {
  return `${SIGNING_ALGORITHM} Access=${parts.accessKey}, SignedHeaders=${parts.signedHeaders.join(';')}, Signature=${parts.signature}`;
}

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/;

/** Returns the parts, or a human-readable reason why the value is not a well-formed SDK-HMAC-SHA256 header. */
export function parseAuthorizationHeader(value: string): AuthorizationParts | string {
  const prefix = SIGNING_ALGORITHM + ' ';
  if (!value.startsWith(prefix)) return `Authorization does not start with "${prefix}"`;
  const fields = new Map<string, string>();
  for (const field of value.slice(prefix.length).split(',')) {
    const eq = field.indexOf('=');
    if (eq < 0) return `Authorization field "${field.trim()}" has no "="`;
    const name = field.slice(0, eq).trim();
    if (fields.has(name)) return `Authorization field ${name} is repeated`;
    fields.set(name, field.slice(eq + 1).trim());
  }
  const accessKey = fields.get('Access');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKey) return 'Authorization has no Access';
  if (!signedHeaders) return 'Authorization has no SignedHeaders';
  if (signature === undefined) return 'Authorization has no Signature';
  if (!/^[0-9a-fA-F]{64}$/.test(signature)) return 'Authorization Signature is not 64 hex characters';
  const names = signedHeaders.split(';');
  const bad = names.find((n) => !HEADER_NAME.test(n));
  if (bad !== undefined) return `Authorization SignedHeaders has an invalid entry "${bad}"`;
  return { accessKey, signedHeaders: names, signature: signature.toLowerCase() };
}

/** True when the request carries an `Authorization: SDK-HMAC-SHA256 …` header (well-formed or not). */
export function isSignedRequest(headers: Readonly<Record<string, HeaderValue>>): boolean {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'authorization' || value === undefined) continue;
    const first = typeof value === 'string' ? value : value[0];
    if (first !== undefined && /^SDK-HMAC-SHA256(\s|$)/.test(first)) return true;
  }
  return false;
}
