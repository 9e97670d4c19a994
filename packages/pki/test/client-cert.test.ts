import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import * as px from '@peculiar/x509';
import {
  CertificateAuthority,
  KeyPool,
  PkiError,
  createFleetCa,
  type CaMaterial,
  type IssuedCertificate,
  type KeyType,
} from '../src/index.js';
import { keyIdFromSpki } from '../src/x509/key-id.js';
import { colonHex, extensionBlock, openssl, parseOpensslDates, run, tempDir } from './helpers.js';

const tmp = tempDir();
const now = Math.floor(Date.now() / 1000) * 1000;
const DAY = 86_400_000;
const NB = new Date(now - 60_000);
const NA = new Date(now + 365 * DAY);

const caEc = await createFleetCa({ fleetId: 'fleet-ec', fleetName: 'ec', now: new Date(now) });
const caRsa = await createFleetCa({ fleetId: 'fleet-rsa', fleetName: 'rsa', now: new Date(now), keyType: 'rsa-2048' });
const caOther = await createFleetCa({ fleetId: 'fleet-other', fleetName: 'other', now: new Date(now) });
// same subject as caEc, different key
const caEcTwin = await createFleetCa({ fleetId: 'fleet-ec', fleetName: 'ec', now: new Date(now) });
const caFile = (ca: CaMaterial): string => tmp.file(`ca-${colonHex(CertificateAuthority.load(ca).keyIdHex)}.pem`, ca.certPem);

let n = 0;
function writeIssued(c: IssuedCertificate): { cert: string; key: string } {
  n++;
  return { cert: tmp.file(`leaf-${n}.pem`, c.certPem), key: tmp.file(`leaf-${n}.key`, c.keyPem) };
}

const NAMEOPT = ['-nameopt', 'sep_multiline,utf8,sname,-esc_msb'];

/** openssl's view of a CA: file, SKI, subject lines (cached). */
const caInfo = new Map<CaMaterial, Promise<{ file: string; ski: string; subject: string }>>();
function opensslCa(ca: CaMaterial): Promise<{ file: string; ski: string; subject: string }> {
  let p = caInfo.get(ca);
  if (!p) {
    p = (async () => {
      const file = caFile(ca);
      const out = await openssl(['x509', '-in', file, '-noout', '-subject', '-text', ...NAMEOPT]);
      return {
        file,
        ski: colonHex(extensionBlock(out, 'X509v3 Subject Key Identifier').body),
        subject: out.slice(0, out.indexOf('Certificate:')).replace('subject=', '').trim(),
      };
    })();
    caInfo.set(ca, p);
  }
  return p;
}

/**
 * Full openssl-based check of one client certificate. openssl is started 4
 * times per certificate, concurrently (process start-up dominates here).
 */
