/** The pure merge function, the redacted diff, and the lock + atomic write under in-process contention. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Kubeconfig } from '@ucs-fleet/client';
import { parse } from 'yaml';
import { unifiedDiff } from '../src/kubeconfig/diff.js';
import { mergeKubeconfig, KubeconfigParseError } from '../src/kubeconfig/merge.js';
import { redactSecrets } from '../src/kubeconfig/redact.js';
import { mergeIntoFile } from '../src/kubeconfig/update-file.js';
import { tempHome } from './support/cli.js';

function incoming(name: string, server = `https://127.0.0.1:1${name.length}443`): Kubeconfig {
  return {
    kind: 'Config',
    apiVersion: 'v1',
    clusters: [{ name, cluster: { server, 'certificate-authority-data': 'Q0EtREFUQQ==' } }],
    users: [{ name: `${name}-alice`, user: { 'client-certificate-data': 'Q0VSVA==', 'client-key-data': 'S0VZLURBVEEtU0VDUkVU' } }],
    contexts: [{ name, context: { cluster: name, user: `${name}-alice` } }],
    'current-context': name,
  };
}

interface KubeconfigData {
  clusters: unknown[];
  users: unknown[];
  extensions: unknown;
  preferences: unknown;
  'current-context': string;
}

const kubectlStyle = `# written by hand, with comments
apiVersion: v1
clusters:
- cluster:
    insecure-skip-tls-verify: yes # YAML 1.1 boolean, as kubectl reads it
    server: https://a:6443
  name: a
- cluster: {server: "https://ucs-old"}
  name: ucs-demo
contexts:
- context:
    cluster: a
    user: a
  name: a
current-context: a
extensions:
- name: my-ext
  extension: {answer: 42}
kind: Config
preferences:
  colors: true
users:
- name: a
  user:
    token: "0123"
- name: ucs-demo-alice
  user:
    token: old
`;

describe('mergeKubeconfig (pure)', () => {
  test('replaces same-named entries in place, adds the others, keeps every other key and comment', () => {
    const result = mergeKubeconfig(kubectlStyle, incoming('ucs-demo'));
    assert.deepEqual(result.changes, [
      { action: 'replaced', kind: 'cluster', name: 'ucs-demo' },
      { action: 'replaced', kind: 'user', name: 'ucs-demo-alice' },
      { action: 'added', kind: 'context', name: 'ucs-demo' },
      { action: 'set', kind: 'current-context', name: 'ucs-demo', previous: 'a' },
    ]);
    assert.match(result.text, /^# written by hand, with comments\n/);
    assert.match(result.text, /insecure-skip-tls-verify: yes # YAML 1.1 boolean/);
    assert.match(result.text, /token: "0123"/, 'a quoted string stays quoted (kubectl would read 0123 as a number)');
    const after = parse(result.text, { version: '1.1' }) as KubeconfigData;
    const before = parse(kubectlStyle, { version: '1.1' }) as KubeconfigData;
    assert.deepEqual(after.clusters[0], before.clusters[0]);
    assert.deepEqual(after.clusters[1], { name: 'ucs-demo', cluster: { server: 'https://127.0.0.1:18443', 'certificate-authority-data': 'Q0EtREFUQQ==' } });
    assert.equal(after.clusters.length, 2, 'replaced in place, not appended');
    assert.deepEqual(after.users[0], before.users[0]);
    assert.deepEqual(after.extensions, before.extensions);
    assert.deepEqual(after.preferences, before.preferences);
    assert.equal(after['current-context'], 'ucs-demo');
    assert.deepEqual(Object.keys(after), Object.keys(before));
    assert.deepEqual(result.after, after);
  });

  test('an empty or missing file becomes a kubectl-shaped kubeconfig', () => {
    for (const text of ['', '\n', '# nothing yet\n']) {
      const result = mergeKubeconfig(text, incoming('ucs-x'));
      const doc = parse(result.text) as Record<string, unknown>;
      assert.deepEqual(Object.keys(doc), ['apiVersion', 'clusters', 'contexts', 'current-context', 'kind', 'preferences', 'users']);
      assert.equal(result.changes.filter((c) => c.action === 'added').length, 3);
    }
  });

  test('a new current-context key goes after contexts; an empty flow list becomes a block list', () => {
    const result = mergeKubeconfig('apiVersion: v1\nclusters: []\ncontexts: []\nusers: []\nkind: Config\n', incoming('ucs-y'));
    assert.match(result.text, /contexts:\n- name: ucs-y\n[\s\S]*\ncurrent-context: ucs-y\nusers:/);
    assert.doesNotMatch(result.text, /\[ \{/);
  });

  test('--context renames the context and current-context; --no-set-current keeps the current one', () => {
    const renamed = mergeKubeconfig(kubectlStyle, incoming('ucs-demo'), { contextName: 'demo' });
    const doc = parse(renamed.text) as { contexts: { name: string; context: { cluster: string } }[]; 'current-context': string };
    assert.deepEqual(doc.contexts.map((c) => c.name), ['a', 'demo']);
    assert.equal(doc.contexts[1]!.context.cluster, 'ucs-demo');
    assert.equal(doc['current-context'], 'demo');
    const kept = mergeKubeconfig(kubectlStyle, incoming('ucs-demo'), { setCurrentContext: false });
    assert.equal((parse(kept.text) as Record<string, unknown>)['current-context'], 'a');
    assert.ok(!kept.changes.some((c) => c.kind === 'current-context'));
  });

  test('a JSON kubeconfig is merged too (it is YAML)', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Config', clusters: [{ name: 'j', cluster: { server: 'https://j' } }], users: [], contexts: [] });
    const result = mergeKubeconfig(json, incoming('ucs-j'));
    const doc = parse(result.text) as { clusters: { name: string }[] };
    assert.deepEqual(doc.clusters.map((c) => c.name), ['j', 'ucs-j']);
  });

  test('names that YAML 1.1 would read as booleans are quoted', () => {
    const result = mergeKubeconfig('', incoming('ucs-a'), { contextName: 'on' });
    assert.match(result.text, /name: "on"/);
  });

  test('what is not a kubeconfig throws KubeconfigParseError', () => {
    for (const text of ['a: [', '- 1', 'clusters: {}', 'contexts:\n- 3', 'users:\n- name: [x]', 'a: 1\na: 2', 'a: 1\n---\nb: 2']) {
      assert.throws(() => mergeKubeconfig(text, incoming('ucs-z')), KubeconfigParseError, text);
    }
  });
});

describe('the dry-run diff', () => {
  test('redacts secrets and shortens certificates, with fingerprints that tell changes apart', () => {
    const redacted = redactSecrets({
      users: [{ name: 'u', user: { token: 'tok', 'client-key-data': 'S0VZ', 'client-certificate-data': 'x'.repeat(100), password: 'pw' } }],
      clusters: [{ name: 'c', cluster: { server: 'https://s', 'certificate-authority-data': 'short' } }],
    }) as { users: { user: Record<string, string> }[]; clusters: { cluster: Record<string, string> }[] };
    const user = redacted.users[0]!.user;
    assert.match(user.token!, /^<secret #[0-9a-f]{8}>$/);
    assert.match(user['client-key-data']!, /^<secret #[0-9a-f]{8}>$/);
    assert.match(user.password!, /^<secret #/);
    assert.match(user['client-certificate-data']!, /^<100 chars #[0-9a-f]{8}>$/);
    assert.equal(redacted.clusters[0]!.cluster.server, 'https://s');
    const again = redactSecrets({ token: 'tok' }) as { token: string };
    assert.equal(again.token, user.token, 'same value, same fingerprint');
    assert.notEqual((redactSecrets({ token: 'other' }) as { token: string }).token, user.token);
  });

  test('unifiedDiff shows hunks with context, or nothing for equal texts', () => {
    assert.equal(unifiedDiff('a\nb\n', 'a\nb\n', { before: 'x', after: 'y' }), undefined);
    const diff = unifiedDiff('1\n2\n3\n4\n5\n6\n7\n8\n9\n', '1\n2\n3\n4\nfive\n6\n7\n8\n9\n', { before: 'old', after: 'new' });
    assert.equal(diff, '--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n');
  });
});

describe('lock and atomic write, under contention in one process', () => {
  test('twenty merges of different kubeconfigs at once into one file: all twenty land', async () => {
    const dir = tempHome('contention');
    const file = join(dir, 'config');
    writeFileSync(file, kubectlStyle, { mode: 0o600 });
    const notices: string[] = [];
    const names = Array.from({ length: 20 }, (_, i) => `ucs-f${i}`);
    await Promise.all(names.map((name) => mergeIntoFile(file, incoming(name), { notice: (l) => notices.push(l) })));
    const doc = parse(readFileSync(file, 'utf8'), { version: '1.1' }) as { contexts: { name: string }[]; clusters: unknown[] };
    assert.deepEqual(doc.contexts.map((c) => c.name).sort(), ['a', ...names].sort());
    assert.equal(doc.clusters.length, 2 + names.length);
    assert.deepEqual(readdirSync(dir), ['config'], 'no lock or temp file left');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(notices, []);
  });
});
