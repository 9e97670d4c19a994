/**
 * CreateClusterKubeconfig: a kubeconfig for one registered cluster, whose server is the
 * cluster's path on the federation endpoint, checked with the real kubectl and openssl.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createUcsClient, UcsApiError, type Kubeconfig } from '@ucs-fleet/client';
import type { RunningServer } from '@ucs-fleet/server';
import { callApi, specCheckingFetch, type ApiRequest } from './support/http.js';
import { clusterRecord, domainOf, registerInStore } from './support/registered-clusters.js';
import { otherAccountToken, readyFleetId, startTestServer, tempDir, token } from './support/test-server.js';
import { decodeBase64, kubeRaw, kubectlRun, openssl, writeCertificates, writeKubeconfig } from './support/tools.js';

const dir = tempDir('cluster-kubeconfig');
const DAY_MS = 24 * 60 * 60 * 1000;

describe('CreateClusterKubeconfig, used with the real kubectl', { concurrency: true }, () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const ucs = (t = token) => createUcsClient({ endpoint: server.url, token: t, fetch: specCheckingFetch });
  const register = async (name: string, over: Parameters<typeof clusterRecord>[2] = {}, t = token) => (await registerInStore(server, t, undefined, clusterRecord(domainOf(server, t), name, over)))[0]!;
  const file = (name: string, kc: Kubeconfig) => writeKubeconfig(dir, `${name}.yaml`, kc);

  test('CreateClusterKubeconfig: kubectl version reports the cluster\'s Kubernetes version (the dispatcher picks that client) and auth whoami the caller', async () => {
    for (const version of ['v1.27', 'v1.33']) {
      const cluster = await register(`kc-${version.replace('.', '-')}`, { kubernetesVersion: version });
      const kc = await ucs().createClusterKubeconfig(cluster.id);
      assert.equal(kc.clusters[0]!.cluster.server, `${server.federationEndpoint.url}/clusters/${cluster.id}`);
      assert.equal(kc.clusters[0]!.cluster['certificate-authority-data'], server.federationEndpoint.caData);
      assert.equal(kc['current-context'], `ucs-cluster-${cluster.name}-${cluster.id.replace(/-/g, '').slice(0, 8)}`);
      const f = file(cluster.name, kc);

      const shown = await kubectlRun(f, ['version', '-o', 'json']);
      assert.equal(shown.code, 0, shown.stderr);
      assert.equal(shown.stderr, '');
      const { clientVersion, serverVersion } = JSON.parse(shown.stdout);
      assert.equal(serverVersion.gitVersion, `${version}.0`);
      assert.equal(`v${clientVersion.major}.${clientVersion.minor}`, version, 'the dispatcher ran the client of the cluster\'s version');

      const whoami = await kubectlRun(f, ['auth', 'whoami', '-o', 'json']);
      assert.equal(whoami.code, 0, `${version}: ${whoami.stderr}`);
      assert.deepEqual(JSON.parse(whoami.stdout).status.userInfo, { username: 'alice', groups: ['system:masters', 'system:authenticated'] });
    }
  });

  test("the client certificate is signed by the cluster's own CA, for 365 days, and recorded without its key", async () => {
    const cluster = await register('kc-ca');
    const first = await ucs().createClusterKubeconfig(cluster.id);
    const second = await ucs().createClusterKubeconfig(cluster.id);
    const ca = (await server.store.getClusterCa(cluster.id))!;
    const endpoint = (await server.store.getClusterEndpoint(cluster.id))!;
    assert.equal(endpoint.caCertPem, ca.certPem, 'the federation endpoint checks clients with the same CA');
    assert.ok(!JSON.stringify(endpoint).includes('PRIVATE KEY'), "what the endpoint reads holds no key");
    const caFile = join(dir, 'cluster-ca.pem');
    writeFileSync(caFile, ca.certPem);
    for (const kc of [first, second]) {
      const files = writeCertificates(dir, kc);
      assert.match(await openssl(['verify', '-purpose', 'sslclient', '-CAfile', caFile, files.cert]), /: OK/);
    }
    const cert = new X509Certificate(decodeBase64(first.users[0]!.user['client-certificate-data']));
    assert.equal(Math.round((Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / DAY_MS), 365);
    assert.match(cert.subject, /CN=alice/);
    const records = await server.store.listClusterCertificates(cluster.id);
    assert.equal(records.length, 2);
    assert.equal(records[0]!.serial, cert.serialNumber);
    assert.equal(records[0]!.subject, 'CN=alice,O=system:masters');
    assert.doesNotMatch(JSON.stringify(records), /PRIVATE KEY/);
  });

  test("one path's certificate opens no other: not another cluster's, not a fleet's, not the other way round", async () => {
    const [a, b] = [await register('kc-a'), await register('kc-b')];
    const ka = await ucs().createClusterKubeconfig(a.id);
    await ucs().createClusterKubeconfig(b.id);
    const fleet = await ucs().downloadFederationKubeconfig(readyFleetId, { duration: 1 });
    const at = (kc: Kubeconfig, server: string): Kubeconfig => ({ ...kc, clusters: [{ ...kc.clusters[0]!, cluster: { ...kc.clusters[0]!.cluster, server } }] });
    const refusals = [
      [at(ka, `${server.federationEndpoint.url}/clusters/${b.id}`), `cluster ${b.id}`],
      [at(fleet, ka.clusters[0]!.cluster.server), `cluster ${a.id}`],
      [at(ka, fleet.clusters[0]!.cluster.server), `fleet ${readyFleetId}`],
      [at(ka, `${server.federationEndpoint.url}/clusters/no-such-cluster`), 'cluster no-such-cluster'],
    ] as const;
    for (const [kc, target] of refusals) {
      const whoami = await kubectlRun(file(`refused-${target.replace(/\W/g, '')}`, kc), ['auth', 'whoami']);
      assert.equal(whoami.code, 1);
      assert.match(whoami.stderr, new RegExp(`You must be logged in to the server \\(the client certificate is not valid for ${target}`));
    }
    const other = await kubeRaw(ka, 'GET', '/apis/cluster.karmada.io/v1alpha1/clusters');
    assert.equal(other.status, 404, "a cluster's path serves no Karmada clusters");
  });

  test('a change of the cluster keeps its CA; deleting the cluster ends its kubeconfigs; registered again under the same id, the old ones stay refused', async () => {
    const cluster = await register('kc-deleted');
    const f = file('deleted', await ucs().createClusterKubeconfig(cluster.id));
    assert.equal((await kubectlRun(f, ['auth', 'whoami'])).code, 0);
    await registerInStore(server, token, undefined, { ...cluster, labels: { changed: 'yes' }, updatedAt: Date.now() });
    assert.equal((await kubectlRun(f, ['auth', 'whoami'])).code, 0, 'an update of the cluster row leaves its CA');
    const domainId = domainOf(server, token);
    await server.store.updateClusters(domainId, () => ({ delete: [cluster.id] }), Date.now());
    const gone = await kubectlRun(f, ['auth', 'whoami']);
    assert.match(gone.stderr, /You must be logged in to the server \(the client certificate is not valid for cluster/);
    await registerInStore(server, token, undefined, { ...cluster, updatedAt: Date.now() });
    await ucs().createClusterKubeconfig(cluster.id);
    const again = await kubectlRun(f, ['auth', 'whoami']);
    assert.match(again.stderr, /You must be logged in to the server \(the client certificate is not valid for cluster/);
  });

  describe('refused requests: status, UCS code, and no CA made and no certificate recorded', () => {
    const cases: { name: string; request: (id: string) => ApiRequest; status: number; code: string; message?: RegExp; phase?: 'Unavailable' }[] = [
      { name: 'no token', request: (id) => ({ method: 'POST', path: `/v1/clusters/${id}/kubeconfig` }), status: 401, code: 'UCS.00000018' },
      { name: 'unknown token', request: (id) => ({ method: 'POST', path: `/v1/clusters/${id}/kubeconfig`, token: 'not-a-token' }), status: 401, code: 'UCS.00000018' },
      { name: 'X-Domain-Id of another account', request: (id) => ({ method: 'POST', path: `/v1/clusters/${id}/kubeconfig`, token, headers: { 'X-Domain-Id': 'd2' } }), status: 403, code: 'UCS.00000004' },
      { name: "another account's cluster", request: (id) => ({ method: 'POST', path: `/v1/clusters/${id}/kubeconfig`, token: otherAccountToken }), status: 404, code: 'UCS.00000013', message: /cluster/ },
      { name: 'a 1 MiB body', request: (id) => ({ method: 'POST', path: `/v1/clusters/${id}/kubeconfig`, token, body: `{"pad": "${'x'.repeat(1024 * 1024)}"}`, headers: { 'Content-Type': 'application/json' } }), status: 413, code: 'UCS.00000012' },
      { name: 'wrong method (GET)', request: (id) => ({ method: 'GET', path: `/v1/clusters/${id}/kubeconfig`, token }), status: 405, code: 'UCS.00000013' },
      { name: 'wrong method (PUT)', request: (id) => ({ method: 'PUT', path: `/v1/clusters/${id}/kubeconfig`, token }), status: 405, code: 'UCS.00000013' },
      { name: 'a trailing slash after the path', request: (id) => ({ method: 'POST', path: `/v1/clusters/${id}/kubeconfig/`, token }), status: 404, code: 'UCS.00000013' },
      { name: 'wrong state: the cluster is Unavailable', request: (id) => ({ method: 'POST', path: `/v1/clusters/${id}/kubeconfig`, token }), status: 400, code: 'UCS.01030004', message: /Unavailable/, phase: 'Unavailable' },
    ];
    for (const c of cases) {
      test(`${c.name}: ${c.status} ${c.code}`, async () => {
        const cluster = await register(`kc-refused-${cases.indexOf(c)}`, c.phase ? { phase: c.phase } : {});
        const response = await callApi(server.url, c.request(cluster.id));
        assert.equal(response.status, c.status, response.text);
        const body = response.body as { error_code: string; error_msg: string };
        assert.equal(body.error_code, c.code);
        if (c.message) assert.match(body.error_msg, c.message);
        assert.equal(await server.store.getClusterCa(cluster.id), undefined, 'no CA made');
        assert.deepEqual(await server.store.listClusterCertificates(cluster.id), [], 'no certificate recorded');
      });
    }

    test('an unknown cluster: 404 UCS.00000013, as for a cluster id longer than the spec allows', async () => {
      for (const id of ['b0d1ecb5-0000-0000-0000-000000000000', 'a'.repeat(65)]) {
        const error = await ucs().createClusterKubeconfig(id).catch((e: unknown) => e);
        assert.ok(error instanceof UcsApiError);
        assert.deepEqual([error.status, error.errorCode], [404, 'UCS.00000013']);
      }
    });
  });
});
