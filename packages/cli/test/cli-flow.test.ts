/**
 * The whole operator flow through the real `ucs` process, ending with the real kubectl reading
 * the merged file: fleet create -> federation enable --wait -> connection create ->
 * kubeconfig get --merge into a kubeconfig that already holds two other clusters.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '@ucs-fleet/server';
import { startTestServer } from '../../server/test/support/test-server.js';
import { kubectl } from '../../server/test/support/tools.js';
import { cleanEnv, stackTraceLine, tempHome, ucs } from './support/cli.js';
import { contextName } from './support/fleets.js';

interface KubectlView {
  clusters: { name: string }[];
  users: { name: string }[];
  contexts: { name: string; context?: Record<string, string> }[];
  preferences?: unknown;
  'current-context'?: string;
}

/** A kubeconfig written by kubectl itself, with two clusters, users and contexts. */
async function existingKubeconfig(file: string): Promise<void> {
  const k = (...args: string[]) => kubectl(['--kubeconfig', file, 'config', ...args]);
  await k('set-cluster', 'kind-dev', '--server=https://127.0.0.1:6443', '--insecure-skip-tls-verify=true');
  await k('set-credentials', 'kind-dev-admin', '--token=kind-dev-secret-token');
  await k('set-context', 'kind-dev', '--cluster=kind-dev', '--user=kind-dev-admin', '--namespace=dev');
  await k('set-cluster', 'prod-eu', '--server=https://prod-eu.example.com:6443', '--tls-server-name=api.prod-eu');
  await k('set-credentials', 'prod-eu-oidc', '--username=ops', '--password=hunter2');
  await k('set-context', 'prod-eu', '--cluster=prod-eu', '--user=prod-eu-oidc');
  await k('use-context', 'prod-eu');
}

async function view(file: string): Promise<KubectlView> {
  return JSON.parse(await kubectl(['--kubeconfig', file, 'config', 'view', '--raw', '-o', 'json'])) as KubectlView;
}

function named<T extends { name: string }>(list: T[], name: string): T | undefined {
  return list.find((e) => e.name === name);
}

