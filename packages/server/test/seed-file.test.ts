import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { loadSeedFile, parseSeed } from '@ucs-fleet/server';
import { callApi } from './support/http.js';
import { startTestServer, tempDir } from './support/test-server.js';

const dir = tempDir('seed-file');
const fleet = { id: '7d1e0c2a-0000-4000-8000-000000000009', name: 'from-file', domainId: 'd1', federation: 'enabled', connection: true };

test('a seed file is read as JSON or as YAML, to the same seed', () => {
  const json = join(dir, 'seed.json');
  writeFileSync(json, JSON.stringify({ tokens: [{ token: 't1', domainId: 'd1', userName: 'alice', groups: ['ops'] }], accessKeys: [], fleets: [fleet] }));
  const yaml = join(dir, 'seed.yaml');
  writeFileSync(
    yaml,
    ['tokens:', '  - { token: t1, domainId: d1, userName: alice, groups: [ops] }', 'accessKeys: []', 'fleets:', `  - { id: ${fleet.id}, name: from-file, domainId: d1, federation: enabled, connection: true }`, ''].join('\n'),
  );
  const fromJson = loadSeedFile(json);
  assert.deepEqual(fromJson.fleets.map((f) => [f.id, f.name, f.federation, f.connection]), [[fleet.id, 'from-file', 'enabled', true]]);
  assert.deepEqual(loadSeedFile(yaml), fromJson);
});

test('a seed file that is neither says so, naming the file', () => {
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'tokens: [unclosed\n');
  assert.throws(() => loadSeedFile(bad), (err: Error) => err.message.startsWith(`seed file ${bad} is neither YAML nor JSON`));
});

test('seed clusters: defaults filled, members of a seed fleet; a server started with them shows them in the fleet', async () => {
  const path = join(dir, 'clusters.yaml');
  writeFileSync(
    path,
    [
      'tokens:',
      '  - { token: t1, domainId: d1, userName: alice, groups: [ops] }',
      'fleets:',
      `  - { id: ${fleet.id}, name: from-file, domainId: d1, federation: enabled, connection: true }`,
      'clusters:',
      `  - { id: c-1, name: member-1, domainId: d1, fleetId: ${fleet.id}, apiEndpoint: 'https://10.0.0.1:6443', kubernetesVersion: v1.29 }`,
      `  - { id: c-2, name: member-2, domainId: d1, fleetId: ${fleet.id}, category: self }`,
      '  - { id: c-3, name: discrete, domainId: d1 }',
      '',
    ].join('\n'),
  );
  const seed = loadSeedFile(path);
  assert.deepEqual(seed.clusters?.[1], { id: 'c-2', name: 'member-2', domainId: 'd1', fleetId: fleet.id, category: 'self', type: 'cce', provider: 'huaweicloud', kubernetesVersion: 'v1.31', country: 'CN' });
  const server = await startTestServer({ seed });
  try {
    const shown = await callApi(server.url, { path: `/v1/clustergroups/${fleet.id}`, token: 't1' });
    assert.deepEqual((shown.body as { spec: { clusterIds: string[] } }).spec.clusterIds, ['c-1', 'c-2']);
    assert.deepEqual((await server.store.listFleetMembers(fleet.id)).map((c) => [c.name, c.kubernetesVersion, c.apiEndpoint]), [
      ['member-1', 'v1.29', 'https://10.0.0.1:6443'],
      ['member-2', 'v1.31', undefined],
    ]);
    const discrete = await callApi(server.url, { path: '/v1/clusters/c-3', token: 't1' });
    assert.equal((discrete.body as { spec: { manageType: string } }).spec.manageType, 'discrete');
  } finally {
    await server.close();
  }
});

test('seed clusters that cannot be: each refusal names the entry', () => {
  const refusals: [unknown, RegExp][] = [
    [{ id: 'c', name: 'x', domainId: 'd1', fleetId: 'nope' }, /clusters\[0\]\.fleetId nope is not a fleet of the seed in account d1/],
    [{ id: 'c', name: 'x', domainId: 'd2', fleetId: fleet.id }, /not a fleet of the seed in account d2/],
    [{ id: 'c', name: 'Upper', domainId: 'd1' }, /clusters\[0\]\.name "Upper" breaks the cluster naming rule/],
    [{ id: 'c', name: 'x', domainId: 'd1', category: 'self', type: 'eks' }, /clusters\[0\]: Cluster category not supported: type eks/],
    [{ id: 'c', name: 'x', domainId: 'd1', kubernetesVersion: '1.31' }, /kubernetesVersion must look like v1\.31/],
  ];
  for (const [cluster, message] of refusals) {
    assert.throws(() => parseSeed({ tokens: [], fleets: [fleet], clusters: [cluster] }), message);
  }
  const twice = { id: 'c', name: 'x', domainId: 'd1' };
  assert.throws(() => parseSeed({ fleets: [fleet], clusters: [twice, { ...twice, id: 'd' }] }), /the name x in account d1 is used twice/);
});

test("README's seed example is a valid seed: its clusters are members of its demo fleet", () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const block = /The seed file preloads[^]*?```yaml\n([^]*?)```/.exec(readme)?.[1];
  assert.ok(block, 'README has the seed example');
  const seed = parseSeed(parse(block));
  assert.deepEqual(seed.clusters?.map((c) => [c.name, c.fleetId === seed.fleets[0]?.id, c.category]), [
    ['prod-1', true, 'attachedcluster'],
    ['prod-2', true, 'attachedcluster'],
    ['cce-1', false, 'self'],
  ]);
});
