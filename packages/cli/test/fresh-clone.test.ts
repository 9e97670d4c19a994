/**
 * `ucs` from a fresh clone, right after `npm ci`, with no build: `npx ucs` runs this CLI (never
 * a package of that name from the registry), and relative paths are the caller's, also through
 * `npm run ucs -w @ucs-fleet/cli`.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { RunningServer } from '@ucs-fleet/server';
import { startTestServer } from '../../server/test/support/test-server.js';
import { kubectl } from '../../server/test/support/tools.js';
import { cleanEnv, repoRoot, tempHome } from './support/cli.js';

const run = promisify(execFile);

/** The repository's files as a clone of it would hold them (tracked and new files, not ignored ones). */
async function copyAsClone(to: string): Promise<void> {
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
  for (const file of stdout.split('\0').filter((f) => f !== '' && existsSync(join(repoRoot, f)))) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(to, file)); // with its mode: bin/ucs.js stays executable
  }
}

describe('ucs in a fresh clone after npm ci, without a build', { timeout: 900_000 }, () => {
  const clone = tempHome('clone');
  const home = tempHome('clone-home');
  let server: RunningServer;
  let env: Record<string, string>;
  before(async () => {
    await copyAsClone(clone);
    // Install scripts are not needed by the CLI (they build better-sqlite3 for the server).
    await run('npm', ['ci', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: clone, timeout: 840_000 });
    server = await startTestServer();
    const { stdout: cache } = await run('npm', ['config', 'get', 'cache']);
    env = cleanEnv(home, { UCS_ENDPOINT: server.url, UCS_TOKEN: 'dev-token', npm_config_cache: cache.trim() });
  });
  after(async () => {
    await server?.close();
    rmSync(clone, { recursive: true, force: true });
  });

  test('npx ucs --version is this CLI', async () => {
    const { version } = JSON.parse(readFileSync(join(clone, 'packages/cli/package.json'), 'utf8')) as { version: string };
    assert.ok(!existsSync(join(clone, 'packages/cli/dist')), 'nothing was built');
    // --no-install: fail rather than fetch a package named ucs from the registry.
    const { stdout } = await run('npx', ['--no-install', 'ucs', '--version'], { cwd: clone, env });
    assert.equal(stdout, `${version}\n`);
  });

  test('npx ucs kubeconfig get demo --merge --kubeconfig ./k writes ./k in the folder it was run from', async () => {
    const r = await run('npx', ['--no-install', 'ucs', 'kubeconfig', 'get', 'demo', '--merge', '--kubeconfig', './k'], { cwd: clone, env });
    assert.match(r.stderr, new RegExp(`wrote ${join(clone, 'k')} \\(mode 0600\\)`));
    assert.equal(statSync(join(clone, 'k')).mode & 0o777, 0o600);
    assert.equal((await kubectl(['--kubeconfig', join(clone, 'k'), 'config', 'current-context'])).trim(), 'ucs-demo-0f3c2d8e');
  });

  test('npm run ucs -w @ucs-fleet/cli resolves ./rel against the caller, not packages/cli', async () => {
    const args = ['run', '-s', 'ucs', '-w', '@ucs-fleet/cli', '--', 'kubeconfig', 'get', 'demo', '--merge', '--kubeconfig', './rel.kubeconfig'];
    await run('npm', args, { cwd: clone, env });
    assert.ok(existsSync(join(clone, 'rel.kubeconfig')), 'in the folder npm was run from');
    assert.ok(!existsSync(join(clone, 'packages/cli/rel.kubeconfig')), 'no private key inside the package folder');
  });
});
