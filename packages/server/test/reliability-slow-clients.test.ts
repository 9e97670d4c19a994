import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import type { RunningServer } from '@ucs-fleet/server';
import { recordFigures } from './support/fuzz/figures.js';
import { capturingHttpServers, openRaw, parseRawResponse, waitFor, type RawExchange } from './support/fuzz/sockets.js';
import { WireClient } from './support/fuzz/wire.js';
import { connectionAnswerProblems, specProblems } from './support/spec-check.js';
import { readyFleetId, startTestServer, token } from './support/test-server.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const idleConnections = 200;
const figures: Record<string, unknown> = {};

after(() => recordFigures('slow-clients', figures));

describe('slow and abusive clients', { concurrency: true }, () => {
  let running: RunningServer;
  let server: Server;
  before(async () => {
    const { result, servers } = await capturingHttpServers(() => startTestServer());
    running = result;
    const found = servers.find((s) => (s.address() as { port?: number } | null)?.port === running.port);
    assert.ok(found, 'the HTTP server startServer created');
    server = found;
  });
  after(() => running.close());

  test('header, request and keep-alive timeouts are set and bounded; the header timeout is short and checked every second or two', () => {
    const interval = (server as Server & { connectionsCheckingInterval?: number }).connectionsCheckingInterval ?? 30_000;
    assert.ok(server.headersTimeout > 0 && server.headersTimeout <= 10_000, `headersTimeout ${server.headersTimeout} ms`);
    assert.ok(interval <= 2000, `connectionsCheckingInterval ${interval} ms`);
    assert.ok(server.requestTimeout > 0 && server.requestTimeout <= 120_000, `requestTimeout ${server.requestTimeout} ms`);
    assert.ok(server.headersTimeout <= server.requestTimeout, 'headers must arrive within the request time');
    assert.ok(server.keepAliveTimeout > 0 && server.keepAliveTimeout <= 60_000, `keepAliveTimeout ${server.keepAliveTimeout} ms`);
    Object.assign(figures, { headersTimeoutMs: server.headersTimeout, requestTimeoutMs: server.requestTimeout, keepAliveTimeoutMs: server.keepAliveTimeout, connectionsCheckingIntervalMs: interval });
  });

  test('a client that sends its headers one byte a second is cut off once headersTimeout has passed', async () => {
    // Node enforces the timeout on a periodic check (connectionsCheckingInterval).
    const interval = (server as Server & { connectionsCheckingInterval?: number }).connectionsCheckingInterval ?? 30_000;
    const slow = await openRaw(running.url);
    slow.socket.write(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: `);
    const drip = setInterval(() => slow.socket.writable && slow.socket.write('a'), 1000);
    try {
      const elapsed = await Promise.race([slow.closed, new Promise<number>((_, reject) => setTimeout(() => reject(new Error('never cut off')), server.headersTimeout + interval + 5000))]);
      assert.ok(elapsed >= server.headersTimeout - 1000, `cut off after ${Math.round(elapsed)} ms, not before headersTimeout`);
      const answer = parseRawResponse(slow.received());
      assert.equal(answer?.status, 408, `the server answers 408 Request Timeout and closes: ${slow.received()}`);
      assert.deepEqual(connectionAnswerProblems(answer!), []);
      figures.slowHeadersCutOffAfterMs = Math.round(elapsed);
    } finally {
      clearInterval(drip);
      slow.socket.destroy();
    }
  });

  test('a request declaring a 10 MB body gets 413 as soon as its headers arrive, without the body being sent', async () => {
    for (const credentials of [`X-Auth-Token: ${token}\r\n`, '']) {
      const c = await openRaw(running.url);
      const started = performance.now();
      c.socket.write(
        `POST /v1/clustergroups/${readyFleetId}/kubeconfig HTTP/1.1\r\nHost: x\r\n${credentials}Content-Type: application/json\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`,
      );
      try {
        await waitFor(() => /\r\n\r\n\{.*\}$/s.test(c.received()), 3000, 'the 413 answer');
        const ms = performance.now() - started;
        const [head, body] = c.received().split('\r\n\r\n');
        assert.match(head!, /^HTTP\/1\.1 413 /);
        assert.match(head!, /\r\nx-request-id: \S+/i);
        assert.match(head!, /\r\nconnection: close/i, 'the connection is closed, so the client need not send the 10 MB');
        assert.deepEqual(
          specProblems({ method: 'POST', url: `/v1/clustergroups/${readyFleetId}/kubeconfig`, status: 413, headers: headersOf(head!), body: JSON.parse(body!) }),
          [],
        );
        assert.equal((JSON.parse(body!) as { error_code: string }).error_code, 'UCS.00000012');
        await Promise.race([c.closed, new Promise((_, reject) => setTimeout(() => reject(new Error('connection left open')), 3000))]);
        figures.oversizeBody413Ms = Math.round(ms);
      } finally {
        c.socket.destroy();
      }
    }
  });

  const limit = 64 * 1024;
  const gzippedZeros = gzipSync(Buffer.alloc(4 * 1024 * 1024));
  /** Bodies over the limit that declare no length: each must be cut off at the limit, not read to its end. */
  const streamedBodies: { name: string; headers: string; chunk: () => Buffer; first: Buffer }[] = [
    { name: 'chunked, one chunk past the limit, then silence', headers: '', first: Buffer.alloc(limit + 1, 0x61), chunk: () => Buffer.alloc(0) },
    { name: 'chunked, without credentials, 1 KB chunks without end', headers: 'no-credentials', first: Buffer.alloc(limit - 512, 0x61), chunk: () => Buffer.alloc(1024, 0x61) },
    { name: 'chunked gzip that inflates past the limit', headers: 'Content-Encoding: gzip\r\n', first: gzippedZeros, chunk: () => Buffer.alloc(0) },
  ];
  for (const row of streamedBodies) {
    test(`a streamed body over the limit (${row.name}) gets 413 with the UCS body as soon as it passes the limit, then the connection is closed`, async () => {
      const c = await openRaw(running.url);
      const credentials = row.headers === 'no-credentials' ? '' : `X-Auth-Token: ${token}\r\n`;
      const extra = row.headers === 'no-credentials' ? '' : row.headers;
      c.socket.write(`POST /v1/clustergroups/${readyFleetId}/kubeconfig HTTP/1.1\r\nHost: x\r\n${credentials}${extra}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
      const writeChunk = (b: Buffer) => b.length > 0 && c.socket.writable && c.socket.write(`${b.length.toString(16)}\r\n${b.toString('latin1')}\r\n`, 'latin1');
      writeChunk(row.first);
      const drip = setInterval(() => writeChunk(row.chunk()), 1);
      const started = performance.now();
      try {
        // Read to its end, the body would never be answered: the stream does not end (or goes silent).
        await waitFor(() => parseRawResponse(c.received()) !== undefined, 10_000, 'the 413 answer');
        const answer = parseRawResponse(c.received())!;
        assert.equal(answer.status, 413);
        assert.deepEqual(specProblems({ method: 'POST', url: `/v1/clustergroups/${readyFleetId}/kubeconfig`, status: 413, headers: answer.headers, body: answer.body }), []);
        assert.equal(answer.headers.get('connection'), 'close');
        await Promise.race([c.closed, new Promise((_, reject) => setTimeout(() => reject(new Error('connection left open')), 10_000))]);
        figures.streamedBody413Ms = Math.max(Number(figures.streamedBody413Ms ?? 0), Math.round(performance.now() - started));
      } finally {
        clearInterval(drip);
        c.socket.destroy();
      }
    });
  }

  test(`${idleConnections} idle and half-sent connections do not stop other clients from being served`, async () => {
    const hogs: RawExchange[] = [];
    try {
      for (let i = 0; i < idleConnections; i++) {
        const h = await openRaw(running.url);
        // Half of them say nothing, half stop in the middle of their headers.
        if (i % 2 === 1) h.socket.write(`POST /v1/clustergroups HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${token}\r\nContent-Le`);
        hogs.push(h);
      }
      const client = new WireClient(running.url);
      const times: number[] = [];
      try {
        for (let i = 0; i < 50; i++) {
          const r = await client.send(
            i % 2 === 0
              ? { method: 'GET', path: '/v1/clustergroups', headers: [['X-Auth-Token', token]] }
              : { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/kubeconfig`, headers: [['X-Auth-Token', token], ['Content-Type', 'application/json']], body: Buffer.from('{"duration":1}') },
            5000,
          );
          assert.equal(r.status, i % 2 === 0 ? 200 : 201, r.text);
          times.push(r.ms);
        }
      } finally {
        client.close();
      }
      // On a slow machine the header timeout (5 s) may answer some of them 408 meanwhile; none is dropped without an answer.
      const dropped = hogs.filter((h) => h.socket.destroyed && parseRawResponse(h.received())?.status !== 408).length;
      assert.equal(dropped, 0, 'idle connections closed without the 408 of the header timeout while the others were served');
      times.sort((a, b) => a - b);
      const worst = times.at(-1)!;
      assert.ok(worst < 2000, `slowest answer ${Math.round(worst)} ms`);
      Object.assign(figures, { idleConnections, servedBesideThem: times.length, slowestAnswerMs: Math.round(worst), medianAnswerMs: Math.round(times[times.length >> 1]!) });
    } finally {
      for (const h of hogs) h.socket.destroy();
    }
  });

  test('ever-new Content-Type values cost no more CPU or memory than the same one repeated (no unbounded validator cache)', async () => {
    const client = new WireClient(running.url);
    const round = async (contentType: (i: number) => string, path: string, credentials: [string, string][]) => {
      gc();
      const heapBefore = process.memoryUsage().heapUsed;
      const started = performance.now();
      for (let i = 0; i < 200; i++) {
        const r = await client.send({ method: 'GET', path, headers: [...credentials, ['Content-Type', contentType(i)]] });
        assert.equal(r.status, 200);
      }
      const msPerRequest = (performance.now() - started) / 200;
      gc();
      return { msPerRequest, heapGrowthMb: (process.memoryUsage().heapUsed - heapBefore) / 1e6 };
    };
    try {
      const results: Record<string, { msPerRequest: number; heapGrowthMb: number }> = {};
      for (const [name, path, credentials] of [
        ['GET /healthz (no credentials)', '/healthz', []],
        ['GET /v1/clustergroups', '/v1/clustergroups', [['X-Auth-Token', token]]],
      ] as [string, string, [string, string][]][]) {
        const same = await round(() => 'text/plain; x=1', path, credentials);
        const params = await round((i) => `text/plain; x=${i}`, path, credentials);
        const types = await round((i) => `text/x-${i}`, path, credentials);
        results[name] = params;
        for (const [label, r] of [['parameters', params], ['media types', types]] as const) {
          assert.ok(r.msPerRequest < same.msPerRequest * 4 + 5, `${name}, new ${label} each time: ${r.msPerRequest.toFixed(1)} ms a request against ${same.msPerRequest.toFixed(1)} ms`);
          assert.ok(r.heapGrowthMb < 20, `${name}, new ${label} each time: the heap grew ${r.heapGrowthMb.toFixed(1)} MB over 200 requests`);
        }
      }
      figures.contentTypeVariation = results;
    } finally {
      client.close();
    }
  });
});

describe('a connection cap that answers', () => {
  const cap = 30;
  let running: RunningServer;
  before(async () => {
    running = await startTestServer({ config: { maxConnections: cap } });
  });
  after(() => running.close());

  /** What a client past the cap does on its connection; each gets the 503 at once. */
  const latecomers: { name: string; send: string }[] = [
    { name: 'says nothing', send: '' },
    { name: 'sends a whole request', send: `GET /v1/clustergroups HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${token}\r\n\r\n` },
    { name: 'sends half a header', send: 'GET /healthz HTTP/1.1\r\nHo' },
  ];

  test(`with ${cap} connections held, each next one gets 503 UCS.00000006 with an X-Request-Id and is closed; once they go, clients are served again`, async () => {
    const hogs: RawExchange[] = [];
    try {
      for (let i = 0; i < cap; i++) hogs.push(await openRaw(running.url));
      for (const late of latecomers) {
        const c = await openRaw(running.url);
        if (late.send) c.socket.write(late.send);
        try {
          await waitFor(() => parseRawResponse(c.received()) !== undefined, 3000, `the 503 for a client that ${late.name}`);
          const answer = parseRawResponse(c.received())!;
          assert.equal(answer.status, 503, late.name);
          assert.deepEqual(connectionAnswerProblems(answer), [], late.name);
          await Promise.race([c.closed, new Promise((_, reject) => setTimeout(() => reject(new Error(`${late.name}: connection left open`)), 5000))]);
        } finally {
          c.socket.destroy();
        }
      }
      assert.equal(hogs.filter((h) => !h.socket.destroyed).length, cap, 'the connections under the cap were kept');
      Object.assign(figures, { connectionCap: cap, refusedOverCap: latecomers.length });
    } finally {
      for (const h of hogs) h.socket.destroy();
    }
    // The server counts a connection off when it sees it close, a moment after the client does.
    const deadline = performance.now() + 5000;
    let status = 0;
    while (status !== 200) {
      assert.ok(performance.now() < deadline, `still ${status} 5 s after the connections closed`);
      status = (await fetch(`${running.url}/v1/clustergroups`, { headers: { 'X-Auth-Token': token } })).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 50));
    }
  });
});

function headersOf(head: string): Headers {
  const h = new Headers();
  for (const line of head.split('\r\n').slice(1)) {
    const at = line.indexOf(':');
    if (at > 0) h.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return h;
}
