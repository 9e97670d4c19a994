import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { UcsErrorCode } from '@ucs-fleet/types';
import { capConnections } from './connection-cap.js';
import { expressMessageClasses } from './express-prototypes.js';
import { parserRefusal, type ParserLimits } from './parser-refusals.js';
import { answerAndClose } from './raw-answer.js';

export interface HttpServerOptions {
  maxConnections: number;
  logger: Logger;
}

/**
 * Slow clients may not hold a connection for long: the headers must arrive within 5 s of the
 * connection opening, the whole request within 30 s, and Node checks every second (its
 * default, 30 s, let a client that sent a byte every few seconds hold on for up to 40 s).
 */
export const HTTP_LIMITS = {
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  connectionsCheckingIntervalMs: 1_000,
  maxHeaderBytes: 16 * 1024,
} as const;

/**
 * The node:http server around the app. Whatever Node answers on its own, before the app sees a
 * request (a request its parser refuses, a timeout, an Expect it does not know, a connection
 * over the cap), gets the UCS body and an X-Request-Id too (openapi.yaml, x-ucs-connection-answers).
 */
export function createHttpServer(app: Express, o: HttpServerOptions): Server {
  const server = createServer(
    {
      headersTimeout: HTTP_LIMITS.headersTimeoutMs,
      requestTimeout: HTTP_LIMITS.requestTimeoutMs,
      keepAliveTimeout: HTTP_LIMITS.keepAliveTimeoutMs,
      connectionsCheckingInterval: HTTP_LIMITS.connectionsCheckingIntervalMs,
      maxHeaderSize: HTTP_LIMITS.maxHeaderBytes,
      // Answered below with the UCS body; Node's own answer is a bare 400.
      requireHostHeader: false,
      ...expressMessageClasses(app),
    },
    (req, res) => (isMissingHost(req) ? answerMissingHost(res, o.logger) : app(req, res)),
  );
  const limits: ParserLimits = { maxHeaderBytes: HTTP_LIMITS.maxHeaderBytes, headersTimeoutMs: HTTP_LIMITS.headersTimeoutMs, requestTimeoutMs: HTTP_LIMITS.requestTimeoutMs };
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => answerClientError(err, socket, limits, o.logger));
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => answerExpectation(req, res, o.logger));
  // Without a listener Node closes a CONNECT request's connection without a word.
  server.on('connect', (_req: IncomingMessage, socket: Socket) => {
    const requestId = randomUUID();
    o.logger.info({ requestId, status: 405 }, 'request refused before routing');
    answerAndClose(socket, { status: 405, code: 'UCS.00000013', message: 'No requested resources found: CONNECT is not allowed on this server' }, requestId);
  });
  capConnections(server, o.maxConnections, o.logger);
  return server;
}

function answerClientError(err: NodeJS.ErrnoException, socket: Socket, limits: ParserLimits, logger: Logger): void {
  // A peer that reset the connection hears nothing; neither does one whose answer has begun
  // (Node's own rule: a second status line would corrupt it).
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const answer = parserRefusal(err as NodeJS.ErrnoException & { reason?: string }, limits);
  const requestId = randomUUID();
  logger.info({ requestId, status: answer.status, parserError: err.code }, 'request refused before routing');
  answerAndClose(socket, answer, requestId);
}

/** Node answers an Expect other than 100-continue with a bare 417 unless this listener does. */
function answerExpectation(req: IncomingMessage, res: ServerResponse, logger: Logger): void {
  const requestId = randomUUID();
  const expect = String(req.headers.expect ?? '').slice(0, 64);
  logger.info({ requestId, status: 417 }, 'request refused before routing');
  sendJson(res, 417, { error_code: 'UCS.00000016', error_msg: `Invalid header value: Expect ${expect} is not supported; only 100-continue is` }, requestId);
}

/** HTTP/1.1 requires a Host header (RFC 9112, 3.2). */
function isMissingHost(req: IncomingMessage): boolean {
  return req.httpVersion === '1.1' && req.headers.host === undefined;
}

function answerMissingHost(res: ServerResponse, logger: Logger): void {
  const requestId = randomUUID();
  logger.info({ requestId, status: 400 }, 'request refused before routing');
  sendJson(res, 400, { error_code: 'UCS.00000016', error_msg: 'Invalid header value: an HTTP/1.1 request must have a Host header' }, requestId);
}

function sendJson(res: ServerResponse, status: number, body: { error_code: UcsErrorCode; error_msg: string }, requestId: string): void {
  const text = JSON.stringify(body);
  res.shouldKeepAlive = false;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'X-Request-Id': requestId, Connection: 'close' });
  res.end(text);
}
