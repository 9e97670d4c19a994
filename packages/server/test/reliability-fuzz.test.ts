import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { recordFigures } from './support/fuzz/figures.js';
import { garbageArbitrary } from './support/fuzz/garbage.js';
import { recipeArbitrary } from './support/fuzz/generators.js';
import { FuzzHarness, type GarbageStats, type OperationStats } from './support/fuzz/harness.js';
import { knownContractGaps } from './support/fuzz/contract-gaps.js';
import { operations } from './support/fuzz/spec-model.js';

// UCS_FUZZ_RUNS raises the number of requests for long runs; UCS_FUZZ_SEED replays a run.
const totalRuns = Number(process.env.UCS_FUZZ_RUNS ?? 5000);
// Parser-level garbage, each on a connection of its own; UCS_FUZZ_GARBAGE_RUNS changes the number.
const garbageRuns = Number(process.env.UCS_FUZZ_GARBAGE_RUNS ?? 600);
const runsPerOperation = Math.ceil(totalRuns / operations.length);
const baseSeed = process.env.UCS_FUZZ_SEED !== undefined ? Number(process.env.UCS_FUZZ_SEED) : (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
const replay = `UCS_FUZZ_SEED=${baseSeed} UCS_FUZZ_RUNS=${totalRuns}`;

describe(`fuzzing every operation of openapi.yaml (${runsPerOperation} requests each, seed ${baseSeed})`, () => {
  const stats = new Map<string, OperationStats>();
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).join(',');
  const started = Date.now();

  // UCS_FUZZ_ONLY=<operationId> fuzzes one operation (while investigating a failure).
  for (const [index, op] of operations.entries()) {
    if (process.env.UCS_FUZZ_ONLY && process.env.UCS_FUZZ_ONLY !== op.id) continue;
    test(`${op.id}: valid and mutated requests get no 5xx, answers match openapi.yaml, every 4xx has a UCS code and X-Request-Id, state changes only on a 2xx write, what the contract refuses never succeeds, and no secret reaches the log`, async (t) => {
      const harness = await FuzzHarness.start();
      try {
        const seed = baseSeed + index;
        try {
          await fc.assert(
            fc.asyncProperty(recipeArbitrary(op), (recipe) => harness.run(recipe)),
            { seed, numRuns: runsPerOperation },
          );
        } catch (err) {
          // fast-check's report names the seed and path; the line below replays the whole run.
          const cause = (err as Error).cause;
          throw new Error(`fuzzing ${op.id} failed; replay with ${replay}\n${(err as Error).message}${cause instanceof Error ? `\n${cause.message}` : ''}`);
        }
        assert.deepEqual(harness.logLeaks(), [], 'secrets found in the server log (trace level, no redaction)');
        const health = await harness.client.send({ method: 'GET', path: '/healthz', headers: [] });
        assert.equal(health.status, 200, 'the server still answers GET /healthz after the run');
        assert.equal(Object.getOwnPropertyNames(Object.prototype).join(','), prototypeKeys, 'Object.prototype was not polluted');
        assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was not polluted');
        const s = harness.stats;
        t.diagnostic(`${s.requests} requests in ${Math.round(s.ms)} ms; statuses ${JSON.stringify(s.byStatus)}; must-fail checked ${s.mustFailChecked}, exact status checked ${s.exactStatusChecked}; known contract gaps ${JSON.stringify(s.gaps)}`);
        stats.set(op.id, s);
        const success = Object.entries(s.byStatus).filter(([status]) => status.startsWith('2')).reduce((n, [, c]) => n + c, 0);
        const refused = Object.entries(s.byStatus).filter(([status]) => status.startsWith('4')).reduce((n, [, c]) => n + c, 0);
        assert.ok(success > 0, `the fuzzer reached the success path of ${op.id} at least once`);
        assert.ok(refused > 0, `the fuzzer reached a refusal of ${op.id}`);
      } finally {
        await harness.close();
      }
    });
  }

  let garbage: GarbageStats | undefined;
  test(`${garbageRuns} requests Node's HTTP parser refuses (oversized heads, broken request lines, headers and chunked bodies, CONNECT, other protocols, random bytes) all get a UCS error body and an X-Request-Id, change nothing, and the server stays up`, { skip: process.env.UCS_FUZZ_ONLY ? 'one operation only (UCS_FUZZ_ONLY)' : false }, async (t) => {
    const harness = await FuzzHarness.start();
    try {
      const ctx = { token: harness.ctx.token, fleetId: harness.ctx.ownFleets()[0]! };
      try {
        await fc.assert(
          fc.asyncProperty(garbageArbitrary(ctx), (g) => harness.runGarbage(g)),
          { seed: baseSeed + operations.length, numRuns: garbageRuns },
        );
      } catch (err) {
        const cause = (err as Error).cause;
        throw new Error(`fuzzing parser-level garbage failed; replay with ${replay}\n${(err as Error).message}${cause instanceof Error ? `\n${cause.message}` : ''}`);
      }
      assert.equal((await harness.client.send({ method: 'GET', path: '/healthz', headers: [] })).status, 200, 'the server still answers GET /healthz');
      assert.deepEqual(harness.logLeaks(), [], 'secrets found in the server log (trace level, no redaction)');
      garbage = harness.garbageStats;
      t.diagnostic(`${garbage.requests} in ${Math.round(garbage.ms)} ms; statuses ${JSON.stringify(garbage.byStatus)}; kinds ${JSON.stringify(garbage.byKind)}`);
    } finally {
      await harness.close();
    }
  });

  test(`at least ${totalRuns} requests were sent, and a fresh server answers GET /healthz`, { skip: process.env.UCS_FUZZ_ONLY ? 'one operation only (UCS_FUZZ_ONLY)' : false }, async () => {
    const requests = [...stats.values()].reduce((n, s) => n + s.requests, 0);
    assert.equal(stats.size, operations.length, 'every operation was fuzzed');
    assert.ok(requests >= totalRuns, `${requests} requests`);
    const harness = await FuzzHarness.start();
    try {
      assert.equal((await harness.client.send({ method: 'GET', path: '/healthz', headers: [] })).status, 200);
    } finally {
      await harness.close();
    }
  });

  after(() => {
    const perOperation = Object.fromEntries(stats);
    const sum = (pick: (s: OperationStats) => number) => [...stats.values()].reduce((n, s) => n + pick(s), 0);
    const byStatus: Record<string, number> = {};
    const gaps: Record<string, number> = {};
    for (const s of stats.values()) {
      for (const [k, v] of Object.entries(s.byStatus)) byStatus[k] = (byStatus[k] ?? 0) + v;
      for (const [k, v] of Object.entries(s.gaps)) gaps[k] = (gaps[k] ?? 0) + v;
    }
    recordFigures('fuzz', {
      seed: baseSeed,
      operations: stats.size,
      requests: sum((s) => s.requests),
      mustFailChecked: sum((s) => s.mustFailChecked),
      logLinesSearched: sum((s) => s.logLines),
      exactStatusChecked: sum((s) => s.exactStatusChecked),
      byStatus,
      knownContractGaps: gaps,
      knownContractGapRules: knownContractGaps.map((g) => ({ status: g.status, fix: g.fix })),
      seconds: Math.round((Date.now() - started) / 100) / 10,
      perOperation,
      ...(garbage ? { parserGarbage: { ...garbage, seconds: Math.round(garbage.ms / 100) / 10 } } : {}),
    });
  });
});
