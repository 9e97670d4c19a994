import assert from 'node:assert/strict';
import { Agent, request } from 'node:https';
import { after, before, describe, test } from 'node:test';
import { createUcsClient, type Kubeconfig } from '@ucs-fleet/client';
import type { RunningServer } from '@ucs-fleet/server';
import { specCheckingFetch } from './support/http.js';
import { readyFleetId, startTestServer, tempDir, token } from './support/test-server.js';
import { decodeBase64, kubeRaw, kubectlRun, writeKubeconfig } from './support/tools.js';

const connection = { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' };
const dir = tempDir('fed-endpoint');

const serverOf = (kc: Kubeconfig) => new URL(kc.clusters[0]!.cluster.server);

/** One keep-alive HTTPS connection that made a request for the kubeconfig's fleet; resolves when it closes. */
async function openConnection(kc: Kubeconfig): Promise<{ closed: Promise<void> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise((resolve, reject) => {
    const req = request(`${kc.clusters[0]!.cluster.server}/healthz`, {
      agent,
      ca: decodeBase64(kc.clusters[0]!.cluster['certificate-authority-data']),
      cert: decodeBase64(kc.users[0]!.user['client-certificate-data']),
      key: decodeBase64(kc.users[0]!.user['client-key-data']),
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ closed: new Promise((done) => req.socket!.once('close', () => done())) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the federation endpoint, one HTTPS listener with a path per fleet, used with the real kubectl', { concurrency: true }, () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const ucs = () => createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });

  /** A new fleet, federated and connected through the API, and a kubeconfig for it. */
  async function federatedFleet(name: string, duration = 30): Promise<{ uid: string; kc: Kubeconfig }> {
    const { uid } = await ucs().createFleet({ metadata: { name } });
    await ucs().enableFederation(uid);
    await ucs().createConnection(uid, connection);
    return { uid, kc: await ucs().downloadFederationKubeconfig(uid, { duration }) };
  }

  test('kubectl version and auth whoami reach the fleet at its path, with no TLS warning', async () => {
    const kc = await ucs().downloadFederationKubeconfig(readyFleetId, { duration: 30 });
    assert.equal(kc.clusters[0]!.cluster.server, `https://127.0.0.1:${server.federationEndpoint.port}/clustergroups/${readyFleetId}`);
    assert.equal(kc.clusters[0]!.cluster['insecure-skip-tls-verify'], undefined);
    const file = writeKubeconfig(dir, 'demo.yaml', kc);

    const version = await kubectlRun(file, ['version', '-o', 'json']);
    assert.equal(version.code, 0, version.stderr);
    assert.equal(version.stderr, '');
    const { serverVersion } = JSON.parse(version.stdout);
    assert.match(serverVersion.gitVersion, /^v1\.31\.\d+$/);
    assert.equal(serverVersion.major, '1');

    const whoami = await kubectlRun(file, ['auth', 'whoami', '-o', 'json']);
    assert.equal(whoami.code, 0, whoami.stderr);
    assert.equal(whoami.stderr, '');
    const review = JSON.parse(whoami.stdout);
    assert.equal(review.kind, 'SelfSubjectReview');
    assert.equal(review.apiVersion, 'authentication.k8s.io/v1');
    assert.match(review.metadata.creationTimestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.deepEqual(review.status.userInfo, { username: 'alice', groups: ['system:masters', 'system:authenticated'] });

    const resources = await kubectlRun(file, ['api-resources', '-o', 'name']);
    assert.equal(resources.code, 0, resources.stderr);
    assert.equal(resources.stderr, '');
    assert.deepEqual(resources.stdout.trim().split('\n').sort(), ['clusters.cluster.karmada.io', 'selfsubjectreviews.authentication.k8s.io']);
  });

  test('every fleet is served on the same host and port, under its own path, with the same endpoint CA', async () => {
    const a = await ucs().downloadFederationKubeconfig(readyFleetId, { duration: 1 });
    const { uid, kc: b } = await federatedFleet('fleet-same-port');
    assert.equal(serverOf(b).host, serverOf(a).host);
    assert.equal(serverOf(b).pathname, `/clustergroups/${uid}`);
    assert.equal(b.clusters[0]!.cluster['certificate-authority-data'], a.clusters[0]!.cluster['certificate-authority-data']);
    const whoami = await kubectlRun(writeKubeconfig(dir, 'same-port.yaml', b), ['auth', 'whoami', '-o', 'json']);
    assert.equal(whoami.code, 0, whoami.stderr);
  });

  test('health, discovery and errors answer like kube-apiserver: text ok, API lists, Status JSON never HTML', async () => {
    const kc = await ucs().downloadFederationKubeconfig(readyFleetId, { duration: 1 });
    for (const path of ['/healthz', '/readyz', '/livez']) {
      assert.deepEqual(await kubeRaw(kc, 'GET', path), { status: 200, type: 'text/plain; charset=utf-8', body: 'ok' });
    }
    const version = await kubeRaw(kc, 'GET', '/version?timeout=32s');
    assert.equal(version.status, 200);
    assert.equal(JSON.parse(version.body).gitVersion.slice(0, 6), 'v1.31.');

    const apis = JSON.parse((await kubeRaw(kc, 'GET', '/apis')).body);
    assert.equal(apis.kind, 'APIGroupList');
    assert.deepEqual(apis.groups[0].preferredVersion, { groupVersion: 'authentication.k8s.io/v1', version: 'v1' });
    assert.equal(JSON.parse((await kubeRaw(kc, 'GET', '/api')).body).kind, 'APIVersions');
    const list = JSON.parse((await kubeRaw(kc, 'GET', '/apis/authentication.k8s.io/v1/')).body);
    assert.equal(list.kind, 'APIResourceList');
    assert.deepEqual(
      list.resources.map((r: { name: string; verbs: string[] }) => [r.name, r.verbs]),
      [['selfsubjectreviews', ['create']]],
    );

    for (const [method, path] of [['GET', '/api/v1/namespaces'], ['GET', '/'], ['DELETE', '/version'], ['GET', '/apis/authentication.k8s.io/v1/selfsubjectreviews']] as const) {
      const answer = await kubeRaw(kc, method, path);
      assert.equal(answer.status, 404, `${method} ${path}`);
      assert.equal(answer.type, 'application/json');
      assert.deepEqual(JSON.parse(answer.body), {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        code: 404,
      });
    }
  });

  test('a disable cuts the open connections of that fleet before it is answered, and not those of another fleet', { timeout: 30_000 }, async () => {
    const { uid, kc } = await federatedFleet('fleet-cut');
    const other = await ucs().downloadFederationKubeconfig(readyFleetId, { duration: 1 });
    const [open, otherOpen] = await Promise.all([openConnection(kc), openConnection(other)]);
    let otherCut = false;
    void otherOpen.closed.then(() => (otherCut = true));

    await ucs().disableFederation(uid);
    // The server destroyed the socket before it answered; the close reaches this side on its own connection.
    await open.closed;
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(!otherCut, "another fleet's connection stays open");

    const refused = await kubectlRun(writeKubeconfig(dir, 'cut.yaml', kc), ['auth', 'whoami']);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, new RegExp(`You must be logged in to the server \\(the client certificate is not valid for fleet ${uid}`));
  });

  test('after a disable and a new enable, the old kubeconfig stays refused and a new one works', async () => {
    const { uid, kc } = await federatedFleet('fleet-again');
    await ucs().disableFederation(uid);
    await ucs().enableFederation(uid);
    await ucs().createConnection(uid, connection);
    const fresh = await ucs().downloadFederationKubeconfig(uid, { duration: 1 });
    assert.equal(fresh.clusters[0]!.cluster.server, kc.clusters[0]!.cluster.server, 'the fleet keeps its URL');
    assert.equal((await kubectlRun(writeKubeconfig(dir, 'again-new.yaml', fresh), ['auth', 'whoami'])).code, 0);
    const old = await kubeRaw(kc, 'GET', '/version');
    assert.equal(old.status, 401);
    assert.match(JSON.parse(old.body).message, /another CA issued the certificate/);
  });
});
