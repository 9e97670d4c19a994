import { signRequest } from '@ucs-fleet/apig-signer';
import type { Middleware } from 'openapi-fetch';

/** Adds the IAM token header. */
export function tokenMiddleware(token: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('X-Auth-Token', token);
      return request;
    },
  };
}

/** Adds X-Domain-Id, which the official SDKs send for UCS, a global service. */
export function domainMiddleware(domainId: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('X-Domain-Id', domainId);
      return request;
    },
  };
}

/**
 * Signs the request with AK/SK (SDK-HMAC-SHA256). It must run last, once every header and the
 * body are final. Host is signed as fetch will send it (from the URL).
 */
export function akskMiddleware(accessKey: string, secretKey: string, now: () => Date = () => new Date()): Middleware {
  return {
    async onRequest({ request }) {
      const url = new URL(request.url);
      const body = request.body ? new Uint8Array(await request.clone().arrayBuffer()) : new Uint8Array();
      const headers: Record<string, string> = { host: url.host };
      request.headers.forEach((value, name) => {
        if (name !== 'content-type') headers[name] = value;
      });
      const added = signRequest(
        { method: request.method, path: url.pathname, query: url.search.slice(1), headers, body },
        { accessKey, secretKey },
        { date: now() },
      );
      for (const [name, value] of Object.entries(added)) request.headers.set(name, value);
      return request;
    },
  };
}
