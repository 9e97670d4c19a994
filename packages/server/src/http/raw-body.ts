import express, { type RequestHandler } from 'express';
import { bodyTooLarge } from '../domain/errors.js';
import { contextOf } from './request-context.js';

/**
 * Reads the body as raw bytes, refusing it (413, before any byte is parsed) when larger than
 * the limit. The raw bytes are kept because AK/SK signatures cover them exactly as sent.
 */
export function rawBody(limitBytes: number): RequestHandler[] {
  return [
    // A declared length over the limit is refused at once and the connection closed: the body
    // parser would first read (and discard) all of it, and keep a client that only sent its
    // headers waiting until the request timeout.
    (req, res, next) => {
      if (Number(req.headers['content-length']) > limitBytes) {
        res.setHeader('Connection', 'close');
        throw bodyTooLarge(`larger than ${limitBytes} bytes`);
      }
      next();
    },
    express.raw({ type: () => true, limit: limitBytes }),
    (req, _res, next) => {
      if (Buffer.isBuffer(req.body)) contextOf(req).rawBody = req.body;
      req.body = undefined;
      next();
    },
  ];
}
