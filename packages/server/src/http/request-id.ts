import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { contextOf } from './request-context.js';

/** Gives every request an id, sent back in X-Request-Id on every response, errors included. */
export const requestId: RequestHandler = (req, res, next) => {
  const id = randomUUID();
  contextOf(req).requestId = id;
  res.setHeader('X-Request-Id', id);
  next();
};