describe('ucs, end to end: create, enable, connect, merge; kubectl sees it', () => {
  let server: RunningServer;
  const home = tempHome('flow');
  let env: Record<string, string>;
  before(async () => {
    server = await startTestServer({ config: { federationDelayMs: 600 } });
    env = cleanEnv(home, { UCS_ENDPOINT: server.url, UCS_TOKEN: 'dev-token' });
  });
  after(() => server.close());

  test('the new context sits beside the untouched existing ones, and it works', async () => {
    const created = await ucs(['fleet', 'create', 'payments', '--description', 'payments clusters'], env);
    assert.equal(created.code, 0, created.stderr);
    const fleetId = created.stdout.trim();
    assert.match(fleetId, /^[0-9a-f-]{36}$/, 'fleet create prints the new ID alone on stdout');

    const enabled = await ucs(['federation', 'enable', 'payments', '--wait', '--interval', '100ms', '--timeout', '1m'], env);
    assert.equal(enabled.code, 0, enabled.stderr);
    assert.match(enabled.stdout, /federation of fleet payments is enabled/);
    assert.match(enabled.stderr, /JoinFederationClusters: Success/);

    const connected = await ucs(['connection', 'create', fleetId, '--project-id', 'p1', '--vpc-id', 'vpc-1', '--subnet-id', 'subnet-1'], env);
    assert.equal(connected.code, 0, connected.stderr);
    assert.match(connected.stdout.trim(), /^[0-9a-f-]{36}$/);

    const file = join(home, 'kubeconfig');
    await existingKubeconfig(file);
    const beforeMerge = await view(file);
    const merged = await ucs(['kubeconfig', 'get', 'payments', '--merge', '--kubeconfig', file, '--duration', '7'], env);
    assert.equal(merged.code, 0, merged.stderr);
    const context = contextName('payments', fleetId);
    assert.equal(merged.stdout, '', '--merge prints nothing on stdout');
    assert.match(merged.stderr, new RegExp(`added cluster ${context}\\n`));
    assert.match(merged.stderr, new RegExp(`added user ${context}-alice\\n`));
    assert.match(merged.stderr, new RegExp(`added context ${context}\\n`));
    assert.match(merged.stderr, new RegExp(`set current-context to ${context} \\(was prod-eu\\)`));
    assert.doesNotMatch(merged.stderr, /PRIVATE KEY|client-key-data|LS0t/, 'no key material on stderr');
    assert.doesNotMatch(merged.stderr, stackTraceLine);

    const contexts = (await kubectl(['--kubeconfig', file, 'config', 'get-contexts', '-o', 'name'])).trim().split('\n').sort();
    assert.deepEqual(contexts, ['kind-dev', 'prod-eu', context].sort());
    assert.equal((await kubectl(['--kubeconfig', file, 'config', 'current-context'])).trim(), context);

    // Every existing entry means exactly what it meant before, as kubectl reads it.
    const afterMerge = await view(file);
    for (const section of ['clusters', 'users', 'contexts'] as const) {
      for (const entry of beforeMerge[section]) assert.deepEqual(named(afterMerge[section], entry.name), entry, `${section} ${entry.name} unchanged`);
      assert.equal(afterMerge[section].length, beforeMerge[section].length + 1);
    }
    assert.deepEqual(afterMerge.preferences, beforeMerge.preferences);
    assert.equal(statSync(file).mode & 0o777, 0o600);

    // The merged credentials work: the federation API server knows the user.
    const whoami = await kubectl(['--kubeconfig', file, '--cache-dir', join(home, 'kube-cache'), 'auth', 'whoami', '-o', 'json']);
    assert.equal((JSON.parse(whoami) as { status: { userInfo: { username: string } } }).status.userInfo.username, 'alice');

    // The user picks a namespace; getting the kubeconfig again keeps it, replaces only the user
    // (a new certificate), and says nothing of the cluster and context that did not change.
    await kubectl(['--kubeconfig', file, 'config', 'set-context', '--current', '--namespace=team-a']);
    const again = await ucs(['kubeconfig', 'get', fleetId, '--merge', '--kubeconfig', file], env);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, new RegExp(`replaced user ${context}-alice\\n`));
    assert.doesNotMatch(again.stderr, /cluster|replaced context|current-context/, 'the cluster, the context and current-context did not change');
    const afterAgain = await view(file);
    assert.deepEqual(afterAgain.contexts.map((c) => c.name), afterMerge.contexts.map((c) => c.name));
    assert.deepEqual(named(afterAgain.contexts, context), { name: context, context: { cluster: context, user: `${context}-alice`, namespace: 'team-a' } });
    assert.equal((await kubectl(['--kubeconfig', file, 'config', 'view', '--minify', '-o', 'jsonpath={..namespace}'])).trim(), 'team-a');
    assert.notEqual(readFileSync(file, 'utf8'), '');
  });

  test('without --merge the kubeconfig goes to stdout, as YAML or as JSON', async () => {
    const yaml = await ucs(['kubeconfig', 'get', 'demo'], env);
    assert.equal(yaml.code, 0, yaml.stderr);
    assert.match(yaml.stdout, /^apiVersion: v1\nclusters:\n- cluster:/);
    assert.match(yaml.stdout, /current-context: ucs-demo-0f3c2d8e/);
    const json = await ucs(['kubeconfig', 'get', 'demo', '-o', 'json', '--context', 'demo'], env);
    assert.equal(json.code, 0, json.stderr);
    const parsed = JSON.parse(json.stdout) as { contexts: { name: string }[]; 'current-context': string };
    assert.deepEqual(parsed.contexts.map((c) => c.name), ['demo']);
    assert.equal(parsed['current-context'], 'demo');
  });
});
