import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';
import getRawBody from 'raw-body';
import { bodyTooLarge, invalidBody } from '../domain/errors.js';
import { lingerAfterAnswer } from './raw-answer.js';
import { contextOf } from './request-context.js';

/**
 * Reads the body as raw bytes (AK/SK signatures cover them exactly as sent), decoded by its
 * Content-Encoding, and refuses it with 413 as soon as it is larger than the limit: a declared
 * Content-Length at once, a chunked or compressed body at the first byte past the limit. Either
 * way the connection is closed after the answer rather than read to its end.
 *
 * Written on raw-body (the reader inside express.raw) because express.raw reads a refused body
 * to its end before it answers: a chunked body over the limit kept the server reading, for
 * nothing, until the client stopped or the request timed out.
 */
export function rawBody(limitBytes: number): RequestHandler[] {
  return [
    (req, res, next) => {
      if (Number(req.headers['content-length']) > limitBytes) {
        closeAfterAnswer(req, res);
        throw bodyTooLarge(`larger than ${limitBytes} bytes`);
      }
      next();
    },
    async (req, res, next) => {
      if (!hasBody(req)) return next();
      try {
        contextOf(req).rawBody = await readBody(req, limitBytes);
      } catch (err) {
        closeAfterAnswer(req, res);
        throw err;
      }
      next();
    },
  ];
}

/** The rest of the body is not read: the connection ends after the answer, lingering so the client gets it. */
function closeAfterAnswer(req: Request, res: Response): void {
  res.setHeader('Connection', 'close');
  lingerAfterAnswer(req.socket);
}

/** RFC 9112: a request has a body when it says Transfer-Encoding or a Content-Length. */
function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
}

async function readBody(req: Request, limitBytes: number): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  const decoder = decoderFor(encoding);
  if (decoder) req.pipe(decoder);
  const stream: Readable = decoder ?? req;
  try {
    return await getRawBody(stream, { limit: limitBytes, ...(decoder ? {} : { length: req.headers['content-length'] }) });
  } catch (err) {
    throw readError(err, limitBytes);
  } finally {
    if (decoder) {
      req.unpipe(decoder);
      decoder.on('error', () => {});
      decoder.destroy();
    }
  }
}

function decoderFor(encoding: string): Readable & NodeJS.WritableStream | undefined {
  switch (encoding) {
    case 'identity':
      return undefined;
    case 'gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw invalidBody(`unsupported content encoding "${encoding}"`);
  }
}

/** raw-body's own errors carry a `type`; anything else came from the decoder. */
function readError(err: unknown, limitBytes: number): Error {
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return bodyTooLarge(`larger than ${limitBytes} bytes`);
  if (typeof type === 'string') return invalidBody((err as Error).message);
  return invalidBody('the body cannot be decoded with its Content-Encoding');
}
