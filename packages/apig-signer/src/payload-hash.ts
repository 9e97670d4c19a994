import { timingSafeEqual } from 'node:crypto';
import { sha256Hex } from './canonical.js';
import { CONTENT_SHA256_HEADER, UNSIGNED_PAYLOAD } from './constants.js';

const HEADER = CONTENT_SHA256_HEADER.toLowerCase();

/**
 * The payload hash a verifier may put in the canonical request. `X-Sdk-Content-Sha256` replaces
 * the body's hash only when the signature covers it, and only as `UNSIGNED-PAYLOAD` or as the
 * SHA-256 of the bytes actually received: taken verbatim, a captured signature would cover any
 * body sent beside the original hash. Returns the hash, or why the header is refused.
 */
export function receivedPayloadHash(
  headers: ReadonlyMap<string, string>,
  signedHeaders: readonly string[],
  rawBody: Uint8Array,
): { ok: true; hash: string } | { ok: false; message: string } {
  const bodyHash = sha256Hex(rawBody);
  const declared = headers.get(HEADER);
  if (declared === undefined) return { ok: true, hash: bodyHash };
  if (!signedHeaders.includes(HEADER)) {
    return { ok: false, message: `${CONTENT_SHA256_HEADER} is sent but not among SignedHeaders` };
  }
  if (declared === UNSIGNED_PAYLOAD) return { ok: true, hash: declared };
  if (!sameText(declared.toLowerCase(), bodyHash)) {
    return { ok: false, message: `${CONTENT_SHA256_HEADER} is neither ${UNSIGNED_PAYLOAD} nor the SHA-256 of the body received` };
  }
  return { ok: true, hash: declared };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
