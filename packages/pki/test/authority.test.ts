// The API the server calls on every kubeconfig: CertificateAuthority.mintClientCertificate, with
// the requests of one event-loop turn signed in one batch and keys from a pool when one is given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { CertificateAuthority, KeyPool, PkiError, createFleetCa, validityPeriod } from '../src/index.js';
import { openssl, tempDir } from './helpers.js';

const tmp = tempDir('pki-authority-');
const now = Date.now();
const ca = await createFleetCa({ fleetId: 'fleet-async', fleetName: 'async', now: new Date(now) });
const caFile = tmp.file('ca.pem', ca.certPem);
const { notBefore, notAfter } = validityPeriod(now, 30);

test('requests made together each get their own key and certificate; a bad one fails alone', async () => {
  const authority = CertificateAuthority.load(ca);
  const users = Array.from({ length: 12 }, (_, i) => `user-${i}`);
  const pending = users.map((commonName) => authority.mintClientCertificate({ commonName, organizations: ['team'], notBefore, notAfter }));
  const bad = authority.mintClientCertificate({ commonName: '', organizations: [], notBefore, notAfter });
  await assert.rejects(bad, (err: unknown) => err instanceof PkiError && err.code === 'invalid_request');
  const issued = await Promise.all(pending);

  assert.deepEqual(
    issued.map((c) => new X509Certificate(c.certPem).subject),
    users.map((u) => `O=team\nCN=${u}`),
  );
  assert.equal(new Set(issued.map((c) => c.serialHex)).size, users.length);
  assert.equal(new Set(issued.map((c) => c.keyPem)).size, users.length);
  for (const c of issued) {
    assert.equal(new X509Certificate(c.certPem).checkPrivateKey(createPrivateKey(c.keyPem)), true);
    assert.deepEqual([c.notBefore, c.notAfter], [notBefore, notAfter]);
  }
  const files = issued.map((c, i) => tmp.file(`together-${i}.pem`, c.certPem));
  const verified = await openssl(['verify', '-CAfile', caFile, ...files]);
  assert.equal(verified.split('\n').filter((line) => line.endsWith(': OK')).length, users.length);
});

test('a pool serves the requests of its key type; other key types are generated on demand', async () => {
  const pool = new KeyPool({ keyType: 'rsa-2048', size: 1, concurrency: 1 });
  await pool.ready();
  const authority = CertificateAuthority.load(ca, { keyPool: pool });
  try {
    const rsa = await authority.mintClientCertificate({ commonName: 'rsa', organizations: [], notBefore, notAfter, keyType: 'rsa-2048' });
    assert.deepEqual({ hits: pool.stats.hits, misses: pool.stats.misses }, { hits: 1, misses: 0 });
    const ec = await authority.mintClientCertificate({ commonName: 'ec', organizations: [], notBefore, notAfter });
    assert.deepEqual({ hits: pool.stats.hits, misses: pool.stats.misses }, { hits: 1, misses: 0 });
    assert.equal(new X509Certificate(rsa.certPem).publicKey.asymmetricKeyType, 'rsa');
    assert.equal(new X509Certificate(ec.certPem).publicKey.asymmetricKeyType, 'ec');
    assert.match(await openssl(['verify', '-CAfile', caFile, tmp.file('rsa.pem', rsa.certPem), tmp.file('ec.pem', ec.certPem)]), /rsa\.pem: OK\n.*ec\.pem: OK/);
  } finally {
    pool.close();
  }
});

test('validityPeriod: whole seconds, five minutes early, exactly the days asked', () => {
  const at = Date.UTC(2026, 11, 1, 9, 30, 15, 999);
  assert.deepEqual(validityPeriod(at, 30), {
    issuedAt: new Date('2026-12-01T09:30:15.000Z'),
    notBefore: new Date('2026-12-01T09:25:15.000Z'),
    notAfter: new Date('2026-12-31T09:30:15.000Z'),
  });
});
