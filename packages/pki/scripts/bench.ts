// Micro-benchmark of client-certificate minting (not a test; no assertions on timings).
//   npm run bench -w @ucs-fleet/pki
import 'reflect-metadata';
import { generateKeyPairSync, sign, webcrypto } from 'node:crypto';
import { setImmediate as tick } from 'node:timers/promises';
import * as x509 from '@peculiar/x509';
import { CertificateAuthority, KeyPool, createFleetCa, type ClientCertificateRequest, type IssuedCertificate } from '../src/index.js';
import { fromPem, toPem } from '../src/x509/pem.js';

const crypto = webcrypto;
x509.cryptoProvider.set(crypto);

const now = new Date();
const req: ClientCertificateRequest = {
  commonName: 'alice@example.com',
  organizations: ['system:masters', 'ucs:fleet-admins'],
  notBefore: new Date(now.getTime() - 60_000),
  notAfter: new Date(now.getTime() + 365 * 86_400_000),
};

interface Stats {
  n: number;
  mean: number;
  p50: number;
  p99: number;
}
function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, mean: s.reduce((a, b) => a + b, 0) / s.length, p50: q(0.5), p99: q(0.99) };
}
const rows: Array<[string, Stats, string]> = [];
function report(name: string, samples: number[], note = ''): void {
  const st = stats(samples);
  rows.push([name, st, note]);
  console.log(`${name.padEnd(52)} n=${String(st.n).padStart(5)}  mean ${st.mean.toFixed(4)} ms  p50 ${st.p50.toFixed(4)}  p99 ${st.p99.toFixed(4)}  ${note}`);
}

function timeSync(n: number, f: () => unknown, warmup = Math.min(200, n)): number[] {
  for (let i = 0; i < warmup; i++) f();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    f();
    out.push(performance.now() - t);
  }
  return out;
}

async function timeAsync(n: number, f: () => Promise<unknown>, warmup = Math.min(20, n)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await f();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return out;
}

const caEc = await createFleetCa({ fleetId: 'bench', fleetName: 'bench', now });
const caRsa = await createFleetCa({ fleetId: 'bench-rsa', fleetName: 'bench-rsa', now, keyType: 'rsa-2048' });

// --- 0. native floor: P-256 keygen + one ECDSA signature ----------------------
{
  const ca = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const tbs = Buffer.alloc(420, 7);
  report('native floor: P-256 keygen + ECDSA sign (no cert)', timeSync(3000, () => {
    generateKeyPairSync('ec', { namedCurve: 'prime256v1', publicKeyEncoding: { format: 'jwk' }, privateKeyEncoding: { format: 'jwk' } } as never);
    sign('sha256', tbs, ca.privateKey);
  }));
}

// --- 1. @peculiar/x509, naive: generate a key and build the certificate each time
{
  const caCert = new x509.X509Certificate(caEc.certPem);
  const caKey = await crypto.subtle.importKey('pkcs8', fromPem(caEc.keyPem, 'PRIVATE KEY'), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const caSki = caCert.getExtension(x509.SubjectKeyIdentifierExtension)!.keyId;
  const mint = async (): Promise<IssuedCertificate> => {
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const serial = new Uint8Array(16);
    crypto.getRandomValues(serial);
    serial[0] = (serial[0]! & 0x7f) | 0x01;
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: Buffer.from(serial).toString('hex'),
      subject: [{ O: req.organizations.map((o) => o) }, { CN: [req.commonName] }],
      issuer: caCert.subjectName,
      notBefore: req.notBefore,
      notAfter: req.notAfter,
      publicKey: keys.publicKey,
      signingKey: caKey,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      extensions: [
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
        new x509.BasicConstraintsExtension(false, undefined, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        new x509.AuthorityKeyIdentifierExtension(caSki),
      ],
    });
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
    return { certPem: cert.toString('pem'), keyPem: toPem('PRIVATE KEY', pkcs8), serialHex: cert.serialNumber, notBefore: cert.notBefore, notAfter: cert.notAfter };
  };
  report('@peculiar/x509 naive (webcrypto keygen + build + sign)', await timeAsync(300, mint));
}

