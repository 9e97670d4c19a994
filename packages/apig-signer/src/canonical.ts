import { createHash } from 'node:crypto';
import { CONTENT_SHA256_HEADER } from './constants.js';
import { canonicalUriFor, type PathStyle } from './canonical-uri.js';
import { percentEncode } from './encode.js';
import { lowerCaseHeaders } from './headers.js';

/**
 * Decodes the raw query string (`+` is a space, as clients send it), then sorts keys and the
 * values of each key and re-encodes both with {@link percentEncode}.
 */
export function canonicalQuery(rawQuery: string | undefined): string {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(rawQuery ?? '')) {
    const values = byKey.get(key);
    if (values) values.push(value);
    else byKey.set(key, [value]);
  }
  const parts: string[] = [];
  for (const key of [...byKey.keys()].sort()) {
    for (const value of byKey.get(key)!.sort()) parts.push(`${percentEncode(key)}=${percentEncode(value)}`);
  }
  return parts.join('&');
}

/** `name:trimmed value\n` for each signed header (lower-case names), in the given order. */
export function canonicalHeaders(headers: ReadonlyMap<string, string>, signedHeaders: readonly string[]): string {
  return signedHeaders
    .map((name) => {
      const value = headers.get(name);
      if (value === undefined) throw new Error(`signed header "${name}" is not present`);
      return `${name}:${value.trim()}\n`;
    })
    .join('');
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What a signer puts in the canonical request: `X-Sdk-Content-Sha256` verbatim when present (e.g. `UNSIGNED-PAYLOAD`), else SHA-256 of the raw body. */
export function payloadHash(headers: ReadonlyMap<string, string>, body: Uint8Array | string | undefined): string {
  return headers.get(CONTENT_SHA256_HEADER.toLowerCase()) ?? sha256Hex(body ?? '');
}

export interface CanonicalRequestInput {
  method: string;
  /** Path as sent on the wire, without the query. */
  path: string;
  /** Raw query string without `?`. */
  query?: string;
  /** Request headers: a map keyed by lower-case name, or a plain record (names in any case). */
  headers: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Lower-case header names, in the order they are listed in `SignedHeaders`. */
  signedHeaders: readonly string[];
  payloadHash: string;
  /** Which SDK's canonical URI to build; default `node-sdk`. */
  pathStyle?: PathStyle;
}

export function canonicalRequest(input: CanonicalRequestInput): string {
  const headers = input.headers instanceof Map ? input.headers : lowerCaseHeaders(input.headers as Record<string, string>);
  return [
    input.method,
    canonicalUriFor(input.path, input.pathStyle ?? 'node-sdk'),
    canonicalQuery(input.query),
    canonicalHeaders(headers, input.signedHeaders),
    input.signedHeaders.join(';'),
    input.payloadHash,
  ].join('\n');
}
