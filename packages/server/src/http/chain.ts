import type { RequestHandler } from 'express';

/**
 * Runs middlewares one after another inside a single Express layer. Express allocates about
 * 1 KB per layer a request passes (match result, params, closures); with some 25 layers that was
 * a quarter of the garbage a kubeconfig request made. Errors, thrown or rejected, go to the
 * application's error handler as in Express.
 */
export function chain(handlers: readonly RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    let index = 0;
    const step = (err?: unknown): void => {
      if (err !== undefined && err !== null) return next(err);
      const handler = handlers[index++];
      if (!handler) return next();
      try {
        const result: unknown = handler(req, res, step);
        if (result instanceof Promise) result.catch((e: unknown) => step(e ?? new Error('rejected promise')));
      } catch (e) {
        step(e);
      }
    };
    step();
  };
}
