import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isSignedRequest } from '@ucs-fleet/apig-signer';
import { controlOperationTable } from '@ucs-fleet/types';
import type { RequestHandler } from 'express';
import { unauthorized } from '../domain/errors.js';

/** A fresh control token for a server run that was given none. */
export function newControlToken(): string {
  return `ctl-${randomBytes(24).toString('base64url')}`;
}

const publicPaths = new Set<string>(
  Object.values(controlOperationTable)
    .filter((r) => !r.secured)
    .map((r) => r.path),
);

/**
 * The control API's only credential is its token in X-Control-Token. A request that carries a
 * UCS credential is refused even with the right token: a suite must not be able to mix up the
 * two, and a UCS credential that leaks into a control call should fail loudly.
 */
export function requireControlToken(token: string): RequestHandler {
  const expected = digest(token);
  return (req, _res, next) => {
    if (publicPaths.has(req.path)) return next();
    if (req.get('x-auth-token') !== undefined || isSignedRequest(req.headers)) {
      throw unauthorized('UCS credentials are not accepted on the control API; send the control token in X-Control-Token');
    }
    const given = req.get('x-control-token');
    if (given === undefined) throw unauthorized('send the control token in X-Control-Token');
    // Compared as digests: same length whatever was sent, in constant time.
    if (!timingSafeEqual(digest(given), expected)) throw unauthorized('the X-Control-Token is not the control token of this server');
    next();
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
