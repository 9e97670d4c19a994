import { SDK_DATE_HEADER } from './constants.js';
import { canonicalRequest, payloadHash } from './canonical.js';
import type { PathStyle } from './canonical-uri.js';
import { formatAuthorizationHeader } from './authorization-header.js';
import { lowerCaseHeaders } from './headers.js';
import { formatSdkDate } from './sdk-date.js';
import { computeSignature } from './signature.js';

export interface SignableRequest {
  /** HTTP method exactly as it will be sent (upper-case). */
  method: string;
  /** Path as it will be sent on the wire (already percent-encoded where needed), without the query. */
  path: string;
  /** Raw query string without `?`, may be ''. */
  query?: string;
  /** Headers that will be sent. Include `host` here if it should be signed. */
  headers: Record<string, string>;
  /** Exact body bytes that will be sent (a string is taken as UTF-8). */
  body?: Uint8Array | string;
}

export interface Credentials {
  accessKey: string;
  secretKey: string;
}

export interface SignOptions {
  /** Signing time; defaults to now. */
  date?: Date;
  /**
   * Header names to sign, exactly (X-Sdk-Date is only signed if listed). Default: every header in
   * `req.headers` except content-type, plus X-Sdk-Date — the same choice as the Go SDK.
   */
  signedHeaders?: string[];
  /** Whose canonical path to sign (see {@link PathStyle}); default `node-sdk`. A verifier of this package takes both. */
  pathStyle?: PathStyle;
}

/**
 * Signs the request and returns the headers to ADD to it: `X-Sdk-Date` and `Authorization`.
 * Any X-Sdk-Date / Authorization already in `req.headers` is ignored (and must be replaced by the returned ones).
 */
export function signRequest(req: SignableRequest, creds: Credentials, opts: SignOptions = {}): Record<string, string> {
  const sdkDate = formatSdkDate(opts.date ?? new Date());
  const headers = lowerCaseHeaders(req.headers);
  headers.delete('authorization');
  headers.set(SDK_DATE_HEADER.toLowerCase(), sdkDate);

  const signedHeaders = opts.signedHeaders
    ? [...new Set(opts.signedHeaders.map((h) => h.toLowerCase()))]
    : [...headers.keys()].filter((h) => h !== 'content-type');
  signedHeaders.sort();

  const canonical = canonicalRequest({
    method: req.method,
    path: req.path,
    pathStyle: opts.pathStyle ?? 'node-sdk',
    query: req.query,
    headers,
    signedHeaders,
    payloadHash: payloadHash(headers, req.body),
  });
  const signature = computeSignature(creds.secretKey, sdkDate, canonical);
  return {
    [SDK_DATE_HEADER]: sdkDate,
    Authorization: formatAuthorizationHeader({ accessKey: creds.accessKey, signedHeaders, signature }),
  };
}