async function checkClientCert(
  ca: CaMaterial,
  c: IssuedCertificate,
  expect: { cn: string; orgs: string[]; leafRsa: boolean; caRsa: boolean; notBefore: Date; notAfter: Date },
): Promise<void> {
  const f = writeIssued(c);
  const caX = await opensslCa(ca);
  const [asClient, asServer, info, key] = await Promise.all([
    run('openssl', ['verify', '-purpose', 'sslclient', '-CAfile', caX.file, f.cert]),
    run('openssl', ['verify', '-purpose', 'sslserver', '-CAfile', caX.file, f.cert]),
    openssl(['x509', '-in', f.cert, '-noout', '-serial', '-subject', '-issuer', '-dates', '-dateopt', 'iso_8601', '-pubkey', '-text', ...NAMEOPT]),
    openssl(['pkey', '-in', f.key, '-pubout', '-check']),
  ]);
  assert.equal(asClient.code, 0, asClient.stdout + asClient.stderr);
  assert.match(asClient.stdout, /: OK\n$/);
  assert.notEqual(asServer.code, 0, 'a client certificate must not be valid for serverAuth');

  const text = info.slice(info.indexOf('Certificate:'));
  assert.match(text, /Version: 3 \(0x2\)/);
  assert.match(text, expect.caRsa ? /Signature Algorithm: sha256WithRSAEncryption/ : /Signature Algorithm: ecdsa-with-SHA256/);
  assert.match(text, expect.leafRsa ? /Public-Key: \(2048 bit\)/ : /NIST CURVE: P-256/);
  const ku = extensionBlock(text, 'X509v3 Key Usage');
  assert.equal(ku.critical, true);
  assert.equal(ku.body, expect.leafRsa ? 'Digital Signature, Key Encipherment' : 'Digital Signature');
  assert.deepEqual(extensionBlock(text, 'X509v3 Extended Key Usage'), { critical: false, body: 'TLS Web Client Authentication' });
  const bc = extensionBlock(text, 'X509v3 Basic Constraints');
  assert.equal(bc.critical, true);
  assert.equal(bc.body, 'CA:FALSE');
  assert.doesNotMatch(text, /Subject Alternative Name/);

  // AKI = CA's SKI as openssl reads it from the CA certificate
  assert.equal(colonHex(extensionBlock(text, 'X509v3 Authority Key Identifier').body).replace(/^keyid/, ''), caX.ski);
  // SKI = SHA-1 of the public key bits, from the key openssl extracts
  const pubPem = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----\n/.exec(info)![0];
  const spki = createPublicKey(pubPem).export({ type: 'spki', format: 'der' });
  assert.equal(colonHex(extensionBlock(text, 'X509v3 Subject Key Identifier').body), keyIdFromSpki(spki).toString('hex'));

  // subject: one O per group, then CN; issuer: the CA subject
  const head = info.slice(0, info.indexOf('notBefore='));
  const subjectLines = head.slice(head.indexOf('subject=') + 8, head.indexOf('issuer=')).trim().split('\n').map((l) => l.trim());
  assert.deepEqual(subjectLines, [...expect.orgs.map((o) => `O=${o}`), `CN=${expect.cn}`]);
  assert.equal(head.slice(head.indexOf('issuer=') + 7).trim(), caX.subject);

  // validity exactly as requested
  const dates = parseOpensslDates(info);
  assert.equal(dates.notBefore.toISOString(), expect.notBefore.toISOString());
  assert.equal(dates.notAfter.toISOString(), expect.notAfter.toISOString());
  assert.equal(c.notBefore.toISOString(), expect.notBefore.toISOString());
  assert.equal(c.notAfter.toISOString(), expect.notAfter.toISOString());

  // serial: 16 bytes, positive, as reported
  assert.equal(/^serial=([0-9A-F]+)$/m.exec(info)?.[1], c.serialHex);
  assert.match(c.serialHex, /^[0-7][0-9A-F]{31}$/);
  assert.doesNotMatch(c.serialHex, /^00/);

  // the private key is a valid PKCS#8 key and matches the certificate
  assert.match(c.keyPem, /^-----BEGIN PRIVATE KEY-----\n/);
  assert.match(key, /^Key is valid\n/);
  assert.equal(key.replace(/^Key is valid\n/, ''), pubPem);
}

const matrix: Array<[string, CaMaterial, boolean, KeyType]> = [
  ['EC CA, EC leaf', caEc, false, 'ecdsa-p256'],
  ['EC CA, RSA leaf', caEc, false, 'rsa-2048'],
  ['RSA CA, EC leaf', caRsa, true, 'ecdsa-p256'],
  ['RSA CA, RSA leaf', caRsa, true, 'rsa-2048'],
];
for (const [label, ca, caIsRsa, keyType] of matrix) {
  test(`client certificate passes openssl checks: ${label}`, async () => {
    const auth = CertificateAuthority.load(ca);
    const iterations = keyType === 'rsa-2048' ? 2 : 4;
    for (let i = 0; i < iterations; i++) {
      const orgs = i % 2 ? ['system:masters', 'dev-team'] : ['ucs:fleet-viewers'];
      const c = await auth.mintClientCertificate({ commonName: `user-${i}@example.com`, organizations: orgs, notBefore: NB, notAfter: NA, keyType });
      await checkClientCert(ca, c, { cn: `user-${i}@example.com`, orgs, leafRsa: keyType === 'rsa-2048', caRsa: caIsRsa, notBefore: NB, notAfter: NA });
    }
  });
}

