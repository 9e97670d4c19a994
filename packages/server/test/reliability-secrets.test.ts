import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { signRequest } from '@ucs-fleet/apig-signer';
import { defaultConfig, startServer, type RunningServer } from '@ucs-fleet/server';
import type { Kubeconfig } from '@ucs-fleet/types';
import { pino } from 'pino';
import { startChildServer } from './support/child-server.js';
import { readDatabase } from './support/fuzz/db-invariants.js';
import { recordFigures } from './support/fuzz/figures.js';
import { databaseBytes, keySecret, leaks, textSecret, type Secret } from './support/fuzz/secrets.js';
import { callApi } from './support/http.js';
import { otherAccountToken, readyFleetId, tempDir, token } from './support/test-server.js';
import { kubectl, writeKubeconfig } from './support/tools.js';

const accessKey = 'DEVAKEXAMPLE00000001';
const secretKey = 'dev-secret-key-change-me';
const unknownToken = 'tok-Zq8vN3xWm2Lk7Pj4Rt9Ys6Bd';
const wrongSecret = 'wrong-secret-Hn5Gc8Vx2Qw7';
const decode = (b64: string | undefined) => Buffer.from(b64 ?? '', 'base64').toString('utf8');
const figures: Record<string, unknown> = {};

/**
 * Requests that carry every kind of secret the server handles: tokens (valid, unknown, of the
 * other account), AK/SK signatures (valid, tampered, with a wrong secret), kubeconfig downloads
 * (fresh private keys in the answers) and errors of every family. Returns the secrets sent
 * and received, to look for afterwards.
 */
