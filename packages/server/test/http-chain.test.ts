import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { chain } from '../src/http/chain.js';

/** Runs a chain on a fake request and resolves what it passed to Express's next. */
function run(handlers: RequestHandler[]): Promise<{ calls: string[]; nextArg: unknown; nextCalls: number }> {
  const calls: string[] = [];
  const req = { calls } as unknown as Request;
  return new Promise((resolve) => {
    let nextCalls = 0;
    const next: NextFunction = (arg?: unknown) => {
      nextCalls++;
      // give a wrongly repeated call the chance to show up
      setTimeout(() => resolve({ calls, nextArg: arg, nextCalls }), 10);
    };
    chain(handlers)(req, {} as Response, next);
  });
}

const mark = (name: string): RequestHandler => (req, _res, next) => {
  (req as unknown as { calls: string[] }).calls.push(name);
  next();
};

test('a chain runs its middlewares in order, then calls next once without an error', async () => {
  const r = await run([mark('a'), mark('b'), async (req, _res, next) => { await Promise.resolve(); mark('c')(req, _res, next); }]);
  assert.deepEqual(r.calls, ['a', 'b', 'c']);
  assert.equal(r.nextArg, undefined);
  assert.equal(r.nextCalls, 1);
});

test('a chain stops at the first error, thrown, passed to next or rejected, and hands it on', async () => {
  const boom = new Error('boom');
  const cases: [string, RequestHandler][] = [
    ['thrown', () => { throw boom; }],
    ['next(err)', (_req, _res, next) => next(boom)],
    ['rejected', async () => { await Promise.resolve(); throw boom; }],
  ];
  for (const [what, failing] of cases) {
    const r = await run([mark('a'), failing, mark('never')]);
    assert.deepEqual(r.calls, ['a'], what);
    assert.equal(r.nextArg, boom, what);
    assert.equal(r.nextCalls, 1, what);
  }
});

test('an empty chain just goes on', async () => {
  const r = await run([]);
  assert.equal(r.nextCalls, 1);
  assert.equal(r.nextArg, undefined);
});
