import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import express from 'express';
import { pino } from 'pino';
import { createHttpServer } from '../src/http/http-server.js';

test('the HTTP server builds each request and response with the prototypes Express gives them, and Express still works on them', async () => {
  const app = express();
  app.use(express.json());
  app.post('/things/:id', (req, res) => {
    res.status(201).json({ id: req.params.id, path: req.path, q: req.query, header: req.get('x-probe'), body: req.body, sameApp: req.app === app && res.app === app });
  });
  const server = createHttpServer(app, { maxConnections: 10, logger: pino({ level: 'silent' }) });
  const born: { req: object | null; res: object | null }[] = [];
  // Runs before Express sees the request: what node:http built, before Express's setPrototypeOf.
  server.prependListener('request', (req: IncomingMessage, res) => born.push({ req: Object.getPrototypeOf(req), res: Object.getPrototypeOf(res) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    for (let i = 0; i < 2; i++) {
      const r = await fetch(`http://127.0.0.1:${port}/things/a${i}?x=1`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-probe': 'p' }, body: JSON.stringify({ n: i }) });
      assert.equal(r.status, 201);
      assert.deepEqual(await r.json(), { id: `a${i}`, path: `/things/a${i}`, q: { x: '1' }, header: 'p', body: { n: i }, sameApp: true });
    }
    assert.equal(born.length, 2);
    for (const b of born) {
      assert.equal(b.req, app.request, "a request is born with the app's request prototype: Express's Object.setPrototypeOf changes nothing");
      assert.equal(b.res, app.response, "a response is born with the app's response prototype");
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
