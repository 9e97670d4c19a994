import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { contextOf } from './request-context.js';

/** One line per request: never headers, bodies or query values, which may carry secrets. */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ctx = contextOf(req);
      logger.info({
        requestId: ctx.requestId,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        domainId: ctx.caller?.domainId,
      });
    });
    next();
  };
}
