/**
 * Readiness on SQLite reflects whether the database can write, not only whether it answers:
 * with the database files (or them and their directory) made immutable under a running server,
 * reads still work but every write fails, so /healthz answers 500 UCS.00000005 with the writes;
 * once writable again, 200 and the writes go through.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { databaseFileName } from '../src/store/sqlite-store.js';
import { callApi } from './support/http.js';
import { readyFleetId, startTestServer, tempDir, token } from './support/test-server.js';

/** Whether `chattr +i` works here: it needs root and a file system with the flag (not tmpfs). */
function immutableFlagWorks(): boolean {
  const dir = tempDir('chattr-probe');
  const ok = spawnSync('chattr', ['+i', dir]).status === 0;
  if (ok) spawnSync('chattr', ['-i', dir]);
  return ok;
}

const files = (dataDir: string) => [databaseFileName, `${databaseFileName}-wal`].map((f) => join(dataDir, f));

// The -shm file stays writable in every case: SQLite maps it into memory, and a write fault on an
// immutable mapping is a SIGBUS no process can catch.
const cases: { name: string; targets: (dataDir: string) => string[] }[] = [
  { name: 'the database file and its write-ahead log immutable', targets: files },
  { name: 'the data directory and the database files immutable', targets: (dataDir) => [dataDir, ...files(dataDir)] },
];

describe('SQLite that cannot write', { skip: immutableFlagWorks() ? false : 'chattr +i is not available here (needs root and ext4/xfs)' }, () => {
  for (const c of cases) {
    test(`${c.name}: healthz and writes 500 UCS.00000005, reads still answer; writable again: 200`, async (t) => {
      const dataDir = tempDir('unwritable');
      const server = await startTestServer({ config: { dataDir } });
      const targets = c.targets(dataDir);
      try {
        assert.equal((await callApi(server.url, { path: '/healthz' })).status, 200);
        const before = await callApi(server.url, { path: '/v1/clustergroups', token });
        execFileSync('chattr', ['+i', ...targets]);

        const health = await callApi(server.url, { path: '/healthz' });
        assert.equal(health.status, 500);
        assert.equal((health.body as { error_code: string }).error_code, 'UCS.00000005');
        const writes = [
          await callApi(server.url, { method: 'POST', path: '/v1/clustergroups', token, body: { metadata: { name: 'while-unwritable' } } }),
          await callApi(server.url, { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/kubeconfig`, token, body: { duration: 1 } }),
        ];
        assert.deepEqual(writes.map((w) => [w.status, (w.body as { error_code: string }).error_code]), [
          [500, 'UCS.00000005'],
          [500, 'UCS.00000005'],
        ]);
        const during = await callApi(server.url, { path: '/v1/clustergroups', token });
        assert.equal(during.status, 200, 'reads still answer');
        assert.deepEqual(during.body, before.body, 'the failed writes changed nothing');

        execFileSync('chattr', ['-i', ...targets]);
        assert.equal((await callApi(server.url, { path: '/healthz' })).status, 200);
        assert.equal((await callApi(server.url, { method: 'POST', path: '/v1/clustergroups', token, body: { metadata: { name: 'writable-again' } } })).status, 201);
        t.diagnostic(`${c.name}: healthz 200 -> 500 -> 200; create and kubeconfig 500 UCS.00000005, nothing changed`);
      } finally {
        spawnSync('chattr', ['-i', ...targets]);
        await server.close();
      }
    });
  }
});