// --- 2. template minting, P-256, pool hits -----------------------------------
{
  const ROUND = 1000;
  const pool = new KeyPool({ keyType: 'ecdsa-p256', size: ROUND });
  const ca = CertificateAuthority.load(caEc, { keyPool: pool });
  const samples: number[] = [];
  for (let round = 0; round < 4; round++) {
    await pool.ready(); // refill outside the timed section
    const s = await timeAsync(ROUND - 10, () => ca.mintClientCertificate(req), 0);
    if (round > 0) samples.push(...s); // round 0 = warm-up
  }
  report('template, P-256, key from pool (pool hit)', samples, `hits=${pool.stats.hits} misses=${pool.stats.misses}`);
  pool.close();
}

// --- 3. template minting, P-256, no pool -------------------------------------
{
  const ca = CertificateAuthority.load(caEc);
  report('template, P-256, no pool (key made in the batch)', await timeAsync(3000, () => ca.mintClientCertificate(req)));
  report('template, serving cert, P-256, no pool', await timeAsync(2000, () =>
    ca.mintServingCertificate({ hosts: ['127.0.0.1', 'localhost'], commonName: 'fed', notBefore: req.notBefore, notAfter: req.notAfter })));
  const caR = CertificateAuthority.load(caRsa);
  report('template, RSA-2048 CA signing, P-256 key, no pool', await timeAsync(1000, () => caR.mintClientCertificate(req)));
  const batch = 10;
  report(`template, P-256, no pool, ${batch} requests of one turn (per request)`, (await timeAsync(300, () => Promise.all(Array.from({ length: batch }, () => ca.mintClientCertificate(req))))).map((ms) => ms / batch));
}

// --- 4. sustained: one mint after another, pool refilling concurrently --------
{
  const pool = new KeyPool({ keyType: 'ecdsa-p256', size: 256 });
  await pool.ready();
  const ca = CertificateAuthority.load(caEc, { keyPool: pool });
  const samples: number[] = [];
  const t0 = performance.now();
  while (performance.now() - t0 < 3000) {
    const t = performance.now();
    await ca.mintClientCertificate(req);
    samples.push(performance.now() - t);
    await tick();
  }
  const elapsed = performance.now() - t0;
  const { hits, misses } = pool.stats;
  report('template, P-256, pool, sustained one mint after another', samples,
    `${Math.round(samples.length / (elapsed / 1000))} mints/s, hit rate ${((100 * hits) / (hits + misses)).toFixed(1)}%`);
  pool.close();
}

// --- 5. RSA-2048 keys ---------------------------------------------------------
{
  const ca = CertificateAuthority.load(caEc);
  report('template, RSA-2048 key, no pool (threadpool keygen)', await timeAsync(20, () => ca.mintClientCertificate({ ...req, keyType: 'rsa-2048' }), 3));
  const pool = new KeyPool({ keyType: 'rsa-2048', size: 20, concurrency: 2 });
  await pool.ready();
  const caP = CertificateAuthority.load(caEc, { keyPool: pool });
  report('template, RSA-2048 key, from pool (pool hit)', await timeAsync(20, () => caP.mintClientCertificate({ ...req, keyType: 'rsa-2048' }), 0));
  pool.close();
}

console.log('\nmarkdown:');
console.log('| case | n | mean ms | p50 ms | p99 ms | note |\n|---|---:|---:|---:|---:|---|');
for (const [name, st, note] of rows) {
  console.log(`| ${name} | ${st.n} | ${st.mean.toFixed(3)} | ${st.p50.toFixed(3)} | ${st.p99.toFixed(3)} | ${note} |`);
}
