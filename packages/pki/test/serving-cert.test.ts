import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { CertificateAuthority, PkiError, createFleetCa, type CaMaterial, type KeyType } from '../src/index.js';
import { colonHex, extensionBlock, openssl, parseOpensslDates, run, tempDir } from './helpers.js';

const tmp = tempDir();
const now = Math.floor(Date.now() / 1000) * 1000;
const NB = new Date(now - 60_000);
const NA = new Date(now + 30 * 86_400_000);
const caEc = await createFleetCa({ fleetId: 'fleet-s-ec', fleetName: 'serving-ec', now: new Date(now) });
const caRsa = await createFleetCa({ fleetId: 'fleet-s-rsa', fleetName: 'serving-rsa', now: new Date(now), keyType: 'rsa-2048' });
const HOSTS = ['127.0.0.1', 'localhost', '::1', 'fleet-1.federation.example.com', '*.svc.example.com'];
const SAN_TEXT =
  'IP Address:127.0.0.1, DNS:localhost, IP Address:0:0:0:0:0:0:0:1, DNS:fleet-1.federation.example.com, DNS:*.svc.example.com';

let n = 0;
const cases: Array<[string, CaMaterial, KeyType]> = [
  ['EC CA, EC key', caEc, 'ecdsa-p256'],
  ['EC CA, RSA key', caEc, 'rsa-2048'],
  ['RSA CA, EC key', caRsa, 'ecdsa-p256'],
];
for (const [label, ca, keyType] of cases) {
  test(`serving certificate passes openssl checks: ${label}`, async () => {
    const auth = CertificateAuthority.load(ca);
    const c = await auth.mintServingCertificate({ hosts: HOSTS, commonName: 'ucs-federation', notBefore: NB, notAfter: NA, keyType });
    n++;
    const caFile = tmp.file(`ca-${n}.pem`, ca.certPem);
    const certFile = tmp.file(`serving-${n}.pem`, c.certPem);
    const keyFile = tmp.file(`serving-${n}.key`, c.keyPem);
    const verify = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
      run('openssl', ['verify', ...args, '-CAfile', caFile, certFile]);
    const [server, ip4, ip6, dns, wildcard, wrongHost, wrongIp, asClient, info, key] = await Promise.all([
      verify('-purpose', 'sslserver'),
      verify('-purpose', 'sslserver', '-verify_ip', '127.0.0.1'),
      verify('-purpose', 'sslserver', '-verify_ip', '::1'),
      verify('-purpose', 'sslserver', '-verify_hostname', 'localhost'),
      verify('-purpose', 'sslserver', '-verify_hostname', 'api.svc.example.com'),
      verify('-purpose', 'sslserver', '-verify_hostname', 'evil.example.com'),
      verify('-purpose', 'sslserver', '-verify_ip', '127.0.0.2'),
      verify('-purpose', 'sslclient'),
      openssl(['x509', '-in', certFile, '-noout', '-subject', '-dates', '-dateopt', 'iso_8601', '-pubkey', '-text']),
      openssl(['pkey', '-in', keyFile, '-pubout', '-check']),
    ]);
    for (const r of [server, ip4, ip6, dns, wildcard]) assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(server.stdout, /: OK\n$/);
    for (const r of [wrongHost, wrongIp, asClient]) assert.notEqual(r.code, 0, r.stdout + r.stderr);
    assert.match(wrongHost.stdout + wrongHost.stderr, /hostname mismatch/);
    assert.match(wrongIp.stdout + wrongIp.stderr, /IP address mismatch/);

    assert.match(info, /^subject=CN = ucs-federation$/m);
    assert.deepEqual(extensionBlock(info, 'X509v3 Subject Alternative Name'), { critical: false, body: SAN_TEXT });
    assert.equal(extensionBlock(info, 'X509v3 Extended Key Usage').body, 'TLS Web Server Authentication');
    assert.deepEqual(extensionBlock(info, 'X509v3 Key Usage'), { critical: true, body: keyType === 'rsa-2048' ? 'Digital Signature, Key Encipherment' : 'Digital Signature' });
    assert.deepEqual(extensionBlock(info, 'X509v3 Basic Constraints'), { critical: true, body: 'CA:FALSE' });
    assert.equal(colonHex(extensionBlock(info, 'X509v3 Authority Key Identifier').body), auth.keyIdHex);
    extensionBlock(info, 'X509v3 Subject Key Identifier');
    const dates = parseOpensslDates(info);
    assert.equal(dates.notBefore.toISOString(), NB.toISOString());
    assert.equal(dates.notAfter.toISOString(), NA.toISOString());
    const pubPem = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----\n/.exec(info)![0];
    assert.equal(key, `Key is valid\n${pubPem}`);
  });
}

