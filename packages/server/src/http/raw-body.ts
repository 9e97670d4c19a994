import express, { type RequestHandler } from 'express';
import { contextOf } from './request-context.js';

/**
 * Reads the body as raw bytes, refusing it (413, before any byte is parsed) when larger than
 * the limit. The raw bytes are kept because AK/SK signatures cover them exactly as sent.
 */
export function rawBody(limitBytes: number): RequestHandler[] {
  return [
    express.raw({ type: () => true, limit: limitBytes }),
    (req, _res, next) => {
      if (Buffer.isBuffer(req.body)) contextOf(req).rawBody = req.body;
      req.body = undefined;
      next();
    },
  ];
}
