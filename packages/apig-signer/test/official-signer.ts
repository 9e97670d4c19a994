/**
 * Test-only helpers around the OFFICIAL Huawei Cloud Node SDK signer
 * (`@huaweicloud/huaweicloud-sdk-core` AKSKSigner), for cross-checking our signer and verifier.
 *
 * How the SDK signs (core 3.1.211, auth/AKSKSigner.js + BaseCredentials.processAuthRequest):
 * - signs EVERY header it is handed, plus `host` (from a `host` header, else the endpoint URL's
 *   host incl. an explicit port) and `X-Sdk-Date`; it drops `content-type` only for multipart.
 *   The generated clients hand it `content-type`, `X-Project-Id`/`X-Domain-Id`, `X-Security-Token`
 *   and, for non-JSON bodies, `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`. `User-Agent` is added
 *   after signing, so it is not signed.
 * - path: legacy `url.parse(endpoint).pathname`, then every segment percent-encoded WITHOUT
 *   decoding first (so `%20` is signed as `%2520`).
 * - body: hashes `JSON.stringify(request.data)`, never raw bytes, so only JSON values can be signed.
 * - header values are not trimmed.
 */
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { GlobalCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { ClientBuilder } from '@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js';
import { Logger4jInstance } from '@huaweicloud/huaweicloud-sdk-core/logger/log4jLogger.js';
import type { HcClient } from '@huaweicloud/huaweicloud-sdk-core/HcClient.js';
import { formatSdkDate } from '@ucs-fleet/apig-signer';

export interface OfficialSignInput {
  method: string;
  /** Absolute URL, query included, e.g. `http://127.0.0.1:8080/v1/clustergroups?limit=1`. */
  url: string;
  /** Headers to sign, e.g. `{ 'content-type': 'application/json', 'X-Domain-Id': 'd' }`. */
  headers?: Record<string, string>;
  /**
   * JSON body: a value (sent as `JSON.stringify(body)`) or its exact compact JSON text.
   * With an `X-Sdk-Content-Sha256` header any string/bytes are allowed and the body is not hashed.
   */
  body?: unknown;
  ak: string;
  sk: string;
  /** Signing time; defaults to now. */
  date?: Date;
}

export interface OfficialSignedRequest {
  method: string;
  url: string;
  /** Every header to send: the input headers plus `host`, `X-Sdk-Date` and `Authorization`. */
  headers: Record<string, string>;
  /** Exact body to send, or undefined for none. */
  body: string | Uint8Array | undefined;
}

// The SDK logs every refused call to stdout with its whole request config (~60 lines); the
// tests read the rejection itself, so a negative test's expected refusal stays out of the output.
Logger4jInstance.level = 'off';

// The SDK looks these up with exactly this spelling.
const SDK_HEADER_SPELLING: Record<string, string> = {
  host: 'host',
  'x-sdk-date': 'X-Sdk-Date',
  'x-sdk-content-sha256': 'X-Sdk-Content-Sha256',
};

/** Signs with the official SDK and returns a request ready to send (e.g. with `fetch` or `node:http`). */
export function officialSdkRequest(input: OfficialSignInput): OfficialSignedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    headers[SDK_HEADER_SPELLING[name.toLowerCase()] ?? name] = value;
  }
  if (input.date) headers['X-Sdk-Date'] = formatSdkDate(input.date);

  let data: unknown;
  let body: string | Uint8Array | undefined;
  if (input.body !== undefined) {
    if (headers['X-Sdk-Content-Sha256'] !== undefined) {
      body = typeof input.body === 'string' || input.body instanceof Uint8Array ? input.body : JSON.stringify(input.body);
    } else if (typeof input.body === 'string' || input.body instanceof Uint8Array) {
      const text = typeof input.body === 'string' ? input.body : Buffer.from(input.body).toString('utf8');
      data = JSON.parse(text);
      if (JSON.stringify(data) !== text) {
        throw new Error('the official SDK hashes JSON.stringify(data): give the body as a value or as compact JSON text');
      }
      body = text;
    } else {
      data = input.body;
      body = JSON.stringify(data);
    }
  }

  const q = input.url.indexOf('?');
  const endpoint = q < 0 ? input.url : input.url.slice(0, q);
  const queryParams: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(q < 0 ? '' : input.url.slice(q + 1))) {
    const prev = queryParams[key];
    queryParams[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }

  const credential = new GlobalCredentials().withAk(input.ak).withSk(input.sk);
  const signed = AKSKSigner.sign({ endpoint, method: input.method, headers, queryParams, data }, credential) as Record<string, string>;
  return { method: input.method, url: input.url, headers: { ...signed }, body };
}

/** Signs with the official SDK; returns every header to send (input headers + host + X-Sdk-Date + Authorization). */
export function signWithOfficialSdk(input: OfficialSignInput): Record<string, string> {
  return officialSdkRequest(input).headers;
}

export interface OfficialClientOptions {
  /** e.g. `http://127.0.0.1:8080` */
  endpoint: string;
  ak: string;
  sk: string;
  /** Sent (and signed) as X-Domain-Id; set so the SDK never calls IAM. */
  domainId?: string;
}

export interface OfficialCall {
  method: string;
  /** URL template relative to the endpoint, e.g. `/v1/clustergroups/{id}`. */
  url: string;
  pathParams?: Record<string, string>;
  queryParams?: Record<string, string | number | boolean | Array<string | number | boolean>>;
  headers?: Record<string, string>;
  /** JSON body (the SDK serialises it). */
  data?: Record<string, unknown>;
  contentType?: string;
}

/**
 * Builds the SDK's own HTTP client (HcClient + axios, as generated service clients do) with
 * AK/SK global credentials. `call` sends one request and resolves to the parsed response body
 * (with `httpStatusCode`); non-2xx statuses reject with the SDK's exception
 * (`ClientRequestException`/`ServerResponseException`, carrying `httpStatusCode` and `errorCode`).
 */
export function officialSdkClient(opts: OfficialClientOptions): { call: (req: OfficialCall) => Promise<Record<string, unknown>> } {
  const credential = new GlobalCredentials().withAk(opts.ak).withSk(opts.sk).withDomainId(opts.domainId ?? 'test-domain-id');
  const hcClient = new ClientBuilder<HcClient>((c) => c).withEndpoint(opts.endpoint).withCredential(credential).build();
  return {
    call: (req) =>
      hcClient.sendRequest({
        method: req.method,
        url: req.url,
        pathParams: req.pathParams ?? {},
        queryParams: req.queryParams ?? {},
        headers: { ...req.headers },
        contentType: req.contentType ?? 'application/json',
        ...(req.data !== undefined ? { data: req.data } : {}),
      }) as Promise<Record<string, unknown>>,
  };
}
