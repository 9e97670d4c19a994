import type { UcsErrorCode } from '@ucs-fleet/types';

/** An error answer of the UCS API: HTTP status, UCS code, message and the request id to quote. */
export class UcsApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: UcsErrorCode | (string & {}),
    readonly errorMsg: string,
    readonly requestId: string | undefined,
  ) {
    super(`${errorCode}: ${errorMsg} (HTTP ${status}${requestId ? `, request id ${requestId}` : ''})`);
    this.name = 'UcsApiError';
  }

  /** Reads the UCS body, falling back like the official SDKs to `code`/`message`, then the raw text. */
  static fromResponse(response: Response, body: unknown): UcsApiError {
    const requestId = response.headers.get('x-request-id') ?? undefined;
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const code = stringField(fields, 'error_code') ?? stringField(fields, 'code') ?? String(response.status);
    const message = stringField(fields, 'error_msg') ?? stringField(fields, 'message') ?? (typeof body === 'string' && body ? body : response.statusText);
    return new UcsApiError(response.status, code, message, requestId);
  }
}

/** The API could not be reached (refused, reset, DNS, timeout): no HTTP answer at all. */
export class UcsNetworkError extends Error {
  constructor(
    readonly endpoint: string,
    readonly causeCode: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(`cannot reach ${endpoint}${causeCode ? ` (${causeCode})` : ''}`, options);
    this.name = 'UcsNetworkError';
  }
}

function stringField(o: Record<string, unknown>, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}
