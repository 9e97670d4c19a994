import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadSeedFile } from '@ucs-fleet/server';
import { tempDir } from './support/test-server.js';

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
