/**
 * `federation enable --wait`: on a terminal one status block is redrawn in place; without one,
 * one plain line per phase change; a timeout exits 5. The server takes ~2 s to enable.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '@ucs-fleet/server';
import { startTestServer } from '../../server/test/support/test-server.js';
import { cleanEnv, hasCommand, stackTraceLine, tempHome, ucs, ucsOnTty } from './support/cli.js';

const stepNames = ['InstallFederationChart', 'CreateFederationCertificates', 'StartFederationApiServer', 'JoinFederationClusters'];
const ansi = /\x1b\[/;

describe('federation enable --wait shows live progress', () => {
  let server: RunningServer;
  let env: Record<string, string>;
  before(async () => {
    server = await startTestServer({ config: { federationDelayMs: 2000 } });
    env = cleanEnv(tempHome('progress'), { UCS_ENDPOINT: server.url, UCS_TOKEN: 'dev-token' });
  });
  after(() => server.close());

  test('on a terminal: one block redrawn in place with ANSI codes, every step reaching Success', { skip: !hasCommand('script') && 'util-linux script is not installed' }, async () => {
    assert.equal((await ucs(['fleet', 'create', 'on-a-tty'], env)).code, 0);
    const r = await ucsOnTty(['federation', 'enable', 'on-a-tty', '--wait', '--interval', '150ms'], env);
    assert.equal(r.code, 0, r.stdout);
    const out = r.stdout;
    assert.match(out, /\x1b\[5A\r/, 'the cursor goes back up over the 5-line block to redraw it');
    assert.match(out, /\x1b\[2K/, 'each line is cleared before it is redrawn');
    const redraws = out.split('\x1b[5A').length - 1;
    assert.ok(redraws >= 3, `redrawn ${redraws} times over ~2 s`);
    assert.match(out, /Enabling federation of fleet on-a-tty: .*Running/);
    // Elapsed times in one format, whole seconds, like the step times: "(0s)", "(2s)", never "(131ms)" or "(2.1s)".
    const titles = [...out.matchAll(/Enabling federation of fleet on-a-tty: \w+ \(([^)]*)\)/g)].map((m) => m[1]!);
    assert.ok(titles.length >= 3);
    for (const t of titles) assert.match(t, /^\d+s$/);
    assert.match(out, /Enabling federation of fleet on-a-tty: .*Success/);
    for (const step of stepNames) assert.match(out, new RegExp(`\\[done\\].*${step}\\s+Success`), `${step} seen done`);
    const running = stepNames.filter((step) => new RegExp(`\\[ \\.\\. \\].*${step}\\s+Running`).test(out));
    assert.ok(running.length >= 2, `at 150 ms polls most steps are seen running (${running.join(', ')})`);
    assert.match(out, /federation of fleet on-a-tty is enabled/);
    // After the last redraw the block shows every step done.
    const lastBlock = out.slice(out.lastIndexOf('Enabling federation of fleet'));
    for (const step of stepNames) assert.match(lastBlock, new RegExp(`${step}\\s+Success`));
  });

  test('without a terminal: plain lines, one per phase change, no ANSI codes', async () => {
    assert.equal((await ucs(['fleet', 'create', 'in-ci'], env)).code, 0);
    const r = await ucs(['federation', 'enable', 'in-ci', '--wait', '--interval', '100ms'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr + r.stdout, ansi);
    const lines = r.stderr.trimEnd().split('\n');
    assert.match(lines[0]!, /^\[\d+s\] Enabling federation of fleet in-ci: job \S+, 4 steps: InstallFederationChart, CreateFederationCertificates, StartFederationApiServer, JoinFederationClusters$/);
    const changes = lines.map((l) => /^\[\d+s\] (\w+): (Pending|Running|Success|Failed)/.exec(l)).filter((m) => m !== null);
    const seen = changes.map((m) => `${m[1]} ${m[2]}`);
    for (const line of lines.filter((l) => l.startsWith('['))) assert.match(line, /^\[\d+s\] [^(]*(\(\d+s\))?$/, `one time format: ${line}`);
    assert.equal(new Set(seen).size, seen.length, `each phase change is printed once:\n${r.stderr}`);
    for (const step of stepNames) {
      assert.ok(seen.includes(`${step} Success`), `${step} Success printed`);
      assert.ok(seen.indexOf(`${step} Success`) > seen.indexOf(`${step} Running`), `${step}: Running (if seen) comes before Success`);
    }
    const running = stepNames.filter((s) => seen.includes(`${s} Running`));
    assert.ok(running.length >= 2, `at 100 ms polls most steps are seen running (${running.join(', ')})`);
    assert.match(r.stdout, /^federation of fleet in-ci is enabled \(job \S+\)\n$/);
  });

});

describe('federation enable --wait --timeout', () => {
  let server: RunningServer;
  let env: Record<string, string>;
  before(async () => {
    // Enabling takes a minute here, so the timeout below is certain to come first, however busy the machine.
    server = await startTestServer({ config: { federationDelayMs: 60_000 } });
    env = cleanEnv(tempHome('timeout'), { UCS_ENDPOINT: server.url, UCS_TOKEN: 'dev-token' });
  });
  after(() => server.close());

  test('gives up with exit code 5 and says how to look again; no stack trace', async () => {
    assert.equal((await ucs(['fleet', 'create', 'too-slow'], env)).code, 0);
    const r = await ucs(['federation', 'enable', 'too-slow', '--wait', '--timeout', '400ms', '--interval', '100ms'], env);
    assert.equal(r.code, 5, r.stderr);
    assert.match(r.stderr, /ucs: error: timed out after 400ms waiting for federation of fleet too-slow \(job \S+ is Running\)/);
    assert.match(r.stderr, /the job goes on at UCS; see where it is with: ucs federation status too-slow/);
    assert.doesNotMatch(r.stderr, stackTraceLine);
    assert.equal(r.stdout, '');
    // The job went on.
    const status = await ucs(['federation', 'status', 'too-slow'], env);
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /federation:\s+Enabling/);
    assert.match(status.stdout, /InstallFederationChart\s+Running/);
  });
});
