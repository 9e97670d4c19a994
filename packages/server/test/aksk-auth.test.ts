import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createHash } from 'node:crypto';
import { signRequest } from '@ucs-fleet/apig-signer';
import { createUcsClient } from '@ucs-fleet/client';
import type { RunningServer } from '@ucs-fleet/server';
import { officialSdkClient, officialSdkRequest } from '../../apig-signer/test/official-signer.js';
import { signLikePythonSdk } from '../../apig-signer/test/python-signer.js';
import { attachedCluster, cceCluster } from './support/clusters.js';
import { callApi, specCheckingFetch } from './support/http.js';
import { readyFleetId, startTestServer, token } from './support/test-server.js';

const ak = 'DEVAKEXAMPLE00000001';
const sk = 'dev-secret-key-change-me';
const kubeconfigPath = `/v1/clustergroups/${readyFleetId}/kubeconfig`;

describe('AK/SK signed requests', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const certificates = async () => (await server.store.listCertificates(readyFleetId)).length;

  test('the official SDK client, signing as it sends (host and all): a JSON body and a query string', async () => {
    const sdk = officialSdkClient({ endpoint: server.url, ak, sk, domainId: 'd1' });
    const kc = await sdk.call({ method: 'POST', url: '/v1/clustergroups/{clustergroupid}/kubeconfig', pathParams: { clustergroupid: readyFleetId }, data: { duration: 30 } });
    assert.equal(kc.kind, 'Config');
    const list = await sdk.call({ method: 'GET', url: '/v1/clustergroups', queryParams: { limit: 10, offset: 0, order_by: 'create_at', order: 'asc' } });
    assert.equal(list.total, 1);
  });

  test('the official SDK client walks a fleet through its federation lifecycle, every call signed', async () => {
    const sdk = officialSdkClient({ endpoint: server.url, ak, sk, domainId: 'd1' });
    const { uid } = (await sdk.call({ method: 'POST', url: '/v1/clustergroups', data: { metadata: { name: 'signed-lifecycle' } } })) as { uid: string };
    const clustergroupid = uid;
    await sdk.call({ method: 'POST', url: '/v1/clustergroups/{clustergroupid}/federations', pathParams: { clustergroupid } });
    const job = (await sdk.call({ method: 'GET', url: '/v1/clustergroups/{clustergroupid}/federations/progress', pathParams: { clustergroupid } })) as { spec: { type: string } };
    assert.equal(job.spec.type, 'CreateFederation');
    const connection = { projectID: 'p', vpcID: 'v', subnetID: 's' };
    await sdk.call({ method: 'POST', url: '/v1/clustergroups/{clustergroupid}/connection', pathParams: { clustergroupid }, data: connection });
    const kc = (await sdk.call({ method: 'POST', url: '/v1/clustergroups/{clustergroupid}/cert', pathParams: { clustergroupid }, data: { ...connection, duration: 1 } })) as { kind: string };
    assert.equal(kc.kind, 'Config');
    await sdk.call({ method: 'DELETE', url: '/v1/clustergroups/{clustergroupid}/federations', pathParams: { clustergroupid } });
    await sdk.call({ method: 'DELETE', url: '/v1/clustergroups/{clustergroupid}', pathParams: { clustergroupid } });
    assert.equal(await server.store.getFleet('d1', clustergroupid), undefined);
  });

  test('the official SDK client calls the fleet operations beyond the kubeconfig path, signed, and each change shows', async () => {
    const sdk = officialSdkClient({ endpoint: server.url, ak, sk, domainId: 'd1' });
    await sdk.call({ method: 'PUT', url: '/v1/clustergroups/{clustergroupid}/description', pathParams: { clustergroupid: readyFleetId }, data: { description: 'signed' } });
    const fleet = (await sdk.call({ method: 'GET', url: '/v1/clustergroups/{clustergroupid}', pathParams: { clustergroupid: readyFleetId } })) as { spec: { description?: string } };
    assert.equal(fleet.spec.description, 'signed');
    const clustergroupid = readyFleetId;
    const { uid: signedCluster } = (await sdk.call({ method: 'POST', url: '/v1/clusters', data: cceCluster('signed-cluster') })) as { uid: string };
    await sdk.call({ method: 'PUT', url: '/v1/clustergroups/{clustergroupid}/associatedclusters', pathParams: { clustergroupid }, data: { clusterIds: [signedCluster] } });
    await sdk.call({ method: 'PUT', url: '/v1/clustergroups/{clustergroupid}/associatedrules', pathParams: { clustergroupid }, data: { ruleIDNamespaces: [{ ruleIDs: ['signed-rule'], namespaces: ['default'] }] } });
    await sdk.call({ method: 'PUT', url: '/v1/clustergroups/{clustergroupid}/associatedzones', pathParams: { clustergroupid }, data: { dnsSuffix: ['signed.example'] } });
    const upgrade = (await sdk.call({ method: 'POST', url: '/v1/clustergroups/{clustergroupid}/federations/upgrade', pathParams: { clustergroupid }, data: {} })) as { jobId: string };
    const rollback = (await sdk.call({ method: 'POST', url: '/v1/clustergroups/{clustergroupid}/federations/rollback', pathParams: { clustergroupid } })) as { jobId: string };
    await sdk.call({ method: 'POST', url: '/v1/clustergroups/{clustergroupid}/policy', pathParams: { clustergroupid } });
    const instance = (await sdk.call({ method: 'POST', url: '/v1/clustergroups/{clustergroupid}/policyinstance', pathParams: { clustergroupid }, data: { constraintTemplateID: 'signed-template', parameters: { a: 1 } } })) as { jobID: string };
    assert.equal((await server.store.listPolicyInstances(readyFleetId))[0]?.id, instance.jobID);
    await sdk.call({ method: 'DELETE', url: '/v1/clustergroups/{clustergroupid}/policy', pathParams: { clustergroupid } });
    const workload = { kind: 'ConfigMap', metadata: { name: 'signed', labels: { via: 'aksk' } }, template: { data: { a: '1' } } };
    await sdk.call({ method: 'POST', url: '/v1/clustergroups/{clustergroupid}/unitedworkload', pathParams: { clustergroupid }, data: workload });
    await sdk.call({ method: 'PUT', url: '/v1/clustergroups/{clustergroupid}/unitedworkload', pathParams: { clustergroupid }, data: { ...workload, template: { data: { a: '2' } } } });
    const shown = (await sdk.call({ method: 'GET', url: '/v1/clustergroups/{clustergroupid}/unitedworkload', pathParams: { clustergroupid }, queryParams: { kind: 'ConfigMap', name: 'signed' } })) as { metadata: { generation: string; labels: Record<string, string> }; template: unknown };
    assert.deepEqual([shown.metadata.generation, shown.metadata.labels, shown.template], ['2', { via: 'aksk' }, { data: { a: '2' } }]);
    await sdk.call({ method: 'DELETE', url: '/v1/clustergroups/{clustergroupid}/unitedworkload', pathParams: { clustergroupid }, queryParams: { kind: 'ConfigMap', namespace: 'default', name: 'signed' } });
    assert.deepEqual(await server.store.listWorkloads(readyFleetId), []);
    assert.deepEqual(await server.store.listPolicyInstances(readyFleetId), []);
    const associated = (await sdk.call({ method: 'GET', url: '/v1/clustergroups/{clustergroupid}', pathParams: { clustergroupid } })) as { spec: { clusterIds: string[]; ruleNamespaces: string[]; dnsSuffix: string[] } };
    assert.deepEqual([associated.spec.clusterIds.includes(signedCluster), associated.spec.ruleNamespaces, associated.spec.dnsSuffix], [true, ['default'], ['signed.example']]);
    assert.notEqual(upgrade.jobId, rollback.jobId);
    assert.equal((await server.store.latestJob(readyFleetId))?.id, rollback.jobId);
    const configs = (await sdk.call({ method: 'GET', url: '/v1/serverconfig' })) as { federations: { versionsInfo: unknown[] } };
    assert.ok(configs.federations.versionsInfo.length > 0);
    const quota = (await sdk.call({ method: 'GET', url: '/v1/maintenance/quota/{domainid}', pathParams: { domainid: 'd1' } })) as { quotas: { resources: { type: string }[] } };
    assert.ok(quota.quotas.resources.some((r) => r.type === 'clustergroup'));
  });

  test('the official SDK client calls every cluster operation, signed, and each change shows', async () => {
    const sdk = officialSdkClient({ endpoint: server.url, ak, sk, domainId: 'd1' });
    const { uid: clusterid } = (await sdk.call({ method: 'POST', url: '/v1/clusters', data: attachedCluster('signed-attached') })) as { uid: string };
    const list = (await sdk.call({ method: 'GET', url: '/v1/clusters', queryParams: { category: 'attachedcluster', clusterids: `${clusterid},other`, limit: 10 } })) as { total: number };
    assert.equal(list.total, 1);
    await sdk.call({ method: 'PUT', url: '/v1/clusters/{clusterid}', pathParams: { clusterid }, data: { kind: 'Cluster', apiVersion: 'v1', spec: { country: 'DE' } } });
    await sdk.call({ method: 'POST', url: '/v1/clusters/{clusterid}/join', pathParams: { clusterid }, data: { clusterGroupID: readyFleetId } });
    const shown = (await sdk.call({ method: 'GET', url: '/v1/clusters/{clusterid}', pathParams: { clusterid } })) as { spec: { country: string; clusterGroupID?: string } };
    assert.deepEqual([shown.spec.country, shown.spec.clusterGroupID], ['DE', readyFleetId]);
    await sdk.call({ method: 'POST', url: '/v1/clusters/{clusterid}/unjoin', pathParams: { clusterid } });
    const kubeconfig = (await sdk.call({ method: 'POST', url: '/v1/clusters/{clusterid}/kubeconfig', pathParams: { clusterid } })) as { clusters: { cluster: { server: string } }[] };
    assert.equal(kubeconfig.clusters[0]?.cluster.server, `${server.federationEndpoint.url}/clusters/${clusterid}`);
    const manifests = (await sdk.call({ method: 'GET', url: '/v1/clusters/{clusterid}/accessinfo', pathParams: { clusterid }, queryParams: { region: 'cn-north-4' } })) as unknown as string[];
    assert.equal(manifests.length, 1);
    await sdk.call({ method: 'PUT', url: '/v1/clusters/{clusterid}/activation', pathParams: { clusterid } });
    assert.equal((await server.store.getCluster('d1', clusterid))?.agentDownloaded, false);
    const managed = (await sdk.call({ method: 'GET', url: '/v1/managedclusters', queryParams: { unimported: true } })) as unknown as unknown[];
    assert.equal(managed.length, 0);
    const versions = (await sdk.call({ method: 'GET', url: '/v1/config/registeredclusterversions' })) as { versions: string[] };
    assert.ok(versions.versions.includes('v1.31'));
    await sdk.call({ method: 'DELETE', url: '/v1/clusters/{clusterid}', pathParams: { clusterid } });
    assert.equal(await server.store.getCluster('d1', clusterid), undefined);
  });

  test('form bodies signed as the Python SDK signs them (UNSIGNED-PAYLOAD): JoinGroup is accepted; its RegisterCluster form is refused saying to send JSON', async () => {
    const { uid } = (await callApi(server.url, { method: 'POST', path: '/v1/clusters', token, body: cceCluster('python-form') })).body as { uid: string };
    const host = new URL(server.url).host;
    const viaPython = (path: string, body: string) => {
      const headers = { host, 'content-type': 'application/x-www-form-urlencoded', 'x-domain-id': 'd1', 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' };
      const [signed] = signLikePythonSdk([{ method: 'POST', path, headers, body, ak, sk, date: new Date() }]);
      const { host: _, ...sent } = headers;
      return callApi(server.url, { method: 'POST', path, headers: { ...sent, ...signed!.headers }, body });
    };
    const joined = await viaPython(`/v1/clusters/${uid}/join`, `clusterGroupID=${readyFleetId}`);
    assert.equal(joined.status, 200, joined.text);
    assert.equal((await server.store.getCluster('d1', uid))?.fleetId, readyFleetId);
    const refused = await viaPython('/v1/clusters', 'kind=Cluster&apiVersion=v1&metadata=name&spec=category&spec=type');
    assert.equal(refused.status, 400, refused.text);
    assert.match((refused.body as { error_msg: string }).error_msg, /send the body as application\/json/);
    assert.equal((await callApi(server.url, { method: 'POST', path: `/v1/clusters/${uid}/unjoin`, token })).status, 200);
  });

  test('our client signs with AK/SK and is accepted', async () => {
    const ucs = createUcsClient({ endpoint: server.url, accessKey: ak, secretKey: sk, domainId: 'd1', fetch: specCheckingFetch });
    const kc = await ucs.downloadFederationKubeconfig(readyFleetId, { duration: 2 });
    assert.equal(kc.kind, 'Config');
    assert.equal((await ucs.listFleets({ limit: 5, order: 'asc' })).items.length, 1);
  });

  const signed = (o: { path?: string; body?: string; date?: Date; key?: string; secret?: string } = {}) =>
    officialSdkRequest({
      method: 'POST',
      url: `${server.url}${o.path ?? kubeconfigPath}`,
      headers: { 'content-type': 'application/json', 'X-Domain-Id': 'd1' },
      body: o.body ?? '{"duration":30}',
      ak: o.key ?? ak,
      sk: o.secret ?? sk,
      ...(o.date ? { date: o.date } : {}),
    });

  const send = (r: ReturnType<typeof signed>, change: { path?: string; body?: string; headers?: Record<string, string> } = {}) => {
    const url = new URL(r.url);
    const headers = { ...r.headers, ...change.headers };
    delete headers.host;
    return callApi(server.url, { method: r.method, path: change.path ?? `${url.pathname}${url.search}`, headers, body: change.body ?? (r.body as string) });
  };

  test('an untampered signed request is accepted (the control for the table below)', async () => {
    assert.equal((await send(signed())).status, 201);
  });

  const tampering: { name: string; make: () => Promise<Awaited<ReturnType<typeof send>>>; message: RegExp }[] = [
    { name: 'the body changed by one byte', make: () => send(signed(), { body: '{"duration":31}' }), message: /signature/ },
    { name: 'a signed header changed', make: () => send(signed(), { headers: { 'content-type': 'application/json; charset=utf-8' } }), message: /signature/ },
    { name: 'the path changed', make: () => send(signed(), { path: `/v1/clustergroups/${readyFleetId}/cert` }), message: /signature/ },
    { name: 'the query changed', make: () => send(signed(), { path: `${kubeconfigPath}?x=1` }), message: /signature/ },
    { name: 'the date 16 minutes off', make: () => send(signed({ date: new Date(Date.now() - 16 * 60_000) })), message: /date|time/i },
    { name: 'an unknown AK', make: () => send(signed({ key: 'UNKNOWNAK', secret: sk })), message: /access key/ },
    { name: 'the signature altered', make: () => send(signed(), { headers: { Authorization: signed().headers.Authorization!.replace(/Signature=(.)/, (_, c: string) => `Signature=${c === 'a' ? 'b' : 'a'}`) } }), message: /signature/ },
    { name: 'a valid token beside a bad signature', make: () => send(signed({ secret: 'wrong' }), { headers: { 'X-Auth-Token': token } }), message: /signature/ },
  ];
  for (const t of tampering) {
    test(`${t.name}: 401 UCS.00000018 and nothing issued`, async () => {
      const before = await certificates();
      const response = await t.make();
      assert.equal(response.status, 401, response.text);
      const body = response.body as { error_code: string; error_msg: string };
      assert.equal(body.error_code, 'UCS.00000018');
      assert.match(body.error_msg, t.message);
      assert.equal(await certificates(), before);
    });
  }

  const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
  const fleetCount = async () => (await server.store.listFleets('d1', { limit: 1000, offset: 0, orderBy: 'create_at', order: 'asc' })).total;

  /**
   * Signs `signedExtra` (beside content-type and x-domain-id) over `signedBody` with our signer,
   * then sends the signed headers plus `sentExtra` with `body`: the body-swap an attacker tries.
   */
  const swap = (o: { path: string; signedExtra: Record<string, string>; sentExtra: Record<string, string>; signedBody: string; body: string }) => {
    const headers = { 'content-type': 'application/json', 'x-domain-id': 'd1', ...o.signedExtra };
    const added = signRequest(
      { method: 'POST', path: o.path, headers: { ...headers, ...o.sentExtra }, body: o.signedBody },
      { accessKey: ak, secretKey: sk },
      { signedHeaders: [...Object.keys(headers), 'x-sdk-date'] },
    );
    return callApi(server.url, { method: 'POST', path: o.path, headers: { ...headers, ...o.sentExtra, ...added }, body: o.body });
  };
  const short = '{"duration":1}';
  const long = '{"duration":1825}';
  const fleetBody = (name: string) => JSON.stringify({ metadata: { name } });
  const bodySwaps: { name: string; path: string; signedExtra: Record<string, string>; sentExtra: Record<string, string>; signedBody: string; body: string; status: number }[] = [
    { name: 'unsigned X-Sdk-Content-Sha256 naming the signed body, another body sent', path: kubeconfigPath, signedExtra: {}, sentExtra: { 'X-Sdk-Content-Sha256': sha256(short) }, signedBody: short, body: long, status: 401 },
    { name: 'signed X-Sdk-Content-Sha256 that is not the hash of the body sent', path: kubeconfigPath, signedExtra: { 'x-sdk-content-sha256': sha256(short) }, sentExtra: {}, signedBody: short, body: long, status: 401 },
    { name: 'unsigned X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD', path: kubeconfigPath, signedExtra: {}, sentExtra: { 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' }, signedBody: short, body: long, status: 401 },
    { name: 'create-fleet, unsigned hash naming another name', path: '/v1/clustergroups', signedExtra: {}, sentExtra: { 'X-Sdk-Content-Sha256': sha256(fleetBody('harmless')) }, signedBody: fleetBody('harmless'), body: fleetBody('attacker-chosen'), status: 401 },
    { name: 'create-fleet, signed hash of another name', path: '/v1/clustergroups', signedExtra: { 'x-sdk-content-sha256': sha256(fleetBody('harmless')) }, sentExtra: {}, signedBody: fleetBody('harmless'), body: fleetBody('attacker-chosen'), status: 401 },
    // The controls: what the SDKs really send is accepted.
    { name: 'signed X-Sdk-Content-Sha256 equal to the hash of the body sent', path: kubeconfigPath, signedExtra: { 'x-sdk-content-sha256': sha256(short) }, sentExtra: {}, signedBody: short, body: short, status: 201 },
    { name: 'signed X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD (the body is not covered, as the SDKs mean it)', path: kubeconfigPath, signedExtra: { 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' }, sentExtra: {}, signedBody: short, body: long, status: 201 },
  ];
  for (const c of bodySwaps) {
    test(`body swap: ${c.name}: ${c.status === 401 ? '401 UCS.00000018, nothing issued or created' : `${c.status}`}`, async () => {
      const [certsBefore, fleetsBefore] = [await certificates(), await fleetCount()];
      const response = await swap(c);
      assert.equal(response.status, c.status, response.text);
      if (c.status !== 401) return;
      const body = response.body as { error_code: string; error_msg: string };
      assert.equal(body.error_code, 'UCS.00000018');
      assert.match(body.error_msg, /X-Sdk-Content-Sha256/);
      assert.deepEqual([await certificates(), await fleetCount()], [certsBefore, fleetsBefore]);
    });
  }

  /**
   * Fleet ids with characters outside A-Za-z0-9-_.~ (none exists): a correct signature in either
   * SDK's canonical path form must get the 404 of a missing fleet, not a 401.
   */
  const oddIds = ['no such fleet', 'a+b', 'a/b', '50%', 'flotte-ü', '艦隊'];
  const oddPath = (id: string) => `/v1/clustergroups/${encodeURIComponent(id)}/kubeconfig`;
  const canonicalForms: { name: string; request: (id: string) => Promise<Awaited<ReturnType<typeof send>>> }[] = [
    {
      name: 'Python SDK canonical path (urllib.parse, python3)',
      request: (id) => {
        const host = new URL(server.url).host;
        const headers = { host, 'content-type': 'application/json', 'x-domain-id': 'd1' };
        const [signed] = signLikePythonSdk([{ method: 'POST', path: oddPath(id), headers, body: short, ak, sk, date: new Date() }]);
        return callApi(server.url, { method: 'POST', path: oddPath(id), headers: { 'content-type': 'application/json', 'x-domain-id': 'd1', ...signed!.headers }, body: short });
      },
    },
    {
      name: 'Node SDK canonical path (the official SDK, given the encoded id)',
      request: (id) => send(officialSdkRequest({ method: 'POST', url: `${server.url}${oddPath(id)}`, headers: { 'content-type': 'application/json', 'X-Domain-Id': 'd1' }, body: short, ak, sk })),
    },
    {
      name: 'Node SDK canonical path (our signer, id encoded)',
      request: (id) => {
        const headers = { 'content-type': 'application/json', 'x-domain-id': 'd1' };
        const added = signRequest({ method: 'POST', path: oddPath(id), headers, body: short }, { accessKey: ak, secretKey: sk });
        return callApi(server.url, { method: 'POST', path: oddPath(id), headers: { ...headers, ...added }, body: short });
      },
    },
  ];
  for (const form of canonicalForms) {
    test(`${form.name}: ids with space, +, /, %, non-ASCII get 404 UCS.00000013, not 401`, async () => {
      for (const id of oddIds) {
        const response = await form.request(id);
        assert.equal(response.status, 404, `${id}: ${response.text}`);
        assert.equal((response.body as { error_code: string }).error_code, 'UCS.00000013', id);
      }
    });
  }

  test('X-Domain-Id that is not the key\'s account: 403 UCS.00000004', async () => {
    const r = officialSdkRequest({ method: 'GET', url: `${server.url}/v1/clustergroups`, headers: { 'X-Domain-Id': 'd2' }, ak, sk });
    const response = await send(r);
    assert.equal(response.status, 403);
    assert.equal((response.body as { error_code: string }).error_code, 'UCS.00000004');
  });

  test('tokens still work alone', async () => {
    assert.equal((await callApi(server.url, { path: '/v1/clustergroups', token })).status, 200);
  });
});
