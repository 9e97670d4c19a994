/** `ucs cluster kubeconfig`: a registered cluster's kubeconfig printed, written 0600, or merged, and used with the real kubectl. */
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import type { RunningServer } from '@ucs-fleet/server';
import { registerInStore } from '../../server/test/support/registered-clusters.js';
import { startTestServer } from '../../server/test/support/test-server.js';
import { kubectlRun } from '../../server/test/support/tools.js';
import { cleanEnv, tempHome, ucsInProcess } from './support/cli.js';

describe('ucs cluster kubeconfig', () => {
  let server: RunningServer;
  const home = tempHome('cluster-kubeconfig');
  let env: Record<string, string>;
  const ucs = (...args: string[]) => ucsInProcess(args, env, home);
  before(async () => {
    server = await startTestServer();
    env = cleanEnv(home, { UCS_ENDPOINT: server.url, UCS_TOKEN: 'dev-token' });
  });
  after(() => server.close());

  test('prints it, writes it with mode 0600 with --file (the cluster named by its name), and merges it with --merge, keeping other entries', async () => {
    const [cluster] = await registerInStore(server, 'dev-token', undefined, 'cli-cluster');
    const printed = await ucs('cluster', 'kubeconfig', cluster!.id);
    assert.equal(printed.code, 0, printed.stderr);
    assert.equal(parse(printed.stdout).clusters[0].cluster.server, server.federationEndpoint.clusterUrl(cluster!.id));

    const file = join(home, 'cluster.kubeconfig');
    const written = await ucs('cluster', 'kubeconfig', 'cli-cluster', '--file', file);
    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stderr, /wrote .*cluster\.kubeconfig \(mode 0600\); the client certificate is valid until/);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const whoami = await kubectlRun(file, ['auth', 'whoami', '-o', 'json']);
    assert.equal(whoami.code, 0, whoami.stderr);
    assert.equal(JSON.parse(whoami.stdout).status.userInfo.username, 'alice');

    const target = join(home, 'merged.kubeconfig');
    writeFileSync(target, 'apiVersion: v1\nkind: Config\nclusters:\n- name: keep\n  cluster: {server: "https://keep.example"}\ncontexts: []\nusers: []\ncurrent-context: ""\n', { mode: 0o600 });
    const merged = await ucs('cluster', 'kubeconfig', cluster!.id, '--merge', '--kubeconfig', target);
    assert.equal(merged.code, 0, merged.stderr);
    const config = parse(readFileSync(target, 'utf8'));
    assert.deepEqual(config.clusters.map((c: { name: string }) => c.name).sort(), ['keep', config['current-context']].sort());
    assert.match(config['current-context'], /^ucs-cluster-cli-cluster-/);
    assert.equal(statSync(target).mode & 0o777, 0o600);
  });

  test('an unknown cluster is exit 3 with the UCS code; flags of --merge without it are a usage error', async () => {
    const missing = await ucs('cluster', 'kubeconfig', 'b0d1ecb5-0000-0000-0000-000000000000');
    assert.equal(missing.code, 3);
    assert.match(missing.stderr, /UCS\.00000013/);
    const usage = await ucs('cluster', 'kubeconfig', 'x', '--kubeconfig', join(home, 'k'));
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--kubeconfig only works with --merge/);
  });
});
