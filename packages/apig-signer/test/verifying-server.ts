import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyRequest, type ReceivedRequest, type VerifyResult } from '@ucs-fleet/apig-signer';

export interface VerifiedExchange {
  request: ReceivedRequest;
  result: VerifyResult;
}

/** Reads a Node request the way a real server would: raw path/query split, exact body bytes. */
export async function toReceivedRequest(req: IncomingMessage): Promise<ReceivedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? '' : target.slice(q + 1),
    headers: req.headers,
    rawBody: Buffer.concat(chunks),
  };
}

/**
 * Test server on 127.0.0.1 that verifies every request: 200 `{ accessKey }` when valid,
 * 401 `{ error_code: reason, error_msg: message }` otherwise. `exchanges` records everything.
 */
export async function startVerifyingServer(lookupSecret: (ak: string) => string | undefined) {
  const exchanges: VerifiedExchange[] = [];
  const server = createServer((req, res) => {
    toReceivedRequest(req).then((request) => {
      const result = verifyRequest(request, lookupSecret);
      exchanges.push({ request, result });
      const payload = result.ok ? { accessKey: result.accessKey } : { error_code: result.reason, error_msg: result.message };
      res.writeHead(result.ok ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    }, (err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
