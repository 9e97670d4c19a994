/**
 * `federation disable` and `fleet delete` ask on a terminal and act only on "y"; the answer is
 * typed into a real pseudo-terminal (util-linux `script`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '@ucs-fleet/server';
import { startTestServer } from '../../server/test/support/test-server.js';
import { cleanEnv, hasCommand, tempHome, ucsInProcess, ucsOnTty } from './support/cli.js';
import { connectedFleet } from './support/fleets.js';

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
    const r = await ucsOnTty(['federation', 'disable', 'keep-me'], env, 'n');
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stdout, /Disable the federation of fleet keep-me\? Its CA is destroyed: every kubeconfig issued for it stops working\. \[y\/N\]/);
    assert.match(r.stdout, /not confirmed: did not disable the federation of fleet keep-me/);
    const status = await ucsInProcess(['federation', 'status', 'keep-me'], env, home);
    assert.match(status.stdout, /federation:\s+Available/);
  });

  test('federation disable on "y", then fleet delete on "y"', async () => {
    const id = await connectedFleet(server, 'drop-me');
    const disabled = await ucsOnTty(['federation', 'disable', 'drop-me'], env, 'y');
    assert.equal(disabled.code, 0, disabled.stdout);
    assert.match(disabled.stdout, /federation of fleet drop-me is being disabled/);
    const deleted = await ucsOnTty(['fleet', 'delete', 'drop-me'], env, 'y');
    assert.equal(deleted.code, 0, deleted.stdout);
    assert.match(deleted.stdout, new RegExp(`Delete fleet drop-me \\(${id}\\)\\? \\[y/N\\]`));
    assert.match(deleted.stdout, new RegExp(`deleted fleet drop-me \\(${id}\\)`));
    assert.equal((await ucsInProcess(['fleet', 'show', id], env, home)).code, 3, 'gone');
  });
});
