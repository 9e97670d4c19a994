import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '@ucs-fleet/server';
import { callApi } from './support/http.js';
import { openRaw, parseRawResponse, waitFor } from './support/fuzz/sockets.js';
import { connectionAnswerProblems } from './support/spec-check.js';
import { startTestServer, token } from './support/test-server.js';

const fleet = '{"metadata":{"name":"never-created"}}';
/** A create-fleet request with credentials: what each row breaks, so that "nothing changed" means something. */
const create = (o: { line?: string; headers?: string; body?: string } = {}) =>
  `${o.line ?? 'POST /v1/clustergroups HTTP/1.1'}\r\nHost: x\r\nX-Auth-Token: ${token}\r\nContent-Type: application/json\r\n${o.headers ?? `Content-Length: ${fleet.length}\r\n`}\r\n${o.body ?? fleet}`;

/** Requests Node's HTTP parser refuses before any operation, and the status each gets. */
const rows: { name: string; bytes: string; status: number; code: string }[] = [
  { name: 'a 20,000-character X-Auth-Token', bytes: create({ headers: `X-Auth-Token: ${'t'.repeat(20_000)}\r\nContent-Length: ${fleet.length}\r\n` }), status: 431, code: 'UCS.00000016' },
  { name: '2,500 headers', bytes: create({ headers: `${Array.from({ length: 2500 }, (_, i) => `X-H${i}: v\r\n`).join('')}Content-Length: ${fleet.length}\r\n` }), status: 431, code: 'UCS.00000016' },
  { name: 'a 100 KB path', bytes: `GET /v1/clustergroups/${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${token}\r\n\r\n`, status: 431, code: 'UCS.00000016' },
  { name: 'a garbage request line', bytes: 'GARBAGE\r\n\r\n', status: 400, code: 'UCS.00000016' },
  { name: 'a space in the path', bytes: create({ line: 'POST /v1/cluster groups HTTP/1.1' }), status: 400, code: 'UCS.00000016' },
  { name: 'Content-Length beside Transfer-Encoding', bytes: create({ headers: `Content-Length: ${fleet.length}\r\nTransfer-Encoding: chunked\r\n`, body: `${fleet.length.toString(16)}\r\n${fleet}\r\n0\r\n\r\n` }), status: 400, code: 'UCS.00000016' },
  { name: 'Expect: 200-ok', bytes: create({ headers: `Expect: 200-ok\r\nContent-Length: ${fleet.length}\r\n` }), status: 417, code: 'UCS.00000016' },
  { name: 'no Host header', bytes: `POST /v1/clustergroups HTTP/1.1\r\nX-Auth-Token: ${token}\r\nContent-Type: application/json\r\nContent-Length: ${fleet.length}\r\n\r\n${fleet}`, status: 400, code: 'UCS.00000016' },
  { name: 'an unknown method', bytes: `BREW /v1/clustergroups HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${token}\r\n\r\n`, status: 400, code: 'UCS.00000016' },
  { name: 'an HTTP/9.9 request line', bytes: create({ line: 'POST /v1/clustergroups HTTP/9.9' }), status: 400, code: 'UCS.00000016' },
  { name: 'a NUL in a header value', bytes: create({ headers: `X-A: a\x00b\r\nContent-Length: ${fleet.length}\r\n` }), status: 400, code: 'UCS.00000016' },
  { name: 'two different Content-Lengths', bytes: create({ headers: `Content-Length: ${fleet.length}\r\nContent-Length: 2\r\n` }), status: 400, code: 'UCS.00000016' },
  { name: 'a CONNECT request', bytes: `CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\nX-Auth-Token: ${token}\r\n\r\n`, status: 405, code: 'UCS.00000013' },
  { name: 'a chunk size that is not hex', bytes: create({ headers: 'Transfer-Encoding: chunked\r\n', body: `zz\r\n${fleet}\r\n0\r\n\r\n` }), status: 400, code: 'UCS.00000012' },
  { name: '20 KB of chunk extensions', bytes: create({ headers: 'Transfer-Encoding: chunked\r\n', body: `${fleet.length.toString(16)};${'e'.repeat(20_000)}\r\n` }), status: 413, code: 'UCS.00000012' },
];

describe('requests the HTTP parser refuses get the UCS error body and an X-Request-Id', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const fleets = async () => (await server.store.listFleets('d1', { limit: 1000, offset: 0, orderBy: 'create_at', order: 'asc' })).total;

  for (const row of rows) {
    test(`${row.name}: ${row.status} ${row.code}, the connection closed, nothing changed`, async () => {
      const before = await fleets();
      const c = await openRaw(server.url);
      c.socket.write(row.bytes, 'latin1');
      try {
        await waitFor(() => parseRawResponse(c.received()) !== undefined, 5000, 'the answer');
        const answer = parseRawResponse(c.received())!;
        assert.equal(answer.status, row.status, c.received().slice(0, 300));
        assert.deepEqual(connectionAnswerProblems(answer), []);
        assert.equal((answer.body as { error_code: string }).error_code, row.code);
        assert.match(answer.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
        assert.equal(answer.headers.get('connection'), 'close');
        await Promise.race([c.closed, new Promise((_, reject) => setTimeout(() => reject(new Error('connection left open')), 5000))]);
      } finally {
        c.socket.destroy();
      }
      assert.equal(await fleets(), before, 'a fleet was created');
      assert.equal((await callApi(server.url, { path: '/healthz' })).status, 200);
    });
  }

  test('the controls: the same create-fleet request, well-formed, is answered 201', async () => {
    const c = await openRaw(server.url);
    c.socket.write(create({ body: '{"metadata":{"name":"well-formed"}}', headers: 'Content-Length: 35\r\n' }));
    try {
      await waitFor(() => parseRawResponse(c.received()) !== undefined, 5000, 'the answer');
      assert.equal(parseRawResponse(c.received())!.status, 201);
    } finally {
      c.socket.destroy();
    }
  });
});
