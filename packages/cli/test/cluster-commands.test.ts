/** The cluster commands, in process through run(argv, io), against the reference server. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import type { RunningServer } from '@ucs-fleet/server';
import { attachedKubeconfig } from '../../server/test/support/clusters.js';
import { readyFleetId, startTestServer } from '../../server/test/support/test-server.js';
import { cleanEnv, tempHome, ucsInProcess } from './support/cli.js';

describe('cluster commands', () => {
  let server: RunningServer;
  const home = tempHome('cluster-commands');
  const kubeconfig = join(home, 'prod-1.json');
  let env: Record<string, string>;
  const ucs = (...args: string[]) => ucsInProcess(args, env, home);
  before(async () => {
    server = await startTestServer();
    env = cleanEnv(home, { UCS_ENDPOINT: server.url, UCS_TOKEN: 'dev-token' });
    writeFileSync(kubeconfig, attachedKubeconfig);
  });
  after(() => server.close());

  test('register (into a fleet by name), list, show, leave, join, delete: by name or ID', async () => {
    const registered = await ucs('cluster', 'register', 'prod-1', '--kubeconfig', kubeconfig, '--fleet', 'demo', '--label', 'env=prod', '--city', '110000');
    assert.equal(registered.code, 0, registered.stderr);
    const id = registered.stdout.trim();
    assert.match(registered.stderr, new RegExp(`registered cluster prod-1 \\(${id}\\) in fleet demo`));
    const cce = await ucs('cluster', 'register', 'cce-1', '--category', 'self', '--type', 'turbo', '--region', 'cn-north-4');
    assert.equal(cce.code, 0, cce.stderr);

    const list = await ucs('cluster', 'list');
    assert.equal(list.code, 0, list.stderr);
    const [header, first, second] = list.stdout.split('\n');
    assert.match(header!, /^NAME\s+ID\s+CATEGORY\s+TYPE\s+VERSION\s+PHASE\s+FLEET\s+CREATED$/);
    assert.match(first!, new RegExp(`^prod-1\\s+${id}\\s+attachedcluster\\s+privatek8s\\s+v1\\.\\d+\\s+Available\\s+${readyFleetId}\\s+\\d{4}-`));
    assert.match(second!, /^cce-1\s+\S+\s+self\s+turbo\s+/);
    const members = await ucs('cluster', 'list', '--fleet', 'demo', '-o', 'json');
    assert.deepEqual((JSON.parse(members.stdout) as { items: { metadata: { name: string } }[] }).items.map((c) => c.metadata.name), ['prod-1']);

    const shown = parse((await ucs('cluster', 'show', 'prod-1')).stdout) as { metadata: { uid: string; labels: Record<string, string> }; spec: { apiEndpoint: string } };
    assert.deepEqual([shown.metadata.uid, shown.metadata.labels, shown.spec.apiEndpoint], [id, { env: 'prod' }, 'https://10.0.0.1:6443']);

    const refused = await ucs('cluster', 'delete', 'prod-1', '--yes');
    assert.equal(refused.code, 3, 'an API error');
    assert.match(refused.stderr, /UCS\.01030009.*remove it from the fleet first/);

    const left = await ucs('cluster', 'leave', 'prod-1');
    assert.equal(left.code, 0, left.stderr);
    assert.match(left.stdout, new RegExp(`cluster prod-1 left fleet ${readyFleetId}`));
    const joined = await ucs('cluster', 'join', id, 'demo');
    assert.equal(joined.code, 0, joined.stderr);
    assert.match(joined.stdout, /cluster prod-1 is in fleet demo/);
    const again = await ucs('cluster', 'leave', 'prod-1');
    assert.equal(again.code, 0, again.stderr);

    const deleted = await ucs('cluster', 'delete', 'prod-1', '--yes');
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.match(deleted.stdout, new RegExp(`deregistered cluster prod-1 \\(${id}\\)`));
    assert.equal(await server.store.getCluster('d1', id), undefined);
  });

  test('clear errors: an unknown cluster, a kubeconfig that cannot be read, a bad label, no confirmation without a terminal', async () => {
    const unknown = await ucs('cluster', 'show', 'nope');
    assert.equal(unknown.code, 3);
    assert.match(unknown.stderr, /UCS\.00000013.*cluster nope/);
    const missing = await ucs('cluster', 'register', 'x', '--kubeconfig', join(home, 'absent.yaml'));
    assert.equal(missing.code, 6);
    assert.match(missing.stderr, /cannot read the kubeconfig .*absent\.yaml: ENOENT/);
    const badLabel = await ucs('cluster', 'register', 'x', '--kubeconfig', kubeconfig, '--label', 'novalue');
    assert.equal(badLabel.code, 2);
    assert.match(badLabel.stderr, /--label novalue: give it as key=value/);
    const noKubeconfig = await ucs('cluster', 'register', 'x');
    assert.equal(noKubeconfig.code, 3);
    assert.match(noKubeconfig.stderr, /UCS\.01030008.*kubeconfig/);
    await ucs('cluster', 'register', 'asks', '--kubeconfig', kubeconfig);
    const unconfirmed = await ucs('cluster', 'delete', 'asks');
    assert.notEqual(unconfirmed.code, 0);
    assert.ok((await server.store.listClusters('d1', { offset: 0, orderBy: 'create_at', order: 'asc' })).items.some((c) => c.name === 'asks'), 'not deleted');
  });

  test('--help of each command says what it does, with examples', async () => {
    for (const sub of ['register', 'list', 'show', 'join', 'leave', 'delete']) {
      const help = await ucs('cluster', sub, '--help');
      assert.equal(help.code, 0, help.stderr);
      assert.match(help.stdout, new RegExp(`Usage: ucs cluster ${sub}`));
      assert.match(help.stdout, /Examples:\n\s+\$ ucs cluster /);
    }
  });
});
