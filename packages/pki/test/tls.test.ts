// End-to-end TLS checks: Node's TLS stack (OpenSSL) and kubectl (Go crypto/tls + crypto/x509).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { CertificateAuthority, createFleetCa, type CaMaterial, type IssuedCertificate, type KeyType } from '../src/index.js';
import { run, tempDir } from './helpers.js';

const tmp = tempDir();
const now = Math.floor(Date.now() / 1000) * 1000;
const NB = new Date(now - 60_000);
const NA = new Date(now + 86_400_000);

const caA = await createFleetCa({ fleetId: 'fleet-a', fleetName: 'a', now: new Date(now) });
const caB = await createFleetCa({ fleetId: 'fleet-b', fleetName: 'b', now: new Date(now) });
const caRsa = await createFleetCa({ fleetId: 'fleet-rsa', fleetName: 'rsa', now: new Date(now), keyType: 'rsa-2048' });

function serving(ca: CaMaterial, hosts = ['127.0.0.1', 'localhost'], keyType?: KeyType): Promise<IssuedCertificate> {
  return CertificateAuthority.load(ca).mintServingCertificate({ hosts, commonName: 'ucs-federation', notBefore: NB, notAfter: NA, keyType });
}
function client(ca: CaMaterial, cn = 'alice', orgs = ['system:masters', 'dev'], keyType?: KeyType): Promise<IssuedCertificate> {
  return CertificateAuthority.load(ca).mintClientCertificate({ commonName: cn, organizations: orgs, notBefore: NB, notAfter: NA, keyType });
}

interface Seen {
  cn: string;
  groups: string[];
}

/** An mTLS server that trusts `trustedCa` for clients and answers like kube-apiserver's /version, echoing the user. */
async function startServer(cert: IssuedCertificate, trustedCa: CaMaterial): Promise<{ port: number; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = https.createServer(
    { key: cert.keyPem, cert: cert.certPem, ca: [trustedCa.certPem], requestCert: true, rejectUnauthorized: true },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
      const s: Seen = { cn: list(peer.subject.CN).join(','), groups: list(peer.subject.O) };
      seen.push(s);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ major: '1', minor: '32', gitVersion: 'v1.32.0-ucs-test', platform: 'linux/amd64', user: s.cn, groups: s.groups }));
    },
  );
  server.on('tlsClientError', () => {}); // rejected clients are expected in some tests
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function get(
  port: number,
  opts: { ca: CaMaterial; cert?: IssuedCertificate; servername?: string; maxVersion?: 'TLSv1.2' | 'TLSv1.3' },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port,
        path: '/version',
        ca: opts.ca.certPem,
        cert: opts.cert?.certPem,
        key: opts.cert?.keyPem,
        servername: opts.servername,
        maxVersion: opts.maxVersion,
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

test('node https: mutual TLS with minted serving and client certificates', async () => {
  for (const [label, ca, servingKey, clientKey] of [
    ['EC CA', caA, 'ecdsa-p256', 'ecdsa-p256'],
    ['RSA CA, RSA serving key, RSA client key', caRsa, 'rsa-2048', 'rsa-2048'],
  ] as const) {
    const srv = await startServer(await serving(ca, undefined, servingKey), ca);
    try {
      const alice = await client(ca, 'alice', ['system:masters', 'dev'], clientKey);
      for (const maxVersion of ['TLSv1.3', 'TLSv1.2'] as const) {
        // IP SAN (host 127.0.0.1) and DNS SAN (servername localhost)
        for (const servername of [undefined, 'localhost']) {
          const r = await get(srv.port, { ca, cert: alice, servername, maxVersion });
          assert.equal(r.status, 200, label);
          assert.deepEqual(JSON.parse(r.body).user, 'alice');
        }
      }
      assert.deepEqual(srv.seen[0], { cn: 'alice', groups: ['system:masters', 'dev'] });
      const bob = await client(ca, 'bob', ['viewers']);
      assert.equal(JSON.parse((await get(srv.port, { ca, cert: bob })).body).user, 'bob');
      assert.deepEqual(srv.seen.at(-1), { cn: 'bob', groups: ['viewers'] });
    } finally {
      await srv.close();
    }
  }
});

test('node https: clients with a certificate from another CA, or none, are rejected', async () => {
  const srv = await startServer(await serving(caA), caA);
  try {
    await assert.rejects(get(srv.port, { ca: caA, cert: await client(caB) }));
    await assert.rejects(get(srv.port, { ca: caA, cert: await client(caRsa) }));
    await assert.rejects(get(srv.port, { ca: caA }));
    assert.equal(srv.seen.length, 0);
    // the client refuses a server whose certificate comes from another CA, or lacks the name
    await assert.rejects(get(srv.port, { ca: caB, cert: await client(caA) }), /self-signed|unable to verify|unable to get/i);
    await assert.rejects(get(srv.port, { ca: caA, cert: await client(caA), servername: 'other.example' }), /ERR_TLS_CERT_ALTNAME_INVALID|altnames/i);
    assert.equal(srv.seen.length, 0);
  } finally {
    await srv.close();
  }
});

// --- kubectl (Go) ---------------------------------------------------------

const kubectlAvailable = (await run('kubectl', ['version', '--client']).catch(() => ({ code: 1 }))).code === 0;
const goEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: tmp.dir, KUBECACHEDIR: `${tmp.dir}/kube-cache` };

