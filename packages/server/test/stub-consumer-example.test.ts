import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const exampleTest = 'examples/consumer-test/fleet-kubeconfig.test.ts';

test('examples/consumer-test passes and its process exits by itself', async () => {
  // Run as a team would: its own `node --test` process. Without NODE_TEST_CONTEXT the child is a
  // top-level runner (not a subtest of this one), which waits for its file's process to end:
  // an open handle left by the stub would keep it alive until the timeout below.
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const child = spawn(process.execPath, ['--conditions=ucs-source', '--import', 'tsx', '--test', '--test-reporter=tap', exampleTest], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exit = await new Promise<{ code: number | null; timedOut: boolean }>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, timedOut: true });
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut: false });
    });
  });
  assert.equal(exit.timedOut, false, `the example did not exit within 60 s (an open handle?):\n${output}`);
  assert.equal(exit.code, 0, output);
  assert.match(output, /^# pass [1-9]\d*$/m, output);
  assert.match(output, /^# fail 0$/m, output);
});
