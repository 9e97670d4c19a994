import { isSignedRequest, verifyRequest } from '@ucs-fleet/apig-signer';
import type { Request, RequestHandler } from 'express';
import type { Caller } from '../domain/caller.js';
import type { CredentialRegistry } from '../domain/credentials.js';
import { forbidden, unauthorized } from '../domain/errors.js';
import { contextOf } from './request-context.js';

export interface AuthOptions {
  credentials: CredentialRegistry;
  /** Paths of the operations that need no credentials. */
  isPublic: (path: string) => boolean;
  now: () => number;
}

/**
 * Finds the caller from a token or an AK/SK signature. The rule when both are sent: a
 * signature, once present, must verify (a valid token does not excuse a bad signature), and
 * both must name the same caller.
 */
export function authenticate(o: AuthOptions): RequestHandler {
  return (req, _res, next) => {
    if (o.isPublic(req.path)) return next();
    const caller = callerOf(req, o);
    const domainHeader = req.get('x-domain-id');
    if (domainHeader !== undefined && domainHeader !== caller.domainId) {
      throw forbidden('X-Domain-Id is not the account of the credentials');
    }
    contextOf(req).caller = caller;
    next();
  };
}

function callerOf(req: Request, o: AuthOptions): Caller {
  const token = req.get('x-auth-token');
  const fromToken = token === undefined ? undefined : o.credentials.callerForToken(token);
  if (token !== undefined && !fromToken) throw unauthorized('the X-Auth-Token is not known');
  if (!isSignedRequest(req.headers)) {
    if (fromToken) return fromToken;
    throw unauthorized('send an X-Auth-Token or an SDK-HMAC-SHA256 signed request');
  }
  const fromSignature = callerFromSignature(req, o);
  if (fromToken && !sameCaller(fromToken, fromSignature)) {
    throw unauthorized('the X-Auth-Token and the signature name different callers');
  }
  return fromSignature;
}

function callerFromSignature(req: Request, o: AuthOptions): Caller {
  const queryAt = req.originalUrl.indexOf('?');
  const result = verifyRequest(
    {
      method: req.method,
      path: req.path,
      query: queryAt < 0 ? '' : req.originalUrl.slice(queryAt + 1),
      headers: req.headers,
      rawBody: contextOf(req).rawBody,
    },
    (ak) => o.credentials.secretKeyOf(ak),
    { now: new Date(o.now()) },
  );
  if (!result.ok) throw unauthorized(result.message);
  const caller = o.credentials.callerForAccessKey(result.accessKey);
  if (!caller) throw unauthorized('the access key is not known');
  return caller;
}

function sameCaller(a: Caller, b: Caller): boolean {
  return a.domainId === b.domainId && a.userName === b.userName;
}
