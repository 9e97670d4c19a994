// README's "Connect with kubectl" steps, run as written (against a server on a free port): the
// kubeconfig curl saves holds a private key, so it is written 0600 and git ignores it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { RunningServer } from '@ucs-fleet/server';
import { startTestServer, tempDir } from './support/test-server.js';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The shell lines of README's "Connect with kubectl" block that save and use demo.kubeconfig. */
function readmeSteps(): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Connect with kubectl'));
  const block = /```sh\n([^]*?)```/.exec(section)![1]!;
  return block.split('\n').filter((l) => l.includes('demo.kubeconfig')).map((l) => l.replace(/\s+#.*$/, ''));
}

let server: RunningServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

test("README's curl step writes the kubeconfig with mode 0600, kubectl uses it, and git ignores it", async () => {
  const steps = readmeSteps();
  assert.equal(steps.length, 2, steps.join('\n'));
  const dir = tempDir('readme-curl');
  // A usual interactive shell's umask (022): the step itself must make the file private.
  const script = `umask 022\n${steps.map((l) => l.replaceAll('http://127.0.0.1:8080', server.url)).join('\n')}\n`;
  const { stdout } = await run('sh', ['-ec', script], { cwd: dir, timeout: 60_000 });
  assert.match(stdout, /alice/);
  assert.equal(statSync(join(dir, 'demo.kubeconfig')).mode & 0o777, 0o600);
  await run('git', ['check-ignore', '-q', 'demo.kubeconfig'], { cwd: repoRoot }).catch(() => assert.fail('.gitignore does not cover demo.kubeconfig'));
});
