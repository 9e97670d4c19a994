import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUcsClient, type Kubeconfig } from '@ucs-fleet/client';
import type { RunningServer } from '@ucs-fleet/server';
import { specCheckingFetch } from './support/http.js';
import { readyFleetId, startTestServer, tempDir, token } from './support/test-server.js';
import { writeKubeconfig, kubeRaw, kubectlRun } from './support/tools.js';

const connection = { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' };
const dir = tempDir('fed-endpoint');

function withServer(kc: Kubeconfig, server: string, caFrom: Kubeconfig = kc): Kubeconfig {
  const copy = structuredClone(kc);
  copy.clusters[0]!.cluster.server = server;
  copy.clusters[0]!.cluster['certificate-authority-data'] = caFrom.clusters[0]!.cluster['certificate-authority-data'];
  return copy;
}

// The tests are independent of one another and run side by side: a refused kubectl call waits
// ~5 s, because the kubectl dispatcher on PATH asks GET /version first and retries a dropped connection.
describe('the federation endpoint of a fleet, used with the real kubectl', { concurrency: true }, () => {
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

  test('kubectl version shows the server version and auth whoami shows alice in system:masters, with no TLS warning', async () => {
    const kc = await ucs().downloadFederationKubeconfig(readyFleetId, { duration: 30 });
    const url = kc.clusters[0]!.cluster.server;
    assert.match(url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(server.federationEndpoints.listening().some((e) => e.fleetId === readyFleetId && e.url === url));
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
    assert.equal(resources.stdout.trim(), 'selfsubjectreviews.authentication.k8s.io');
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
    const list = JSON.parse((await kubeRaw(kc, 'GET', '/apis/authentication.k8s.io/v1')).body);
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

  test("a kubeconfig of one fleet is refused at another fleet's endpoint, by kubectl and by the server", async () => {
    const a = await ucs().downloadFederationKubeconfig(readyFleetId, { duration: 1 });
    const b = (await federatedFleet('fleet-b')).kc;
    const bUrl = b.clusters[0]!.cluster.server;
    assert.notEqual(bUrl, a.clusters[0]!.cluster.server);
    const forged = withServer(a, bUrl, b);
    const [own, asIs, refused] = await Promise.all([
      kubectlRun(writeKubeconfig(dir, 'b.yaml', b), ['auth', 'whoami', '-o', 'json']),
      kubectlRun(writeKubeconfig(dir, 'a-at-b.yaml', withServer(a, bUrl)), ['auth', 'whoami']),
      kubectlRun(writeKubeconfig(dir, 'a-cert-at-b.yaml', forged), ['auth', 'whoami']),
    ]);
    assert.equal(own.code, 0, own.stderr);

    // As downloaded, A's kubeconfig does not trust B's serving certificate.
    assert.notEqual(asIs.code, 0);
    assert.match(asIs.stderr, /certificate signed by unknown authority/);

    // Even trusting B's CA, A's client certificate is refused by B's endpoint during the handshake:
    // the server drops the connection before any HTTP (Node sends no TLS alert, so kubectl says EOF).
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /Unable to connect to the server: (EOF|.*connection reset by peer)/);
    await assert.rejects(kubeRaw(forged, 'GET', '/version'), (err: NodeJS.ErrnoException) => err.code === 'ECONNRESET');
  });

  test('after DisableFederation the old kubeconfig is refused, also when the fleet is federated anew', async () => {
    const { uid, kc } = await federatedFleet('fleet-c');
    const file = writeKubeconfig(dir, 'c.yaml', kc);
    assert.equal((await kubectlRun(file, ['auth', 'whoami'])).code, 0);

    await ucs().disableFederation(uid);
    // This process stopped serving the fleet before it answered the disable.
    assert.ok(!server.federationEndpoints.listening().some((e) => e.fleetId === uid));
    const gone = await kubectlRun(file, ['auth', 'whoami']);
    assert.notEqual(gone.code, 0);
    assert.match(gone.stderr, /The connection to the server 127\.0\.0\.1:\d+ was refused/);

    await ucs().enableFederation(uid);
    await ucs().createConnection(uid, connection);
    const fresh = await ucs().downloadFederationKubeconfig(uid, { duration: 1 });
    const freshUrl = fresh.clusters[0]!.cluster.server;
    assert.equal((await kubectlRun(writeKubeconfig(dir, 'c2.yaml', fresh), ['auth', 'whoami'])).code, 0);
    // The old credentials, even pointed at the new endpoint and trusting the new CA, are refused.
    await assert.rejects(kubeRaw(withServer(kc, freshUrl, fresh), 'GET', '/version'), (err: NodeJS.ErrnoException) => err.code === 'ECONNRESET');
    const old = await kubectlRun(writeKubeconfig(dir, 'c-old.yaml', withServer(kc, freshUrl)), ['auth', 'whoami']);
    assert.notEqual(old.code, 0);
    assert.match(old.stderr, /certificate signed by unknown authority/);
  });
});