test('node:crypto X509Certificate sees the SAN entries', async () => {
  const auth = CertificateAuthority.load(caEc);
  const c = await auth.mintServingCertificate({ hosts: HOSTS, commonName: 'ucs-federation', notBefore: NB, notAfter: NA });
  const x = new X509Certificate(c.certPem);
  assert.equal(x.checkIP('127.0.0.1'), '127.0.0.1');
  assert.equal(x.checkIP('::1'), '::1');
  assert.equal(x.checkIP('10.0.0.1'), undefined);
  assert.equal(x.checkHost('localhost'), 'localhost');
  assert.equal(x.checkHost('fleet-1.federation.example.com'), 'fleet-1.federation.example.com');
  assert.equal(x.checkHost('a.svc.example.com'), '*.svc.example.com'); // returns the matching SAN
  assert.equal(x.checkHost('example.com'), undefined);
  assert.deepEqual(x.keyUsage, ['1.3.6.1.5.5.7.3.1']);
  assert.equal(x.checkIssued(new X509Certificate(caEc.certPem)), true);
  assert.equal(x.checkPrivateKey(createPrivateKey(c.keyPem)), true);
  assert.equal(x.serialNumber, c.serialHex);
});

test('hosts: duplicates dropped, IDN converted, IPv4-mapped IPv6 kept as 16 bytes', async () => {
  const auth = CertificateAuthority.load(caEc);
  const c = await auth.mintServingCertificate({
    hosts: ['localhost', 'LOCALHOST', '127.0.0.1', '127.0.0.1', 'bücher.example', '::ffff:10.1.2.3', '[2001:db8::1]'],
    commonName: 'x',
    notBefore: NB,
    notAfter: NA,
  });
  const text = await openssl(['x509', '-noout', '-ext', 'subjectAltName'], c.certPem);
  assert.equal(
    extensionBlock(text, 'X509v3 Subject Alternative Name').body,
    'DNS:localhost, IP Address:127.0.0.1, DNS:xn--bcher-kva.example, IP Address:0:0:0:0:0:FFFF:A01:203, IP Address:2001:DB8:0:0:0:0:0:1',
  );
});

test('invalid serving requests are rejected', async () => {
  const auth = CertificateAuthority.load(caEc);
  const ok = { hosts: ['localhost'], commonName: 'x', notBefore: NB, notAfter: NA };
  const bad = (over: Record<string, unknown>): Promise<void> =>
    assert.rejects(auth.mintServingCertificate({ ...ok, ...over } as never), (e: unknown) => e instanceof PkiError && e.code === 'invalid_request');
  await bad({ hosts: [] });
  await bad({ hosts: 'localhost' });
  await bad({ hosts: [''] });
  await bad({ hosts: ['bad host'] });
  await bad({ hosts: ['fe80::1%eth0'] });
  await bad({ hosts: ['256.1.1.1'] });
  await bad({ hosts: ['10.0.0.1.2'] });
  await bad({ commonName: '' });
  await bad({ notAfter: NB });
});
