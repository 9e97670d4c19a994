import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inNextBatch } from '../src/speed/batch.js';

test('work queued in one event-loop turn runs later, together and in order; each result or error goes to its caller', async () => {
  const ran: string[] = [];
  const queued = ['a', 'b', 'c'].map((name) =>
    inNextBatch(() => {
      ran.push(name);
      if (name === 'b') throw new Error('b failed');
      return name.toUpperCase();
    }),
  );
  assert.deepEqual(ran, [], 'nothing runs in the turn that queues it');
  let timerRanBetween = false;
  // A timer set now cannot run between the items of the batch: they share one check phase.
  setTimeout(() => (timerRanBetween = ran.length > 0 && ran.length < 3), 0);
  const results = await Promise.allSettled(queued);
  assert.deepEqual(ran, ['a', 'b', 'c']);
  assert.equal(timerRanBetween, false);
  assert.deepEqual(results[0], { status: 'fulfilled', value: 'A' });
  assert.equal(results[1]?.status, 'rejected');
  assert.equal((results[1] as PromiseRejectedResult).reason.message, 'b failed');
  assert.deepEqual(results[2], { status: 'fulfilled', value: 'C' });
});

test('work queued while a batch runs goes to the next batch', async () => {
  const order: string[] = [];
  let inner: Promise<void> | undefined;
  await inNextBatch(() => {
    order.push('first');
    inner = inNextBatch(() => void order.push('second'));
    order.push('first done');
  });
  assert.deepEqual(order, ['first', 'first done']);
  await inner;
  assert.deepEqual(order, ['first', 'first done', 'second']);
});
