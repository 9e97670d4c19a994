/**
 * Every way a request at a fleet's path can be refused, each as kubectl shows it: a Kubernetes
 * `Status` with a message (kubectl prints it), never a dropped connection.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { request } from 'node:https';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createUcsClient, type Kubeconfig } from '@ucs-fleet/client';
import { OffsetClock, type RunningServer } from '@ucs-fleet/server';
import { specCheckingFetch } from './support/http.js';
import { readyFleetId, startTestServer, tempDir, token } from './support/test-server.js';
import { decodeBase64, kubectlRun, writeKubeconfig } from './support/tools.js';

const dayMs = 86_400_000;
const connection = { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' };
const dir = tempDir('fed-refusals');

interface Case {
  name: string;
  /** The kubeconfig kubectl is given (made once the server runs). */
  kubeconfig: () => Promise<Kubeconfig>;
  status: number;
  /** The kubectl command (default auth whoami). */
  args?: string[];
  /** What kubectl prints on stderr (the Status message in it). */
  kubectl: RegExp;
  /** The Status message (read once the fixtures exist). */
  message: () => RegExp;
}

/** GET with whatever credentials the kubeconfig carries (none, for the no-certificate case). */
function rawGet(kc: Kubeconfig, path: string): Promise<{ status: number; body: string }> {
  const cluster = kc.clusters[0]!.cluster;
  const user = kc.users[0]!.user;
  return new Promise((resolve, reject) => {
    const req = request(`${cluster.server}${path}`, {
      ca: decodeBase64(cluster['certificate-authority-data']),
      ...(user['client-certificate-data'] ? { cert: decodeBase64(user['client-certificate-data']), key: decodeBase64(user['client-key-data']) } : {}),
      agent: false,
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function withServer(kc: Kubeconfig, server: string): Kubeconfig {
  const copy = structuredClone(kc);
  copy.clusters[0]!.cluster.server = server;
  return copy;
}

/** The kubeconfig with its client certificate and key replaced by a self-signed pair made by openssl. */
function selfSigned(kc: Kubeconfig): Kubeconfig {
  const key = join(dir, 'self.key');
  const cert = join(dir, 'self.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert,
    '-days', '2', '-subj', '/O=system:masters/CN=alice', '-addext', 'extendedKeyUsage=clientAuth',
  ], { stdio: 'ignore' });
  const copy = structuredClone(kc);
  copy.users[0]!.user['client-certificate-data'] = readFileSync(cert).toString('base64');
  copy.users[0]!.user['client-key-data'] = readFileSync(key).toString('base64');
  return copy;
}

/** A bearer token instead of the certificate: with no credentials at all, kubectl would prompt for a password. */
function withoutCertificate(kc: Kubeconfig): Kubeconfig {
  const copy = structuredClone(kc);
  copy.users[0]!.user = { token: 'a-token-instead-of-a-certificate' };
  return copy;
}

describe('refusals at the federation endpoint: each a Status that kubectl shows', () => {
  const clock = new OffsetClock();
  let server: RunningServer;
  const kubeconfigs = new Map<string, Kubeconfig>();
  before(async () => {
    server = await startTestServer({ clock });
  });
  after(() => server.close());

  const ucs = () => createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });
  async function federatedFleet(name: string, duration: number): Promise<{ uid: string; kc: Kubeconfig }> {
    const { uid } = await ucs().createFleet({ metadata: { name } });
    await ucs().enableFederation(uid);
    await ucs().createConnection(uid, connection);
    return { uid, kc: await ucs().downloadFederationKubeconfig(uid, { duration }) };
  }
  const notForFleet = (fleetId: () => string) => () =>
    new RegExp(`^the client certificate is not valid for fleet ${fleetId()}: the fleet is unknown, its federation is not enabled, or another CA issued the certificate$`);
  const loggedOut = (message: string) => new RegExp(`error: You must be logged in to the server \\(${message}`);

  let other = '';
  let disabled = '';
  const unknown = randomUUID();
  const cases: Case[] = [
    {
      name: 'a certificate of another fleet, at this fleet\'s path',
      kubeconfig: async () => withServer(kubeconfigs.get('demo')!, server.federationEndpoint.fleetUrl(other)),
      status: 401,
      kubectl: loggedOut('the client certificate is not valid for fleet [-0-9a-f]+: the fleet is unknown'),
      message: notForFleet(() => other),
    },
    {
      name: 'the kubeconfig of a fleet whose federation was disabled',
      kubeconfig: async () => kubeconfigs.get('disabled')!,
      status: 401,
      kubectl: loggedOut('the client certificate is not valid for fleet'),
      message: notForFleet(() => disabled),
    },
    {
      name: 'a fleet id that does not exist',
      kubeconfig: async () => withServer(kubeconfigs.get('demo')!, server.federationEndpoint.fleetUrl(unknown)),
      status: 401,
      kubectl: loggedOut(`the client certificate is not valid for fleet ${unknown}`),
      message: notForFleet(() => unknown),
    },
    {
      name: 'a certificate past its notAfter by the server clock (still valid by the real time)',
      kubeconfig: async () => kubeconfigs.get('one-day')!,
      status: 401,
      kubectl: loggedOut('the client certificate expired at \\d{4}-'),
      message: () => /^the client certificate expired at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/,
    },
    {
      name: 'a certificate that expired by the real time too',
      kubeconfig: async () => kubeconfigs.get('past')!,
      status: 401,
      kubectl: loggedOut('the client certificate expired at'),
      message: () => /^the client certificate expired at /,
    },
    {
      name: 'a self-signed certificate',
      kubeconfig: async () => selfSigned(kubeconfigs.get('demo')!),
      status: 401,
      kubectl: loggedOut('the client certificate is not valid for fleet'),
      message: notForFleet(() => readyFleetId),
    },
    {
      name: 'no client certificate',
      kubeconfig: async () => withoutCertificate(kubeconfigs.get('demo')!),
      status: 401,
      kubectl: loggedOut('no client certificate was presented'),
      message: () => /^no client certificate was presented: use the client certificate of the fleet's kubeconfig$/,
    },
    {
      name: 'a server URL without a fleet path',
      kubeconfig: async () => withServer(kubeconfigs.get('demo')!, server.federationEndpoint.url),
      status: 404,
      // auth whoami reads a 404 as "API not enabled"; a raw GET prints the Status message.
      args: ['get', '--raw', '/version'],
      kubectl: /Error from server \(NotFound\): nothing at this path/,
      message: () => /^nothing at this path: a fleet's kubeconfig names its server as \/clustergroups\/<fleet id> on this endpoint, a cluster's as \/clusters\/<cluster id>$/,
    },
  ];

  test('each case: kubectl fails with the Status message, and the raw answer is that Status', async () => {
    // Made one after another: the expired-by-now certificate is issued with the clock set back.
    kubeconfigs.set('demo', await ucs().downloadFederationKubeconfig(readyFleetId, { duration: 30 }));
    other = (await federatedFleet('other', 30)).uid;
    const off = await federatedFleet('disabled', 30);
    disabled = off.uid;
    kubeconfigs.set('disabled', off.kc);
    await ucs().disableFederation(off.uid);
    kubeconfigs.set('one-day', (await federatedFleet('one-day', 1)).kc);
    clock.advance(-3 * dayMs);
    try {
      kubeconfigs.set('past', (await federatedFleet('past', 1)).kc);
    } finally {
      clock.advance(3 * dayMs);
    }

    // Two days on: the one-day certificate has expired by the server's clock alone.
    clock.advance(2 * dayMs);
    try {
      await Promise.all(
        cases.map(async (c, i) => {
          const kc = await c.kubeconfig();
          const run = await kubectlRun(writeKubeconfig(dir, `case-${i}.yaml`, kc), c.args ?? ['auth', 'whoami']);
          assert.notEqual(run.code, 0, c.name);
          assert.match(run.stderr, c.kubectl, c.name);
          const answer = await rawGet(kc, '/version');
          assert.equal(answer.status, c.status, c.name);
          const status = JSON.parse(answer.body);
          assert.deepEqual({ ...status, message: '' }, {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: '',
            reason: c.status === 401 ? 'Unauthorized' : 'NotFound',
            code: c.status,
          }, c.name);
          assert.match(status.message, c.message(), c.name);
        }),
      );
    } finally {
      clock.advance(-2 * dayMs);
    }
    // With the clock back, the one-day kubeconfig works again: it was the clock, nothing else.
    const back = await kubectlRun(writeKubeconfig(dir, 'one-day-back.yaml', kubeconfigs.get('one-day')!), ['auth', 'whoami']);
    assert.equal(back.code, 0, back.stderr);
  });
});
