import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fleetCaSubject } from '../src/ca.js';
import { CertificateAuthority, PkiError, createFleetCa, type CaMaterial } from '../src/index.js';
import { fromPem } from '../src/x509/pem.js';
import { parseCaCertificate } from '../src/x509/template.js';
import { colonHex, extensionBlock, openssl, parseOpensslDates, run, tempDir } from './helpers.js';

const tmp = tempDir();
// Real time (openssl verify checks validity against the clock), with milliseconds to check truncation.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000 + 789);
const NOW_S = new Date(NOW.getTime() - 789);
const DAY = 86_400_000;

async function checkCa(ca: CaMaterial, name: string, opts: { rsa: boolean; validityDays: number }): Promise<void> {
  const certFile = tmp.file(`${name}.pem`, ca.certPem);
  const keyFile = tmp.file(`${name}.key`, ca.keyPem);
  assert.match(ca.keyPem, /^-----BEGIN PRIVATE KEY-----\n/);
  assert.match(await openssl(['verify', '-CAfile', certFile, certFile]), /: OK/);

  const text = await openssl(['x509', '-in', certFile, '-noout', '-text']);
  assert.match(text, /Version: 3 \(0x2\)/);
  assert.match(text, opts.rsa ? /Signature Algorithm: sha256WithRSAEncryption/ : /Signature Algorithm: ecdsa-with-SHA256/);
  assert.match(text, opts.rsa ? /Public-Key: \(2048 bit\)/ : /NIST CURVE: P-256/);
  assert.deepEqual(extensionBlock(text, 'X509v3 Basic Constraints'), { critical: true, body: 'CA:TRUE' });
  assert.deepEqual(extensionBlock(text, 'X509v3 Key Usage'), { critical: true, body: 'Digital Signature, Certificate Sign, CRL Sign' });
  const ski = extensionBlock(text, 'X509v3 Subject Key Identifier');
  assert.equal(colonHex(ski.body), CertificateAuthority.load(ca).keyIdHex);

  const dates = parseOpensslDates(await openssl(['x509', '-in', certFile, '-noout', '-dates', '-dateopt', 'iso_8601']));
  assert.equal(dates.notBefore.toISOString(), new Date(NOW_S.getTime() - 5 * 60_000).toISOString());
  assert.equal(dates.notAfter.toISOString(), new Date(NOW_S.getTime() + opts.validityDays * DAY).toISOString());

  // the key belongs to the certificate
  const certPub = await openssl(['x509', '-in', certFile, '-noout', '-pubkey']);
  const keyPub = await openssl(['pkey', '-in', keyFile, '-pubout']);
  assert.equal(certPub, keyPub);
}

test('createFleetCa (ECDSA P-256, defaults) produces a proper self-signed CA', async () => {
  const ca = await createFleetCa({ fleetId: 'fleet-0001', fleetName: 'prod-east', now: NOW });
  await checkCa(ca, 'ec-ca', { rsa: false, validityDays: 3650 });
  const x = new X509Certificate(ca.certPem);
  assert.equal(x.ca, true);
  assert.equal(x.subject, 'O=fleet-0001\nCN=ucs-federation-ca:prod-east');
  assert.equal(x.issuer, x.subject);
  // the subject bytes are exactly our encoding (the library did not re-encode/escape anything)
  assert.deepEqual(parseCaCertificate(fromPem(ca.certPem, 'CERTIFICATE')).subject, fleetCaSubject('fleet-0001', 'prod-east'));
});

test('createFleetCa (RSA-2048, custom validity)', async () => {
  const ca = await createFleetCa({ fleetId: 'fleet-rsa', fleetName: 'rsa', now: NOW, keyType: 'rsa-2048', validityDays: 30 });
  await checkCa(ca, 'rsa-ca', { rsa: true, validityDays: 30 });
});

test('CA subjects keep awkward fleet names verbatim and differ per fleet', async () => {
  const name = 'east, "prod" + #1 \\ ünïcode / 漢字';
  const ca = await createFleetCa({ fleetId: 'f-1', fleetName: name, now: NOW });
  assert.deepEqual(parseCaCertificate(fromPem(ca.certPem, 'CERTIFICATE')).subject, fleetCaSubject('f-1', name));
  const { X509Certificate: PX } = await import('@peculiar/x509');
  const parsed = new PX(ca.certPem);
  assert.deepEqual(parsed.subjectName.getField('CN'), [`ucs-federation-ca:${name}`]);
  assert.deepEqual(parsed.subjectName.getField('O'), ['f-1']);
  const other = await createFleetCa({ fleetId: 'f-2', fleetName: name, now: NOW });
  assert.notEqual(new X509Certificate(ca.certPem).subject, new X509Certificate(other.certPem).subject);
});

