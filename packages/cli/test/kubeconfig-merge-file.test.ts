/**
 * `ucs kubeconfig get --merge` and the file it writes: concurrent merges lose nothing, a corrupt
 * file is never touched, the result is 0600, and --dry-run writes nothing.
 */
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import type { RunningServer } from '@ucs-fleet/server';
import { readyFleetId, startTestServer } from '../../server/test/support/test-server.js';
import { kubectl } from '../../server/test/support/tools.js';
import { cleanEnv, stackTraceLine, tempHome, ucs, ucsInProcess } from './support/cli.js';
import { connectedFleet, contextName } from './support/fleets.js';

const existing = `apiVersion: v1
kind: Config
clusters:
- name: kind-dev
  cluster:
    server: https://127.0.0.1:6443
- name: prod-eu
  cluster:
    server: https://prod-eu.example.com:6443
users:
- name: kind-dev-admin
  user:
    token: kind-dev-secret-token
- name: prod-eu-admin
  user:
    token: prod-secret-token
contexts:
- name: kind-dev
  context:
    cluster: kind-dev
    user: kind-dev-admin
- name: prod-eu
  context:
    cluster: prod-eu
    user: prod-eu-admin
current-context: kind-dev
`;

async function contextsOf(file: string): Promise<string[]> {
  return (await kubectl(['--kubeconfig', file, 'config', 'get-contexts', '-o', 'name'])).trim().split('\n').sort();
}

/** Files next to `file` other than itself: leftover locks or temp files. */
function leftovers(dir: string, keep: string[]): string[] {
  return readdirSync(dir).filter((f) => !keep.includes(f));
}