test('no organizations, and UTF-8 names, are encoded as given', async () => {
  const auth = CertificateAuthority.load(caEc);
  const c0 = await auth.mintClientCertificate({ commonName: 'system:serviceaccount:kube-system:default', organizations: [], notBefore: NB, notAfter: NA });
  await checkClientCert(caEc, c0, { cn: 'system:serviceaccount:kube-system:default', orgs: [], leafRsa: false, caRsa: false, notBefore: NB, notAfter: NA });
  const c1 = await auth.mintClientCertificate({ commonName: '张三 ünïcode', organizations: ['组-1', 'équipe'], notBefore: NB, notAfter: NA });
  await checkClientCert(caEc, c1, { cn: '张三 ünïcode', orgs: ['组-1', 'équipe'], leafRsa: false, caRsa: false, notBefore: NB, notAfter: NA });
  const asn1 = await openssl(['asn1parse', '-in', tmp.file('utf8.pem', c1.certPem)]);
  assert.match(asn1, /UTF8STRING\s+:张三 ünïcode/);
  // characters that are special in RFC 4514 strings go in verbatim (checked on the parsed attribute values)
  const tricky = 'a,b=c+"d"\\#<e>;';
  const c2 = await auth.mintClientCertificate({ commonName: tricky, organizations: [` ${tricky} `, '#x'], notBefore: NB, notAfter: NA });
  const parsed = new px.X509Certificate(c2.certPem);
  const rdns = parsed.subjectName.toJSON();
  assert.deepEqual(rdns, [{ O: [` ${tricky} `] }, { O: ['#x'] }, { CN: [tricky] }]);
  assert.match(await openssl(['verify', '-CAfile', caFile(caEc), tmp.file('tricky.pem', c2.certPem)]), /: OK/);
});

test('1,000 mints: distinct serials, all verify with openssl, all parse with node', async () => {
  const pool = new KeyPool({ keyType: 'ecdsa-p256', size: 64 });
  await pool.ready();
  const auth = CertificateAuthority.load(caEc, { keyPool: pool });
  const files: string[] = [];
  const serials = new Set<string>();
  for (let i = 0; i < 1000; i++) {
    const c = await auth.mintClientCertificate({ commonName: `u${i}`, organizations: ['g'], notBefore: NB, notAfter: NA });
    serials.add(c.serialHex);
    const x = new X509Certificate(c.certPem);
    assert.equal(x.serialNumber, c.serialHex);
    files.push(tmp.file(`many-${i}.pem`, c.certPem));
  }
  assert.equal(serials.size, 1000);
  assert.ok(pool.stats.hits >= 64);
  pool.close();
  const out = await openssl(['verify', '-CAfile', caFile(caEc), ...files]);
  assert.equal(out.split('\n').filter((l) => l.endsWith(': OK')).length, 1000);
});

test('a certificate from one CA does not verify against another', async () => {
  const c = await CertificateAuthority.load(caEc).mintClientCertificate({ commonName: 'alice', organizations: [], notBefore: NB, notAfter: NA });
  const f = writeIssued(c);
  for (const other of [caOther, caRsa, caEcTwin]) {
    const r = await run('openssl', ['verify', '-CAfile', caFile(other), f.cert]);
    assert.notEqual(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /unable to get local issuer certificate|signature failure|key identifier mismatch/i);
  }
  assert.equal((await run('openssl', ['verify', '-CAfile', caFile(caEc), f.cert])).code, 0);
});

test('validity: UTCTime before 2050, GeneralizedTime from 2050, milliseconds truncated', async () => {
  const auth = CertificateAuthority.load(caEc);
  const notBefore = new Date('2049-12-31T23:59:59.999Z');
  const notAfter = new Date('2051-06-01T00:00:00.500Z');
  const c = await auth.mintClientCertificate({ commonName: 'time', organizations: [], notBefore, notAfter });
  assert.equal(c.notBefore.toISOString(), '2049-12-31T23:59:59.000Z');
  assert.equal(c.notAfter.toISOString(), '2051-06-01T00:00:00.000Z');
  const f = writeIssued(c);
  const asn1 = await openssl(['asn1parse', '-in', f.cert]);
  assert.match(asn1, /UTCTIME\s+:491231235959Z/);
  assert.match(asn1, /GENERALIZEDTIME\s+:20510601000000Z/);
  const dates = parseOpensslDates(await openssl(['x509', '-in', f.cert, '-noout', '-dates', '-dateopt', 'iso_8601']));
  assert.equal(dates.notBefore.toISOString(), '2049-12-31T23:59:59.000Z');
  assert.equal(dates.notAfter.toISOString(), '2051-06-01T00:00:00.000Z');
  // not yet valid -> openssl says so (proves the dates are really used)
  const r = await run('openssl', ['verify', '-CAfile', caFile(caEc), f.cert]);
  assert.match(r.stdout + r.stderr, /not yet valid/);
});

