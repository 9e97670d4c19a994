import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runNodeChild } from './support/node-child.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const exampleTest = 'examples/consumer-test/fleet-kubeconfig.test.ts';

test('examples/consumer-test passes and its process exits by itself', async () => {
  // Run as a team would: its own `node --test` process. Without NODE_TEST_CONTEXT the child is a
  // top-level runner (not a subtest of this one), which waits for its file's process to end:
  // an open handle left by the stub would keep it alive until the timeout below.
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const exit = await runNodeChild(['--test', '--test-reporter=tap', exampleTest], { cwd: repoRoot, env, timeoutMs: 60_000 });
  const output = exit.output;
  assert.equal(exit.timedOut, false, `the example did not exit within 60 s (an open handle?):\n${output}`);
  assert.equal(exit.code, 0, output);
  assert.match(output, /^# pass [1-9]\d*$/m, output);
  assert.match(output, /^# fail 0$/m, output);
});
