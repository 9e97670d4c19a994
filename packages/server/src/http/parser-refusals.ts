import type { RawAnswer } from './raw-answer.js';

/** What the server is configured to refuse, for the messages. */
export interface ParserLimits {
  maxHeaderBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

/** What Node's HTTP parser reports: llhttp's code (`HPE_…`) and its fixed reason text. */
export interface ParserError {
  code?: string | undefined;
  reason?: string | undefined;
}

/** llhttp codes of a body that is not what its framing says. */
const BODY_ERRORS = new Set(['HPE_INVALID_CHUNK_SIZE', 'HPE_STRICT', 'HPE_INVALID_EOF_STATE']);

/**
 * The UCS answer to a request Node's HTTP parser refused (its `clientError`), with the status
 * Node itself would send and the codes openapi.yaml lists in x-ucs-connection-answers: the
 * request line and headers are `UCS.00000016`, a malformed body `UCS.00000012`. The message
 * quotes llhttp's reason (fixed text), never the request's bytes, which may hold a token.
 */
export function parserRefusal(err: ParserError, limits: ParserLimits): RawAnswer {
  const code = err.code ?? '';
  const reason = err.reason ?? code;
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, code: 'UCS.00000016', message: `Invalid header value: the request line and headers are larger than ${limits.maxHeaderBytes} bytes` };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        code: 'UCS.00000016',
        message: `Invalid header value: the request did not arrive in time (headers within ${limits.headersTimeoutMs / 1000} s, the whole request within ${limits.requestTimeoutMs / 1000} s)`,
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, code: 'UCS.00000012', message: 'Invalid request body: chunk extensions are too large' };
  }
  if (BODY_ERRORS.has(code)) return { status: 400, code: 'UCS.00000012', message: `Invalid request body: ${reason}` };
  return { status: 400, code: 'UCS.00000016', message: `Invalid header value: the request is not valid HTTP/1.1: ${reason}` };
}
