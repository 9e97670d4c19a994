// `npm test` reads as what it is: a passing run prints no warning box and no error log of the
// checks that are meant to be refused.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

test('npm run lint:spec prints the linter result without a boxed Node.js end-of-life notice', async () => {
  const { stdout, stderr } = await run('npm', ['run', '-s', 'lint:spec'], { cwd: repoRoot, timeout: 120_000 });
  const output = stdout + stderr;
  assert.match(output, /openapi\.yaml: validated in/);
  assert.doesNotMatch(output, /[╔╗╚╝║]|support is ending|end-of-life/, output);
});

test("the official SDK's refused calls (an intentional negative test) leave no error log in the output", async () => {
  const file = fileURLToPath(new URL('../../apig-signer/test/http-roundtrip.test.ts', import.meta.url));
  // Without NODE_TEST_CONTEXT the child runs its tests itself instead of reporting to this run.
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const args = ['--conditions=ucs-source', '--import', 'tsx', '--test', '--test-reporter=spec', file];
  const { stdout, stderr } = await run(process.execPath, args, { cwd: repoRoot, env, timeout: 120_000 });
  const output = stdout + stderr;
  assert.match(output, /gets a 401 when the secret is wrong/, 'the negative test ran');
  assert.match(output, /ℹ fail 0/);
  assert.doesNotMatch(output, /\[ERROR\]|Some error found|AxiosHeaders/, output.slice(0, 3000));
});