let kcN = 0;
async function kubectlVersion(server: string, ca: CaMaterial, cert: IssuedCertificate): Promise<{ code: number; out: string }> {
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  const kubeconfig = `apiVersion: v1
kind: Config
clusters:
- name: fleet
  cluster:
    server: ${server}
    certificate-authority-data: ${b64(ca.certPem)}
users:
- name: user
  user:
    client-certificate-data: ${b64(cert.certPem)}
    client-key-data: ${b64(cert.keyPem)}
contexts:
- name: fleet
  context: { cluster: fleet, user: user }
current-context: fleet
`;
  const file = tmp.file(`kubeconfig-${++kcN}.yaml`, kubeconfig);
  const r = await run('kubectl', ['--kubeconfig', file, '--request-timeout=15s', 'get', '--raw', '/version'], { env: goEnv, timeoutMs: 60_000 });
  return { code: r.code, out: r.stdout + r.stderr };
}

test('kubectl (Go crypto/x509) accepts minted kubeconfig credentials and serving certificates', { skip: !kubectlAvailable && 'kubectl not found' }, async () => {
  for (const [label, ca, keyType] of [
    ['EC', caA, 'ecdsa-p256'],
    ['RSA CA + RSA keys', caRsa, 'rsa-2048'],
  ] as const) {
    const srv = await startServer(await serving(ca, ['127.0.0.1', 'localhost', '::1'], keyType), ca);
    try {
      for (const host of ['127.0.0.1', 'localhost']) {
        const r = await kubectlVersion(`https://${host}:${srv.port}`, ca, await client(ca, 'kube-user', ['system:masters', 'ops'], keyType));
        assert.equal(r.code, 0, `${label} ${host}: ${r.out}`);
        const body = JSON.parse(r.out) as { user: string; groups: string[] };
        assert.equal(body.user, 'kube-user');
        assert.deepEqual(body.groups, ['system:masters', 'ops']);
      }
    } finally {
      await srv.close();
    }
  }
});

test('kubectl rejects a server from another CA or without the right SAN; the server rejects foreign clients', { skip: !kubectlAvailable && 'kubectl not found' }, async (t) => {
  const srv = await startServer(await serving(caA, ['127.0.0.1', 'fleet.example']), caA);
  try {
    const wrongCa = await kubectlVersion(`https://127.0.0.1:${srv.port}`, caB, await client(caA));
    assert.notEqual(wrongCa.code, 0);
    assert.match(wrongCa.out, /x509: certificate signed by unknown authority/);

    const wrongName = await kubectlVersion(`https://localhost:${srv.port}`, caA, await client(caA));
    assert.notEqual(wrongName.code, 0);
    assert.match(wrongName.out, /x509: certificate is valid for fleet\.example, not localhost/);

    const foreignClient = await kubectlVersion(`https://127.0.0.1:${srv.port}`, caA, await client(caB));
    assert.notEqual(foreignClient.code, 0);
    t.diagnostic(`foreign client: ${foreignClient.out.trim()}`);
    assert.match(foreignClient.out, /tls|certificate|EOF|reset/i);
    assert.equal(srv.seen.length, 0);
  } finally {
    await srv.close();
  }
});
