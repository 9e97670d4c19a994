import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUcsClient } from '@ucs-fleet/client';
import type { RunningServer } from '@ucs-fleet/server';
import { specCheckingFetch } from './support/http.js';
import { readyFleetId, startTestServer, tempDir, token } from './support/test-server.js';
import { kubectl, openssl, writeCertificates, writeFleetCa, writeKubeconfig } from './support/tools.js';

const dayMs = 86_400_000;

describe('a downloaded kubeconfig, checked with the real kubectl and openssl', () => {
  let server: RunningServer;
  const dir = tempDir('kubectl');
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const client = () => createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });

  test('kubectl config view gives back every field, and get-contexts lists the context', async () => {
    const kc = await client().downloadFederationKubeconfig(readyFleetId, { duration: 30 });
    const file = writeKubeconfig(dir, 'view.yaml', kc);
    const viewed = JSON.parse(await kubectl(['--kubeconfig', file, 'config', 'view', '--raw', '-o', 'json']));
    assert.equal(viewed.kind, 'Config');
    assert.equal(viewed.apiVersion, 'v1');
    assert.equal(viewed['current-context'], kc['current-context']);
    assert.deepEqual(viewed.clusters, kc.clusters);
    assert.deepEqual(viewed.users, kc.users);
    assert.deepEqual(viewed.contexts, kc.contexts);
    const contexts = await kubectl(['--kubeconfig', file, 'config', 'get-contexts', '-o', 'name']);
    assert.deepEqual(contexts.trim().split('\n'), [kc['current-context']]);
    assert.match(kc['current-context'], /^ucs-demo-0f3c2d8e$/);
    assert.equal(kc.clusters[0]?.cluster['insecure-skip-tls-verify'], undefined);
  });

  for (const duration of [1, 30, 1825]) {
    test(`openssl: the client certificate verifies against the fleet's CA, has clientAuth, and lasts ${duration} days`, async () => {
      const before = Date.now();
      const kc = await client().downloadFederationKubeconfig(readyFleetId, { duration });
      const certDir = tempDir(`cert-${duration}`);
      const files = writeCertificates(certDir, kc);
      const fleetCa = await writeFleetCa(certDir, server.store, 'd1', readyFleetId);
      assert.match(await openssl(['verify', '-purpose', 'sslclient', '-CAfile', fleetCa, files.cert]), /: OK/);
      const text = await openssl(['x509', '-in', files.cert, '-noout', '-text']);
      assert.match(text, /TLS Web Client Authentication/);
      assert.match(text, /CA:FALSE/);
      assert.match(text, /Subject: .*CN ?= ?alice/);
      assert.match(text, /O ?= ?system:masters/);
      const notAfter = Date.parse((await openssl(['x509', '-in', files.cert, '-noout', '-enddate'])).split('=')[1]!);
      const expected = before + duration * dayMs;
      assert.ok(Math.abs(notAfter - expected) < 10_000, `notAfter ${new Date(notAfter).toISOString()} is ${duration} days after issue`);
      const certKey = await openssl(['x509', '-in', files.cert, '-noout', '-pubkey']);
      const privKey = await openssl(['pkey', '-in', files.key, '-pubout']);
      assert.equal(certKey, privKey, 'the private key belongs to the certificate');
    });
  }
});