async function traffic(url: string): Promise<{ secrets: Secret[]; requests: number; clientKeys: number }> {
  const secrets: Secret[] = [
    textSecret('the token', token),
    textSecret("the other account's token", otherAccountToken),
    textSecret('an unknown token a client sent', unknownToken),
    textSecret('the secret key', secretKey),
    textSecret('a wrong secret key a client signed with', wrongSecret),
  ];
  let requests = 0;
  let clientKeys = 0;
  const send = async (r: Parameters<typeof callApi>[1]) => {
    requests++;
    return callApi(url, r);
  };
  const fleet = await send({ method: 'POST', path: '/v1/clustergroups', token, body: { metadata: { name: 'secrets' }, spec: { description: `token ${token} in a description` } } });
  const fleetId = (fleet.body as { uid: string }).uid;
  await send({ method: 'POST', path: `/v1/clustergroups/${fleetId}/federations`, token });
  await send({ method: 'POST', path: `/v1/clustergroups/${fleetId}/connection`, token, body: { projectID: 'p', vpcID: 'v', subnetID: 's' } });
  const kubeconfigs: Kubeconfig[] = [];
  for (const id of [readyFleetId, fleetId, readyFleetId]) {
    const r = await send({ method: 'POST', path: `/v1/clustergroups/${id}/kubeconfig`, token, body: { duration: 30 } });
    assert.equal(r.status, 201, r.text);
    kubeconfigs.push(r.body as Kubeconfig);
  }
  const cert = await send({ method: 'POST', path: `/v1/clustergroups/${fleetId}/cert`, token, body: { projectID: 'p', vpcID: 'v', subnetID: 's', duration: 7 } });
  kubeconfigs.push(cert.body as Kubeconfig);
  // AK/SK: a valid signature, one over other bytes, and one made with a wrong secret.
  const signed = (secret: string, body = '{"duration":30}') => {
    const headers = signRequest(
      { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/kubeconfig`, headers: { 'content-type': 'application/json', 'x-domain-id': 'd1' }, body },
      { accessKey, secretKey: secret },
    );
    secrets.push(textSecret('an Authorization signature', /Signature=([0-9a-f]{64})/.exec(headers.Authorization ?? '')![1]!));
    return { ...headers, 'Content-Type': 'application/json', 'X-Domain-Id': 'd1' };
  };
  const viaAksk = await send({ method: 'POST', path: `/v1/clustergroups/${readyFleetId}/kubeconfig`, headers: signed(secretKey), body: '{"duration":30}' });
  assert.equal(viaAksk.status, 201, viaAksk.text);
  kubeconfigs.push(viaAksk.body as Kubeconfig);
  assert.equal((await send({ method: 'POST', path: `/v1/clustergroups/${readyFleetId}/kubeconfig`, headers: signed(secretKey, '{"duration":31}'), body: '{"duration":30}' })).status, 401);
  assert.equal((await send({ method: 'POST', path: `/v1/clustergroups/${readyFleetId}/kubeconfig`, headers: signed(wrongSecret), body: '{"duration":30}' })).status, 401);
  // Errors of every family, some carrying a secret where it does not belong (not in a path:
  // paths are logged, as fleet ids must be, so a secret a client puts there is logged with it).
  const errors = [
    await send({ path: '/v1/clustergroups', token: unknownToken }),
    await send({ path: `/v1/clustergroups?token=${token}`, token }),
    await send({ path: '/v1/clustergroups', token, headers: { 'X-Domain-Id': 'd2' } }),
    await send({ path: `/v1/clustergroups/${readyFleetId}`, token: otherAccountToken }),
    await send({ method: 'POST', path: `/v1/clustergroups/${readyFleetId}/kubeconfig`, token, body: { duration: 0, secret: secretKey } }),
    await send({ method: 'POST', path: `/v1/clustergroups/${readyFleetId}/kubeconfig`, token, body: `{"duration": "${secretKey}"`, headers: { 'Content-Type': 'application/json' } }),
    await send({ method: 'POST', path: `/v1/clustergroups/${readyFleetId}/kubeconfig`, token, body: 'x'.repeat(70_000), headers: { 'Content-Type': 'application/json' } }),
    await send({ method: 'POST', path: `/v1/clustergroups/${readyFleetId}/kubeconfig`, token, body: secretKey, headers: { 'Content-Type': 'text/plain' } }),
    await send({ method: 'PUT', path: `/v1/clustergroups/${readyFleetId}/kubeconfig`, token }),
    await send({ path: '/v1/no-such-thing', headers: { Authorization: `SDK-HMAC-SHA256 Access=${accessKey}, SignedHeaders=host, Signature=${'ab'.repeat(32)}` } }),
  ];
  assert.deepEqual(
    errors.map((e) => e.status),
    [401, 400, 403, 404, 400, 400, 413, 415, 405, 401],
  );
  for (const [i, k] of kubeconfigs.entries()) {
    secrets.push(keySecret(`the private key of issued kubeconfig ${i}`, decode(k.users[0]?.user['client-key-data'])));
    clientKeys++;
  }
  return { secrets, requests, clientKeys };
}

describe('secrets stay out of logs and the database; the data directory is private', () => {
  test('in process, logging at trace without redaction: no token, secret key, signature or private key in any log line, 500s included', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString('utf8')), done()) });
    // No redaction here: the server must never hand a secret to the logger in the first place.
    const logger = pino({ level: 'trace' }, sink);
    const dataDir = join(tempDir('secrets-inproc'), 'data');
    const server: RunningServer = await startServer({
      config: { ...defaultConfig, port: 0, federationPort: 0, dataDir, logLevel: 'trace', keyPoolSize: 4, federationDelayMs: 0 },
      logger,
    });
    let secrets: Secret[] = [];
    try {
      const t = await traffic(server.url);
      secrets = t.secrets;
      // A 500, so that the error log path runs too: the store goes away under the server.
      await server.store.close();
      const failed = await callApi(server.url, { path: '/healthz' });
      assert.equal(failed.status, 500);
      assert.doesNotMatch(failed.text, /PRIVATE KEY|at .*:\d+|TypeError|SqliteError/);
      // The CA keys live in the store; they must not reach a log either.
      const { state } = readDatabase(join(dataDir, 'ucs.sqlite'));
      for (const f of state.fleets) if (f.ca_key_pem) secrets.push(keySecret(`the CA key of fleet ${f.name}`, f.ca_key_pem));
      const log = Buffer.from(lines.join(''));
      assert.ok(lines.length >= t.requests, `${lines.length} log lines for ${t.requests} requests: the capture works`);
      assert.ok(lines.some((l) => l.includes('"level":50')), 'the 500 was logged as an error');
      assert.doesNotMatch(log.toString(), /PRIVATE KEY/);
      assert.deepEqual(leaks(log, secrets), [], 'secrets found in the logs');
      figures.inProcess = { logLines: lines.length, requests: t.requests + 1, secretsLookedFor: secrets.length, clientKeys: t.clientKeys };
    } finally {
      await server.close();
    }
  });

  test('the real server process at --log-level trace: no secret in its JSON logs; after kill -9 no client key in the database or WAL bytes; data dir 0700, files 0600', async () => {
    const dataDir = join(tempDir('secrets-child'), 'data');
    const child = await startChildServer(['--data-dir', dataDir, '--log-level', 'trace']);
    const dbFile = join(dataDir, 'ucs.sqlite');
    let t: Awaited<ReturnType<typeof traffic>>;
    try {
      t = await traffic(child.url);
      // A kubeconfig in use: the federation endpoint sees its client certificate.
      const issued = await callApi(child.url, { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/kubeconfig`, token, body: { duration: 1 } });
      t.secrets.push(keySecret('the private key of the kubeconfig given to kubectl', decode((issued.body as Kubeconfig).users[0]?.user['client-key-data'])));
      const file = writeKubeconfig(tempDir('secrets-kubectl'), 'config', issued.body as Kubeconfig);
      await kubectl(['--kubeconfig', file, '--request-timeout=5s', 'get', 'namespaces']).catch(() => '');
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await child.kill('SIGKILL');
    }
    const output = child.output();
    // The startup banner (plain text, for people) is not a log; the JSON lines are.
    const jsonLines = output.split('\n').filter((l) => l.startsWith('{'));
    assert.ok(jsonLines.length >= t.requests, `${jsonLines.length} JSON log lines for ${t.requests} requests`);
    const log = Buffer.from(jsonLines.join('\n'));
    assert.doesNotMatch(log.toString(), /PRIVATE KEY/);
    assert.deepEqual(leaks(log, t.secrets), [], 'secrets found in the logs');

    const db = databaseBytes(dbFile);
    const clientKeys = t.secrets.filter((s) => s.what.includes('private key of'));
    assert.ok(db.length > 0 && clientKeys.length > 0);
    assert.deepEqual(leaks(db, clientKeys), [], 'client private keys found in the database files');
    assert.ok(db.includes(Buffer.from('BEGIN CERTIFICATE')), 'the search reads real data: the CA certificates are there');
    assert.equal(statSync(dataDir).mode & 0o777, 0o700, 'data directory mode');
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) assert.equal(statSync(f).mode & 0o777, 0o600, `${f} mode`);
    figures.childProcess = { logLines: jsonLines.length, requests: t.requests + 1, clientKeysSearchedInDatabase: clientKeys.length, databaseBytesSearched: db.length };
    recordFigures('secrets', figures);
  });
});