describe('kubeconfig get --merge, on disk', () => {
  let server: RunningServer;
  const home = tempHome('merge');
  let env: Record<string, string>;
  const fleets: { name: string; id: string }[] = [];
  before(async () => {
    server = await startTestServer();
    env = cleanEnv(home, { UCS_ENDPOINT: server.url, UCS_TOKEN: 'dev-token' });
    for (const name of ['alpha', 'beta', 'gamma']) fleets.push({ name, id: await connectedFleet(server, name) });
  });
  after(() => server.close());

  for (const round of [1, 2, 3]) {
    test(`two merges of different fleets into one file at the same moment keep both (round ${round})`, async () => {
      const dir = tempHome(`race-${round}`);
      const file = join(dir, 'config');
      writeFileSync(file, existing, { mode: 0o600 });
      const [a, b] = [fleets[0]!, fleets[1]!];
      const results = await Promise.all([
        ucs(['kubeconfig', 'get', a.id, '--merge', '--kubeconfig', file], env),
        ucs(['kubeconfig', 'get', b.id, '--merge', '--kubeconfig', file], env),
      ]);
      for (const r of results) assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(await contextsOf(file), ['kind-dev', 'prod-eu', contextName(a.name, a.id), contextName(b.name, b.id)].sort());
      assert.deepEqual(leftovers(dir, ['config']), [], 'no lock or temp file left');
    });
  }

  test('merges that queue behind a held lock all land once it is released', async () => {
    const dir = tempHome('held-lock');
    const file = join(dir, 'config');
    writeFileSync(file, existing, { mode: 0o600 });
    // Another process (this test) holds the lock while three merges start and wait for it.
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), acquiredAt: new Date().toISOString() }), { flag: 'wx' });
    const started = Date.now();
    const pending = Promise.all(fleets.map((f) => ucs(['kubeconfig', 'get', f.id, '--merge', '--kubeconfig', file, '--lock-timeout', '60s'], env)));
    await new Promise((r) => setTimeout(r, 5000));
    assert.equal(readFileSync(file, 'utf8'), existing, 'nothing is written while the lock is held');
    unlinkSync(`${file}.lock`);
    const results = await pending;
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    assert.ok(Date.now() - started >= 5000);
    assert.deepEqual(await contextsOf(file), ['kind-dev', 'prod-eu', ...fleets.map((f) => contextName(f.name, f.id))].sort());
    assert.deepEqual(leftovers(dir, ['config']), []);
  });

  test('a lock that stays held makes the merge give up with exit 6, the file untouched', async () => {
    const dir = tempHome('lock-timeout');
    const file = join(dir, 'config');
    writeFileSync(file, existing, { mode: 0o600 });
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, host: hostname() }));
    const r = await ucsInProcess(['kubeconfig', 'get', readyFleetId, '--merge', '--kubeconfig', file, '--lock-timeout', '300ms'], env, home);
    assert.equal(r.code, 6);
    assert.match(r.stderr, /is locked by another process \(pid \d+/);
    assert.match(r.stderr, /config\.lock/);
    assert.equal(readFileSync(file, 'utf8'), existing);
    assert.ok(existsSync(`${file}.lock`), 'a lock it does not own is not removed');
  });

  test('a stale lock (old, or of a process that is gone) is broken with a warning', async () => {
    const dir = tempHome('stale-lock');
    const file = join(dir, 'config');
    writeFileSync(file, existing, { mode: 0o600 });
    writeFileSync(`${file}.lock`, '');
    const old = new Date(Date.now() - 120_000);
    utimesSync(`${file}.lock`, old, old);
    const r = await ucsInProcess(['kubeconfig', 'get', readyFleetId, '--merge', '--kubeconfig', file], env, home);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /warning: removed a stale lock .*config\.lock \(\d+s old\)/);
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname() }));
    const r2 = await ucsInProcess(['kubeconfig', 'get', readyFleetId, '--merge', '--kubeconfig', file], env, home);
    assert.equal(r2.code, 0, r2.stderr);
    assert.match(r2.stderr, /removed a stale lock .*its process \d+ is gone/);
    assert.deepEqual(leftovers(dir, ['config']), []);
  });

  test('a corrupt kubeconfig is left byte for byte, with a clear message and exit 6', async () => {
    const dir = tempHome('corrupt');
    const file = join(dir, 'config');
    const corrupt = Buffer.from('apiVersion: v1\nclusters:\n- name: a\n  cluster: {server: "https://a\n\tusers: [\n');
    writeFileSync(file, corrupt, { mode: 0o600 });
    const before = statSync(file);
    const r = await ucs(['kubeconfig', 'get', 'demo', '--merge', '--kubeconfig', file], env);
    assert.equal(r.code, 6, r.stderr);
    assert.match(r.stderr, new RegExp(`ucs: error: ${file} is not a valid kubeconfig: .+`));
    assert.match(r.stderr, /the file was not changed/);
    assert.doesNotMatch(r.stderr, stackTraceLine);
    assert.equal(r.stdout, '');
    assert.deepEqual(readFileSync(file), corrupt);
    assert.equal(statSync(file).mtimeMs, before.mtimeMs);
    assert.deepEqual(leftovers(dir, ['config']), []);
  });

  const notKubeconfigs: [string, string][] = [
    ['a list at the top', '- a\n- b\n'],
    ['clusters that is not a list', 'clusters: 5\n'],
    ['an entry that is not a mapping', 'users:\n- just-a-name\n'],
    ['a duplicate key', 'kind: Config\nkind: Config\n'],
    ['two YAML documents', 'kind: Config\n---\nkind: Config\n'],
    ['a current-context that is a list', 'current-context: [a]\n'],
  ];
  for (const [what, text] of notKubeconfigs) {
    test(`a file with ${what} is refused (exit 6) and unchanged`, async () => {
      const file = join(tempHome('invalid'), 'config');
      writeFileSync(file, text, { mode: 0o600 });
      const r = await ucsInProcess(['kubeconfig', 'get', 'demo', '--merge', '--kubeconfig', file], env, home);
      assert.equal(r.code, 6, r.stderr);
      assert.match(r.stderr, /is not a valid kubeconfig/);
      assert.equal(readFileSync(file, 'utf8'), text);
    });
  }

  test('the merged file is 0600, with a warning when it was readable by others', async () => {
    const file = join(tempHome('mode'), 'config');
    writeFileSync(file, existing, { mode: 0o644 });
    const r = await ucs(['kubeconfig', 'get', 'demo', '--merge', '--kubeconfig', file], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /warning: .*config was readable by group\/others \(mode 0644\); it is now written with mode 0600/);
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  test('a new file (and its folder) is created 0600 (0700), at the first path of $KUBECONFIG', async () => {
    const dir = tempHome('new');
    const file = join(dir, 'nested', 'kube', 'config');
    const second = join(dir, 'second');
    const r = await ucsInProcess(['kubeconfig', 'get', 'demo', '--merge'], { ...env, KUBECONFIG: `${file}:${second}` }, home);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(statSync(join(dir, 'nested', 'kube')).mode & 0o777, 0o700);
    assert.ok(!existsSync(second));
    const written = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(written), ['apiVersion', 'clusters', 'contexts', 'current-context', 'kind', 'preferences', 'users']);
    assert.equal(written['current-context'], 'ucs-demo-0f3c2d8e');
  });

  test('without --kubeconfig or $KUBECONFIG it merges into ~/.kube/config', async () => {
    const ownHome = tempHome('home');
    const r = await ucsInProcess(['kubeconfig', 'get', 'demo', '--merge'], { ...env, HOME: ownHome }, ownHome);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`wrote ${join(ownHome, '.kube', 'config')} \\(mode 0600\\)`));
  });

  test('--dry-run shows the change with secrets redacted and writes nothing', async () => {
    const dir = tempHome('dry');
    const file = join(dir, 'config');
    writeFileSync(file, existing, { mode: 0o644 });
    const before = statSync(file);
    const issuedBefore = await server.store.listCertificates(readyFleetId);
    const r = await ucs(['kubeconfig', 'get', 'demo', '--merge', '--dry-run', '--kubeconfig', file], env);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(await server.store.listCertificates(readyFleetId), issuedBefore, 'a dry run issues no certificate');
    assert.match(r.stderr, /dry run: no certificate was issued/);
    assert.match(r.stdout, /client-certificate-data: <a new client certificate, valid 30 days>/);
    assert.match(r.stderr, /would add cluster ucs-demo-0f3c2d8e\n/);
    assert.match(r.stderr, /would add context ucs-demo-0f3c2d8e\n/);
    assert.match(r.stderr, /would set current-context to ucs-demo-0f3c2d8e \(was kind-dev\)/);
    assert.match(r.stderr, /dry run: .* was not changed/);
    assert.match(r.stderr, /warning: .*config is readable by group\/others \(mode 0644\); a merge would write it with mode 0600/);
    assert.match(r.stdout, /^--- .*config \(now\)\n\+\+\+ .*config \(after merge\)\n@@ /);
    assert.match(r.stdout, /^\+- name: ucs-demo-0f3c2d8e$/m);
    assert.match(r.stdout, /^-current-context: kind-dev$/m);
    assert.match(r.stdout, /client-key-data: "<secret #[0-9a-f]{8}>"/);
    assert.doesNotMatch(r.stdout + r.stderr, /LS0t|PRIVATE KEY|kind-dev-secret-token|prod-secret-token/, 'no secret in the output');
    assert.equal(readFileSync(file, 'utf8'), existing);
    assert.equal(statSync(file).mtimeMs, before.mtimeMs);
    assert.equal(statSync(file).mode & 0o777, 0o644, 'not even the mode changes');
    assert.deepEqual(leftovers(dir, ['config']), []);
  });

  test('--dry-run of a second merge shows only the new certificate: the cluster, the context and its namespace stay', async () => {
    const file = join(tempHome('dry-again'), 'config');
    writeFileSync(file, existing, { mode: 0o600 });
    assert.equal((await ucsInProcess(['kubeconfig', 'get', 'demo', '--merge', '--kubeconfig', file], env, home)).code, 0);
    await kubectl(['--kubeconfig', file, 'config', 'set-context', '--current', '--namespace=team-a']);
    const text = readFileSync(file, 'utf8');
    const issuedBefore = await server.store.listCertificates(readyFleetId);
    const r = await ucsInProcess(['kubeconfig', 'get', 'demo', '--merge', '--dry-run', '--kubeconfig', file], env, home);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^would replace user ucs-demo-0f3c2d8e-alice$/m);
    assert.doesNotMatch(r.stderr, /would (replace|add) (cluster|context)|current-context/);
    assert.doesNotMatch(r.stdout, /namespace/, 'the namespace is no change');
    assert.deepEqual(await server.store.listCertificates(readyFleetId), issuedBefore);
    assert.equal(readFileSync(file, 'utf8'), text);
  });

  test('--dry-run for a fleet UCS would refuse: exit 3, saying why, and nothing issued or written', async () => {
    const file = join(tempHome('dry-refused'), 'config');
    assert.equal((await ucsInProcess(['fleet', 'create', 'plain'], env, home)).code, 0);
    const r = await ucsInProcess(['kubeconfig', 'get', 'plain', '--merge', '--dry-run', '--kubeconfig', file], env, home);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /dry run: UCS would refuse the download: federation of fleet plain is not enabled/);
    assert.ok(!existsSync(file));
  });

  test('into a JSON kubeconfig (what curl -o saves): the file stays JSON, every other entry identical', async () => {
    const dir = tempHome('json');
    const file = join(dir, 'demo.kubeconfig');
    const alpha = fleets.find((f) => f.name === 'alpha')!;
    const response = await fetch(`${server.url}/v1/clustergroups/${alpha.id}/kubeconfig`, {
      method: 'POST',
      headers: { 'X-Auth-Token': 'dev-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ duration: 1 }),
    });
    assert.equal(response.status, 201);
    writeFileSync(file, await response.text(), { mode: 0o600 });
    const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { name: string }[]>;
    const r = await ucsInProcess(['kubeconfig', 'get', 'beta', '--merge', '--kubeconfig', file], env, home);
    assert.equal(r.code, 0, r.stderr);
    const after = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { name: string }[]> & { 'current-context': string };
    const beta = contextName('beta', fleets.find((f) => f.name === 'beta')!.id);
    for (const section of ['clusters', 'users', 'contexts']) {
      assert.deepEqual(after[section]!.slice(0, before[section]!.length), before[section], `${section} of alpha identical`);
      assert.equal(after[section]!.length, before[section]!.length + 1);
    }
    assert.deepEqual([after.kind, after.apiVersion, after['current-context']], [before.kind, before.apiVersion, beta]);
    assert.equal((await kubectl(['--kubeconfig', file, 'config', 'current-context'])).trim(), beta);
  });

  test('--dry-run on a missing file creates neither the file nor its folder', async () => {
    const dir = tempHome('dry-new');
    const file = join(dir, 'sub', 'config');
    const r = await ucsInProcess(['kubeconfig', 'get', 'demo', '--merge', '--dry-run', '--kubeconfig', file], env, home);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^\+apiVersion: v1$/m);
    assert.ok(!existsSync(join(dir, 'sub')));
  });

  test('--context renames the context; --no-set-current keeps the current one', async () => {
    const file = join(tempHome('rename'), 'config');
    writeFileSync(file, existing, { mode: 0o600 });
    const r = await ucsInProcess(['kubeconfig', 'get', 'demo', '--merge', '--kubeconfig', file, '--context', 'demo-fed', '--no-set-current'], env, home);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /added context demo-fed\n/);
    assert.doesNotMatch(r.stderr, /current-context/);
    assert.deepEqual(await contextsOf(file), ['demo-fed', 'kind-dev', 'prod-eu']);
    assert.equal((await kubectl(['--kubeconfig', file, 'config', 'current-context'])).trim(), 'kind-dev');
  });
});