test('createFleetCa rejects bad options', async () => {
  const base = { fleetId: 'f', fleetName: 'n', now: NOW };
  await assert.rejects(createFleetCa({ ...base, fleetId: '' }), PkiError);
  await assert.rejects(createFleetCa({ ...base, fleetName: 'a\u0000' }), PkiError);
  await assert.rejects(createFleetCa({ ...base, now: new Date('nope') }), PkiError);
  await assert.rejects(createFleetCa({ ...base, validityDays: 0 }), PkiError);
  await assert.rejects(createFleetCa({ ...base, keyType: 'dsa' as never }), PkiError);
});

test('CertificateAuthority.load rejects unusable material', async () => {
  const a = await createFleetCa({ fleetId: 'a', fleetName: 'a', now: NOW });
  const b = await createFleetCa({ fleetId: 'b', fleetName: 'b', now: NOW });
  const invalidCa = (err: unknown): boolean => err instanceof PkiError && err.code === 'invalid_ca';
  assert.throws(() => CertificateAuthority.load({ certPem: a.certPem, keyPem: b.keyPem }), invalidCa);
  assert.throws(() => CertificateAuthority.load({ certPem: 'garbage', keyPem: a.keyPem }), invalidCa);
  assert.throws(() => CertificateAuthority.load({ certPem: a.certPem, keyPem: 'garbage' }), invalidCa);
  assert.throws(() => CertificateAuthority.load(null as never), invalidCa);
  // a leaf certificate is not a CA
  const leaf = await CertificateAuthority.load(a).mintClientCertificate({
    commonName: 'x',
    organizations: [],
    notBefore: NOW,
    notAfter: new Date(NOW.getTime() + DAY),
  });
  assert.throws(() => CertificateAuthority.load({ certPem: leaf.certPem, keyPem: leaf.keyPem }), invalidCa);
});

test('CertificateAuthority.load accepts SEC1 keys and CAs made by openssl (P-384, RSA-3072, PrintableString names)', async () => {
  const a = await createFleetCa({ fleetId: 'a', fleetName: 'a', now: NOW });
  const sec1 = await openssl(['ec', '-in', tmp.file('a.key', a.keyPem)]);
  assert.match(sec1, /BEGIN EC PRIVATE KEY/);
  CertificateAuthority.load({ certPem: a.certPem, keyPem: sec1 });

  const variants: Array<[string, string[]]> = [
    ['p384', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384']],
    ['rsa3072', ['-newkey', 'rsa:3072']],
  ];
  for (const [label, keyArgs] of variants) {
    const keyFile = `${tmp.dir}/ext-${label}.key`;
    const certFile = `${tmp.dir}/ext-${label}.pem`;
    await openssl(['req', '-x509', ...keyArgs, '-nodes', '-subj', `/C=CN/O=Example Org/CN=external ${label}`, '-days', '30', '-keyout', keyFile, '-out', certFile]);
    const ca = CertificateAuthority.load({ certPem: readFileSync(certFile, 'utf8'), keyPem: readFileSync(keyFile, 'utf8') });
    const now = new Date();
    const leaf = await ca.mintClientCertificate({
      commonName: 'alice',
      organizations: ['devs'],
      notBefore: new Date(now.getTime() - 60_000),
      notAfter: new Date(now.getTime() + DAY),
    });
    const leafFile = tmp.file(`ext-${label}-leaf.pem`, leaf.certPem);
    assert.match(await openssl(['verify', '-CAfile', certFile, leafFile]), /: OK/, label);
    const text = await openssl(['x509', '-in', leafFile, '-noout', '-text']);
    assert.match(text, label === 'p384' ? /ecdsa-with-SHA384/ : /sha256WithRSAEncryption/);
    assert.match(text, /Issuer: C = CN, O = Example Org, CN = external/);
  }
  const r = await run('openssl', ['version']);
  assert.equal(r.code, 0);
});
