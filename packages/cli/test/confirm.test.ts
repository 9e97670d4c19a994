/**
 * `federation disable` and `fleet delete` ask on a terminal and act only on "y"; the answer is
 * typed into a real pseudo-terminal (util-linux `script`).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '@ucs-fleet/server';
import { startTestServer } from '../../server/test/support/test-server.js';
import { cleanEnv, cliArgv, hasCommand, repoRoot, shellLine, tempHome, ucsInProcess } from './support/cli.js';
import { connectedFleet } from './support/fleets.js';

/** Runs ucs on a terminal and types `answer` once the question ("[y/N]") shows. */
function ucsAnswering(args: string[], env: Record<string, string>, answer: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const command = shellLine([process.execPath, ...cliArgv(args)]);
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: repoRoot, env: { ...env, TERM: 'xterm' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let answered = false;
    const onData = (d: Buffer) => {
      output += d.toString();
      if (!answered && output.includes('[y/N]')) {
        answered = true;
        child.stdin.write(`${answer}\r`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output });
    });
  });
}

describe('confirmation of what destroys', { skip: !hasCommand('script') && 'util-linux script is not installed' }, () => {
  let server: RunningServer;
  const home = tempHome('confirm');
  let env: Record<string, string>;
  before(async () => {
    server = await startTestServer();
    env = cleanEnv(home, { UCS_ENDPOINT: server.url, UCS_TOKEN: 'dev-token' });
  });
  after(() => server.close());

  test('federation disable asks, says what it costs, and does nothing on "n"', async () => {
    await connectedFleet(server, 'keep-me');
    const r = await ucsAnswering(['federation', 'disable', 'keep-me'], env, 'n');
    assert.equal(r.code, 2, r.output);
    assert.match(r.output, /Disable the federation of fleet keep-me\? Its CA is destroyed: every kubeconfig issued for it stops working\. \[y\/N\]/);
    assert.match(r.output, /not confirmed: did not disable the federation of fleet keep-me/);
    const status = await ucsInProcess(['federation', 'status', 'keep-me'], env, home);
    assert.match(status.stdout, /federation:\s+Available/);
  });

  test('federation disable on "y", then fleet delete on "y"', async () => {
    const id = await connectedFleet(server, 'drop-me');
    const disabled = await ucsAnswering(['federation', 'disable', 'drop-me'], env, 'y');
    assert.equal(disabled.code, 0, disabled.output);
    assert.match(disabled.output, /federation of fleet drop-me is being disabled/);
    const deleted = await ucsAnswering(['fleet', 'delete', 'drop-me'], env, 'y');
    assert.equal(deleted.code, 0, deleted.output);
    assert.match(deleted.output, new RegExp(`Delete fleet drop-me \\(${id}\\)\\? \\[y/N\\]`));
    assert.match(deleted.output, new RegExp(`deleted fleet drop-me \\(${id}\\)`));
    assert.equal((await ucsInProcess(['fleet', 'show', id], env, home)).code, 3, 'gone');
  });
});
