import { timingSafeEqual } from 'node:crypto';
import { DEFAULT_MAX_SKEW_MS, SDK_DATE_HEADER } from './constants.js';
import { canonicalRequest } from './canonical.js';
import { acceptedCanonicalUris, type PathStyle } from './canonical-uri.js';
import { parseAuthorizationHeader } from './authorization-header.js';
import { lowerCaseHeaders, type HeaderValue } from './headers.js';
import { receivedPayloadHash } from './payload-hash.js';
import { parseSdkDate } from './sdk-date.js';
import { computeSignature } from './signature.js';

export type VerifyFailure =
  | 'malformed-authorization'
  | 'unknown-access-key'
  | 'missing-date'
  | 'stale-date'
  | 'missing-signed-header'
  | 'bad-content-hash'
  | 'bad-signature';

export type VerifyResult =
  /** `pathStyle`: the SDK canonical path form the signature was made with. */
  | { ok: true; accessKey: string; pathStyle: PathStyle }
  /** `message` names the failed check; it never contains the expected signature. */
  | { ok: false; reason: VerifyFailure; message: string };

export interface ReceivedRequest {
  method: string;
  /** Path exactly as received (not URL-decoded), without the query. */
  path: string;
  /** Raw query string without `?`, '' for none. */
  query: string;
  /** Received headers, e.g. Node's `IncomingMessage.headers`. */
  headers: Record<string, HeaderValue>;
  /** Exact received body bytes; empty for none. */
  rawBody: Uint8Array;
}

export interface VerifyOptions {
  now?: Date;
  /** Allowed distance between X-Sdk-Date and `now`, either direction; default 15 minutes. */
  maxSkewMs?: number;
}

export function verifyRequest(
  req: ReceivedRequest,
  lookupSecret: (accessKey: string) => string | undefined,
  opts: VerifyOptions = {},
): VerifyResult {
  const fail = (reason: VerifyFailure, message: string): VerifyResult => ({ ok: false, reason, message });

  let headers: Map<string, string>;
  try {
    headers = lowerCaseHeaders(req.headers);
  } catch (err) {
    return fail('malformed-authorization', (err as Error).message);
  }

  const authorization = headers.get('authorization');
  if (authorization === undefined) return fail('malformed-authorization', 'Authorization header is missing');
  const auth = parseAuthorizationHeader(authorization);
  if (typeof auth === 'string') return fail('malformed-authorization', auth);

  const secretKey = lookupSecret(auth.accessKey);
  if (secretKey === undefined) return fail('unknown-access-key', `access key "${auth.accessKey}" is not known`);

  const sdkDate = headers.get(SDK_DATE_HEADER.toLowerCase());
  if (sdkDate === undefined) return fail('missing-date', `${SDK_DATE_HEADER} header is missing`);
  const signedAt = parseSdkDate(sdkDate.trim());
  if (!signedAt) return fail('missing-date', `${SDK_DATE_HEADER} is not in YYYYMMDDTHHMMSSZ format`);

  const now = opts.now ?? new Date();
  const maxSkewMs = opts.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const skewMs = signedAt.getTime() - now.getTime();
  if (Math.abs(skewMs) > maxSkewMs) {
    const direction = skewMs > 0 ? 'ahead of' : 'behind';
    return fail('stale-date', `${SDK_DATE_HEADER} is ${Math.round(Math.abs(skewMs) / 1000)} s ${direction} server time (allowed ${maxSkewMs / 1000} s)`);
  }

  const missing = auth.signedHeaders.filter((name) => !headers.has(name));
  if (missing.length > 0) return fail('missing-signed-header', `signed header(s) not present in the request: ${missing.join(', ')}`);

  const payload = receivedPayloadHash(headers, auth.signedHeaders, req.rawBody);
  if (!payload.ok) return fail('bad-content-hash', payload.message);

  const received = Buffer.from(auth.signature, 'utf8');
  // Most paths give both SDKs the same canonical URI: one HMAC is enough then.
  for (const { pathStyle } of acceptedCanonicalUris(req.path)) {
    const canonical = canonicalRequest({
      method: req.method,
      path: req.path,
      pathStyle,
      query: req.query,
      headers,
      signedHeaders: auth.signedHeaders,
      payloadHash: payload.hash,
    });
    const expected = Buffer.from(computeSignature(secretKey, sdkDate.trim(), canonical), 'utf8');
    // Both are 64 lower-case hex chars here (the parser enforces it), so lengths always match.
    if (expected.length === received.length && timingSafeEqual(expected, received)) {
      return { ok: true, accessKey: auth.accessKey, pathStyle };
    }
  }
  return fail('bad-signature', 'signature does not match the request (method, path, query, signed headers, body or date differ)');
}