test('invalid requests are rejected', async () => {
  const auth = CertificateAuthority.load(caEc);
  const ok = { commonName: 'a', organizations: ['g'], notBefore: NB, notAfter: NA };
  const bad = (over: Record<string, unknown>): Promise<void> =>
    assert.rejects(auth.mintClientCertificate({ ...ok, ...over } as never), (e: unknown) => e instanceof PkiError && e.code === 'invalid_request');
  await bad({ commonName: '' });
  await bad({ commonName: undefined });
  await bad({ commonName: 'a\nb' });
  await bad({ organizations: [''] });
  await bad({ organizations: 'g' });
  await bad({ organizations: [42] });
  await bad({ notBefore: new Date('x') });
  await bad({ notBefore: '2025-01-01' });
  await bad({ notAfter: NB });
  await bad({ notAfter: new Date(NB.getTime() + 500) }); // same second after truncation
  await bad({ keyType: 'ed25519' });
  await assert.rejects(auth.mintClientCertificate(null as never), PkiError);
});

test('node:crypto X509Certificate and @peculiar/x509 read the same fields', async () => {
  const pool = new KeyPool({ keyType: 'ecdsa-p256', size: 2 });
  const auth = CertificateAuthority.load(caEc, { keyPool: pool });
  const c = await auth.mintClientCertificate({ commonName: 'alice', organizations: ['system:masters', 'dev'], notBefore: NB, notAfter: NA });
  pool.close();
  const caX = new X509Certificate(caEc.certPem);

  const x = new X509Certificate(c.certPem);
  assert.equal(x.subject, 'O=system:masters\nO=dev\nCN=alice');
  assert.equal(x.issuer, caX.subject);
  assert.equal(x.serialNumber, c.serialHex);
  assert.equal(new Date(x.validFrom).toISOString(), NB.toISOString());
  assert.equal(new Date(x.validTo).toISOString(), NA.toISOString());
  assert.deepEqual(x.keyUsage, ['1.3.6.1.5.5.7.3.2']);
  assert.equal(x.ca, false);
  assert.equal(x.subjectAltName, undefined);
  assert.equal(x.checkIssued(caX), true);
  assert.equal(x.verify(caX.publicKey), true);
  assert.equal(x.verify(new X509Certificate(caOther.certPem).publicKey), false);
  assert.equal(x.checkPrivateKey(createPrivateKey(c.keyPem)), true);

  const p = new px.X509Certificate(c.certPem);
  const pCa = new px.X509Certificate(caEc.certPem);
  assert.equal(p.serialNumber.toUpperCase(), c.serialHex);
  assert.deepEqual(p.subjectName.getField('CN'), ['alice']);
  assert.deepEqual(p.subjectName.getField('O'), ['system:masters', 'dev']);
  assert.deepEqual(Buffer.from(p.issuerName.toArrayBuffer()), Buffer.from(pCa.subjectName.toArrayBuffer()));
  assert.equal(p.notBefore.toISOString(), NB.toISOString());
  assert.equal(p.notAfter.toISOString(), NA.toISOString());
  assert.equal((p.signatureAlgorithm as unknown as { name: string }).name, 'ECDSA');
  const ku = p.getExtension(px.KeyUsagesExtension);
  assert.ok(ku?.critical);
  assert.equal(ku.usages, px.KeyUsageFlags.digitalSignature);
  assert.deepEqual([...(p.getExtension(px.ExtendedKeyUsageExtension)?.usages ?? [])], [px.ExtendedKeyUsage.clientAuth]);
  const bc = p.getExtension(px.BasicConstraintsExtension);
  assert.ok(bc?.critical);
  assert.equal(bc.ca, false);
  const caSki = pCa.getExtension(px.SubjectKeyIdentifierExtension)!.keyId;
  assert.equal(p.getExtension(px.AuthorityKeyIdentifierExtension)?.keyId, caSki);
  const ski = p.getExtension(px.SubjectKeyIdentifierExtension)!.keyId;
  const expectedSki = await px.SubjectKeyIdentifierExtension.create(await p.publicKey.export());
  assert.equal(ski, expectedSki.keyId);
  assert.equal(await p.verify({ publicKey: pCa.publicKey, signatureOnly: true }), true);
  assert.equal(await p.verify({ publicKey: new px.X509Certificate(caOther.certPem).publicKey, signatureOnly: true }), false);
});
