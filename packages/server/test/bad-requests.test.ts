import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '@ucs-fleet/server';
import { callApi, type ApiRequest } from './support/http.js';
import { attachedCluster, cceCluster } from './support/clusters.js';
import { otherAccountToken, readyFleetId, startTestServer, token } from './support/test-server.js';
import { defaultSeed } from '@ucs-fleet/server';

const kubeconfigPath = `/v1/clustergroups/${readyFleetId}/kubeconfig`;
const post = (body: unknown, extra: Partial<ApiRequest> = {}): ApiRequest => ({ method: 'POST', path: kubeconfigPath, token, body, ...extra });
const json = { 'Content-Type': 'application/json' };

const cases: { name: string; request: ApiRequest; status: number; code: string; message?: RegExp }[] = [
  { name: 'no token', request: post({ duration: 30 }, { token: undefined }), status: 401, code: 'UCS.00000018' },
  { name: 'unknown token', request: post({ duration: 30 }, { token: 'not-a-token' }), status: 401, code: 'UCS.00000018' },
  { name: 'malformed JSON', request: post('{"duration": 3', { headers: json }), status: 400, code: 'UCS.00000012', message: /JSON/ },
  { name: 'text/plain body', request: post('duration=30', { headers: { 'Content-Type': 'text/plain' } }), status: 415, code: 'UCS.00000016', message: /text\/plain/ },
  { name: 'duration 0', request: post({ duration: 0 }), status: 400, code: 'UCS.00000012', message: /duration/ },
  { name: 'duration 1826', request: post({ duration: 1826 }), status: 400, code: 'UCS.00000012', message: /duration/ },
  { name: 'duration 1.5', request: post({ duration: 1.5 }), status: 400, code: 'UCS.00000012', message: /duration/ },
  { name: 'duration "30"', request: post({ duration: '30' }), status: 400, code: 'UCS.00000012', message: /duration/ },
  { name: 'duration null', request: post({ duration: null }), status: 400, code: 'UCS.00000012', message: /duration/ },
  { name: 'duration -1', request: post({ duration: -1 }), status: 400, code: 'UCS.00000012', message: /duration/ },
  { name: 'duration missing', request: post({}), status: 400, code: 'UCS.00000012', message: /duration/ },
  { name: 'an unknown field', request: post({ duration: 30, extra: 1 }), status: 400, code: 'UCS.00000012' },
  { name: 'no body at all', request: post(undefined, { headers: json }), status: 400, code: 'UCS.00000012' },
  { name: 'a 1 MiB body', request: post(`{"duration": 30, "pad": "${'x'.repeat(1024 * 1024)}"}`, { headers: json }), status: 413, code: 'UCS.00000012' },
  { name: 'unknown fleet', request: post({ duration: 30 }, { path: '/v1/clustergroups/0f3c2d8e-0000-0000-0000-000000000000/kubeconfig' }), status: 404, code: 'UCS.00000013' },
  { name: "another account's fleet", request: post({ duration: 30 }, { token: otherAccountToken }), status: 404, code: 'UCS.00000013' },
  { name: 'wrong method (GET)', request: { method: 'GET', path: kubeconfigPath, token }, status: 405, code: 'UCS.00000013' },
  { name: 'wrong method (PUT)', request: post({ duration: 30 }, { method: 'PUT' }), status: 405, code: 'UCS.00000013' },
  { name: 'unknown route', request: { method: 'GET', path: '/v1/nothing-here', token }, status: 404, code: 'UCS.00000013' },
  { name: 'a trailing slash after the path', request: post({ duration: 30 }, { path: `${kubeconfigPath}/` }), status: 404, code: 'UCS.00000013' },
  { name: 'a trailing slash after /healthz', request: { method: 'GET', path: '/healthz/', token }, status: 404, code: 'UCS.00000013' },
  { name: 'a trailing slash after /openapi.json', request: { method: 'GET', path: '/openapi.json/', token }, status: 404, code: 'UCS.00000013' },
  { name: 'a trailing slash after /docs', request: { method: 'GET', path: '/docs/', token }, status: 404, code: 'UCS.00000013' },
  { name: 'X-Domain-Id of another account', request: post({ duration: 30 }, { headers: { 'X-Domain-Id': 'd2' } }), status: 403, code: 'UCS.00000004' },
  { name: 'a fleet id longer than the spec allows', request: post({ duration: 30 }, { path: `/v1/clustergroups/${'a'.repeat(65)}/kubeconfig` }), status: 404, code: 'UCS.00000013' },
];

describe('bad requests to DownloadFederationKubeconfig', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  for (const c of cases) {
    test(`${c.name}: ${c.status} ${c.code}, no certificate recorded`, async () => {
      const before = (await server.store.listCertificates(readyFleetId)).length;
      const response = await callApi(server.url, c.request);
      assert.equal(response.status, c.status, response.text);
      const body = response.body as { error_code: string; error_msg: string };
      assert.equal(body.error_code, c.code);
      if (c.message) assert.match(body.error_msg, c.message);
      assert.doesNotMatch(response.text, /at .*\.ts:\d+|Error:/, 'no stack trace');
      assert.equal((await server.store.listCertificates(readyFleetId)).length, before);
    });
  }

  test('the valid request next to them is recorded once', async () => {
    const before = (await server.store.listCertificates(readyFleetId)).length;
    const response = await callApi(server.url, post({ duration: 30 }));
    assert.equal(response.status, 201);
    const records = await server.store.listCertificates(readyFleetId);
    assert.equal(records.length, before + 1);
    assert.equal(records.at(-1)?.subject, 'CN=alice,O=system:masters');
  });
});

/** The fleet operations beyond the kubeconfig path: each rejected request leaves the account as it was. */
const describePath = `/v1/clustergroups/${readyFleetId}/description`;
const describe_ = (body: unknown, extra: Partial<ApiRequest> = {}): ApiRequest => ({ method: 'PUT', path: describePath, token, body, ...extra });
const workload = (method: string, body: unknown, extra: Partial<ApiRequest> = {}, query = ''): ApiRequest => ({
  method,
  path: `/v1/clustergroups/${readyFleetId}/unitedworkload${query}`,
  token,
  body,
  ...extra,
});
type RejectedCase = { operation: string; name: string; request: ApiRequest; status: number; code: string; message?: RegExp };

const fleetOperationCases: RejectedCase[] = [
  { operation: 'UpdateClusterGroup', name: 'description missing', request: describe_({}), status: 400, code: 'UCS.00000012', message: /description/ },
  { operation: 'UpdateClusterGroup', name: 'description a number', request: describe_({ description: 5 }), status: 400, code: 'UCS.00000012', message: /description/ },
  { operation: 'UpdateClusterGroup', name: 'description of 256 characters', request: describe_({ description: 'x'.repeat(256) }), status: 400, code: 'UCS.00000012', message: /description/ },
  { operation: 'UpdateClusterGroup', name: 'an unknown field', request: describe_({ description: 'd', name: 'renamed' }), status: 400, code: 'UCS.00000012' },
  { operation: 'UpdateClusterGroup', name: 'malformed JSON', request: describe_('{"description":', { headers: json }), status: 400, code: 'UCS.00000012', message: /JSON/ },
  { operation: 'UpdateClusterGroup', name: 'unknown fleet', request: describe_({ description: 'd' }, { path: '/v1/clustergroups/0f3c2d8e-0000-0000-0000-000000000000/description' }), status: 404, code: 'UCS.00000013' },
  { operation: 'UpdateClusterGroup', name: 'wrong method (POST)', request: describe_({ description: 'd' }, { method: 'POST' }), status: 405, code: 'UCS.00000013' },
  { operation: 'UpdateClusterGroupAssociatedClusters', name: 'no clusters', request: { method: 'PUT', path: `/v1/clustergroups/${readyFleetId}/associatedclusters`, token, body: { clusterIds: [] } }, status: 400, code: 'UCS.00000012', message: /clusterIds/ },
  { operation: 'UpdateClusterGroupAssociatedClusters', name: '51 clusters at once', request: { method: 'PUT', path: `/v1/clustergroups/${readyFleetId}/associatedclusters`, token, body: { clusterIds: Array.from({ length: 51 }, (_, i) => `c-${i}`) } }, status: 400, code: 'UCS.00000012', message: /clusterIds/ },
  { operation: 'UpdateClusterGroupAssociatedClusters', name: 'a cluster id that is not a string', request: { method: 'PUT', path: `/v1/clustergroups/${readyFleetId}/associatedclusters`, token, body: { clusterIds: [7] } }, status: 400, code: 'UCS.00000012', message: /clusterIds/ },
  { operation: 'UpdateClusterGroupAssociatedRules', name: 'a binding without namespaces', request: { method: 'PUT', path: `/v1/clustergroups/${readyFleetId}/associatedrules`, token, body: { ruleIDNamespaces: [{ ruleIDs: ['r'] }] } }, status: 400, code: 'UCS.00000012', message: /namespaces/ },
  { operation: 'UpdateClusterGroupAssociatedRules', name: 'the body missing', request: { method: 'PUT', path: `/v1/clustergroups/${readyFleetId}/associatedrules`, token, body: {} }, status: 400, code: 'UCS.00000012', message: /ruleIDNamespaces/ },
  { operation: 'UpdateClusterGroupAssociatedZones', name: 'a suffix that is no DNS name', request: { method: 'PUT', path: `/v1/clustergroups/${readyFleetId}/associatedzones`, token, body: { dnsSuffix: ['Not A Name'] } }, status: 400, code: 'UCS.00000012', message: /dnsSuffix/ },
  { operation: 'UpdateClusterGroupAssociatedZones', name: 'dnsSuffix a string', request: { method: 'PUT', path: `/v1/clustergroups/${readyFleetId}/associatedzones`, token, body: { dnsSuffix: 'example.com' } }, status: 400, code: 'UCS.00000012', message: /dnsSuffix/ },
  { operation: 'UpgradeFederation', name: 'a target the version cannot be upgraded to', request: { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/federations/upgrade`, token, body: { targetVersion: 'v0.0.1' } }, status: 400, code: 'UCS.00000012', message: /targetVersion: v1\.10\.7 can be upgraded to/ },
  { operation: 'UpgradeFederation', name: 'targetVersion a number', request: { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/federations/upgrade`, token, body: { targetVersion: 1 } }, status: 400, code: 'UCS.00000012', message: /targetVersion/ },
  { operation: 'UpgradeFederation', name: 'an unknown field', request: { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/federations/upgrade`, token, body: { version: 'v1.11.3' } }, status: 400, code: 'UCS.00000012' },
  { operation: 'UpgradeFederation', name: 'a body without a Content-Type', request: { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/federations/upgrade`, token, body: '\ufeff{"targetVersion": "v1.11.3"}', headers: { 'Content-Type': '' } }, status: 415, code: 'UCS.00000016', message: /Content-Type/ },
  { operation: 'RollbackFederation', name: 'an unknown query parameter', request: { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/federations/rollback?to=v1.10.7`, token }, status: 400, code: 'UCS.00000011', message: /to/ },
  { operation: 'RollbackFederation', name: 'wrong method (GET)', request: { method: 'GET', path: `/v1/clustergroups/${readyFleetId}/federations/rollback`, token }, status: 405, code: 'UCS.00000013' },
  { operation: 'RollbackFederation', name: 'unknown fleet', request: { method: 'POST', path: '/v1/clustergroups/0f3c2d8e-0000-0000-0000-000000000000/federations/rollback', token }, status: 404, code: 'UCS.00000013' },
  { operation: 'RollbackFederation', name: 'nothing to roll back', request: { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/federations/rollback`, token }, status: 400, code: 'UCS.00000003', message: /never upgraded/ },
  { operation: 'CreateProxyUnitedWorkload', name: 'a kind the UCS documents do not list', request: workload('POST', { kind: 'Pod', metadata: { name: 'web' } }), status: 400, code: 'UCS.00000012', message: /kind/ },
  { operation: 'CreateProxyUnitedWorkload', name: 'no metadata.name', request: workload('POST', { kind: 'Deployment', metadata: { namespace: 'default' } }), status: 400, code: 'UCS.00000012', message: /name/ },
  { operation: 'CreateProxyUnitedWorkload', name: 'a name that is no Kubernetes name', request: workload('POST', { kind: 'Deployment', metadata: { name: 'Web_1' } }), status: 400, code: 'UCS.00000012', message: /metadata\/name|name/ },
  { operation: 'CreateProxyUnitedWorkload', name: 'a label value that is not a string', request: workload('POST', { kind: 'Deployment', metadata: { name: 'web', labels: { app: 1 } } }), status: 400, code: 'UCS.00000012', message: /labels/ },
  { operation: 'CreateProxyUnitedWorkload', name: 'an unknown field in the propagation policy', request: workload('POST', { kind: 'Deployment', metadata: { name: 'web' }, propagationPolicy: { spec: { placment: {} } } }), status: 400, code: 'UCS.00000012', message: /placment|additional/ },
  { operation: 'CreateProxyUnitedWorkload', name: 'no body', request: workload('POST', undefined, { headers: json }), status: 400, code: 'UCS.00000012' },
  { operation: 'ShowProxyUnitedWorkload', name: 'no kind', request: workload('GET', undefined, {}, '?name=web'), status: 400, code: 'UCS.00000011', message: /kind/ },
  { operation: 'ShowProxyUnitedWorkload', name: 'no name', request: workload('GET', undefined, {}, '?kind=Deployment'), status: 400, code: 'UCS.00000011', message: /name/ },
  { operation: 'ShowProxyUnitedWorkload', name: 'an unknown query parameter', request: workload('GET', undefined, {}, '?kind=Deployment&name=web&all=true'), status: 400, code: 'UCS.00000011', message: /all/ },
  { operation: 'UpdateProxyUnitedWorkload', name: 'no kind', request: workload('PUT', { metadata: { name: 'web' } }), status: 400, code: 'UCS.00000012', message: /kind/ },
  { operation: 'UpdateProxyUnitedWorkload', name: 'a namespace that is no Kubernetes namespace', request: workload('PUT', { kind: 'Service', metadata: { name: 'web', namespace: 'a.b' } }), status: 400, code: 'UCS.00000012', message: /namespace/ },
  { operation: 'DeleteProxyUnitedWorkload', name: 'a kind the UCS documents do not list', request: workload('DELETE', undefined, {}, '?kind=Pod&name=web'), status: 400, code: 'UCS.00000011', message: /kind/ },
  { operation: 'DeleteProxyUnitedWorkload', name: 'unknown fleet', request: workload('DELETE', undefined, { path: '/v1/clustergroups/0f3c2d8e-0000-0000-0000-000000000000/unitedworkload?kind=Deployment&name=web' }), status: 404, code: 'UCS.00000013' },
  { operation: 'EnableClusterGroupPolicy', name: 'an unknown query parameter', request: { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/policy?force=true`, token }, status: 400, code: 'UCS.00000011', message: /force/ },
  { operation: 'EnableClusterGroupPolicy', name: 'retry neither true nor false', request: { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/policy?retry=yes`, token }, status: 400, code: 'UCS.00000011', message: /retry/ },
  { operation: 'DisableClusterGroupPolicy', name: 'an unknown query parameter', request: { method: 'DELETE', path: `/v1/clustergroups/${readyFleetId}/policy?all=1`, token }, status: 400, code: 'UCS.00000011', message: /all/ },
  { operation: 'CreateClusterGroupPolicyInstance', name: 'no template', request: { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/policyinstance`, token, body: { enforcementAction: 'warn' } }, status: 400, code: 'UCS.00000012', message: /constraintTemplateID/ },
  { operation: 'CreateClusterGroupPolicyInstance', name: 'an enforcement action neither warn nor deny', request: { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/policyinstance`, token, body: { constraintTemplateID: 't', enforcementAction: 'block' } }, status: 400, code: 'UCS.00000012', message: /enforcementAction/ },
  { operation: 'CreateClusterGroupPolicyInstance', name: 'parameters not an object', request: { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/policyinstance`, token, body: { constraintTemplateID: 't', parameters: [1] } }, status: 400, code: 'UCS.00000012', message: /parameters/ },
  { operation: 'ListServerConfigs', name: 'an unknown query parameter', request: { path: '/v1/serverconfig?kind=federation', token }, status: 400, code: 'UCS.00000011', message: /kind/ },
  { operation: 'ListServerConfigs', name: 'no token', request: { path: '/v1/serverconfig' }, status: 401, code: 'UCS.00000018' },
  { operation: 'ShowQuota', name: "another account's domain id", request: { path: '/v1/maintenance/quota/d2', token }, status: 403, code: 'UCS.00000004', message: /d2/ },
  { operation: 'ShowQuota', name: 'an unknown query parameter', request: { path: '/v1/maintenance/quota/d1?type=cluster', token }, status: 400, code: 'UCS.00000011', message: /type/ },
  { operation: 'ShowQuota', name: 'a domain id longer than the spec allows', request: { path: `/v1/maintenance/quota/${'d'.repeat(65)}`, token }, status: 404, code: 'UCS.00000013' },
];

/** Each case is refused with its status and UCS code, and leaves what `state` reads as it was. */
function describeRejections(title: string, cases: RejectedCase[], start: () => Promise<RunningServer>, state: (server: RunningServer) => Promise<unknown>): void {
  describe(title, () => {
    let server: RunningServer;
    before(async () => {
      server = await start();
    });
    after(() => server.close());

    for (const c of cases) {
      test(`${c.operation}, ${c.name}: ${c.status} ${c.code}, nothing changed`, async () => {
        const before = await state(server);
        const response = await callApi(server.url, c.request);
        assert.equal(response.status, c.status, response.text);
        const body = response.body as { error_code: string; error_msg: string };
        assert.equal(body.error_code, c.code);
        if (c.message) assert.match(body.error_msg, c.message);
        assert.deepEqual(await state(server), before);
      });
    }
  });
}

describeRejections('bad requests to the fleet operations', fleetOperationCases, () => startTestServer(), async (server) => ({
  fleets: (await callApi(server.url, { path: '/v1/clustergroups?order=asc', token })).body,
  job: (await callApi(server.url, { path: `/v1/clustergroups/${readyFleetId}/federations/progress`, token })).body,
  policyInstances: await server.store.listPolicyInstances(readyFleetId),
  workloads: await server.store.listWorkloads(readyFleetId),
  quota: (await callApi(server.url, { path: '/v1/maintenance/quota/d1', token })).body,
}));

/** The cluster operations: each rejected request leaves the account's clusters and fleets as they were. */
const attachedId = 'b0d1ecb5-7947-11ee-9467-0255ac1001bf';
const cceId = 'b0d1ecb5-7947-11ee-9467-0255ac1001c0';
const clusterSeed = {
  ...defaultSeed,
  clusters: [
    { id: attachedId, name: 'attached', domainId: 'd1', category: 'attachedcluster', type: 'privatek8s', provider: 'privatek8s', kubernetesVersion: 'v1.31', country: 'CN' },
    { id: cceId, name: 'cce', domainId: 'd1', category: 'self', type: 'cce', provider: 'huaweicloud', kubernetesVersion: 'v1.31', country: 'CN' },
  ],
};
const register = (body: unknown, extra: Partial<ApiRequest> = {}): ApiRequest => ({ method: 'POST', path: '/v1/clusters', token, body, ...extra });
const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
const withSpec = (spec: Record<string, unknown>) => cceCluster('new-one', spec);
const withAnnotations = (annotations: Record<string, string>) => ({ ...attachedCluster('new-one'), metadata: { name: 'new-one', annotations } });
const unknownCluster = '/v1/clusters/b0d1ecb5-0000-0000-0000-000000000000';
/** What the Python SDK sends for RegisterCluster: a form of the body's top-level keys, nested objects reduced to their keys. */
const pythonSdkRegisterForm = 'kind=Cluster&apiVersion=v1&metadata=name&metadata=labels&spec=category&spec=type&spec=provider&spec=manageType&spec=country&spec=city';
const clusterOperationCases: RejectedCase[] = [
  { operation: 'RegisterCluster', name: 'kind not Cluster', request: register({ ...cceCluster('new-one'), kind: 'Pod' }), status: 400, code: 'UCS.00000012', message: /kind/ },
  { operation: 'RegisterCluster', name: 'no spec', request: register({ kind: 'Cluster', apiVersion: 'v1', metadata: { name: 'new-one' } }), status: 400, code: 'UCS.00000012', message: /spec/ },
  { operation: 'RegisterCluster', name: 'a name with upper case', request: register(cceCluster('New-One')), status: 400, code: 'UCS.00000012', message: /metadata\.name/ },
  { operation: 'RegisterCluster', name: 'a country that is no two-letter code', request: register(withSpec({ country: 'china' })), status: 400, code: 'UCS.00000012', message: /country/ },
  { operation: 'RegisterCluster', name: '101 labels', request: register({ ...cceCluster('new-one'), metadata: { name: 'new-one', labels: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`l${i}`, 'v'])) } }), status: 400, code: 'UCS.00000012', message: /labels/ },
  { operation: 'RegisterCluster', name: 'an unknown category', request: register(withSpec({ category: 'multicloud' })), status: 400, code: 'UCS.01030011', message: /category multicloud/ },
  { operation: 'RegisterCluster', name: 'a type its category does not have', request: register(withSpec({ type: 'eks' })), status: 400, code: 'UCS.01030011', message: /type eks of category self/ },
  { operation: 'RegisterCluster', name: 'a CCE cluster of another provider', request: register(withSpec({ provider: 'aws' })), status: 400, code: 'UCS.01030011', message: /provider aws/ },
  { operation: 'RegisterCluster', name: 'an attached cluster without its kubeconfig', request: register(withAnnotations({})), status: 400, code: 'UCS.01030008', message: /annotations\.kubeconfig/ },
  { operation: 'RegisterCluster', name: 'a kubeconfig that is neither YAML nor JSON', request: register(withAnnotations({ kubeconfig: '{"clusters": [' })), status: 400, code: 'UCS.01030008', message: /neither YAML nor JSON/ },
  { operation: 'RegisterCluster', name: 'a kubeconfig that names no API server', request: register(withAnnotations({ kubeconfig: 'kind: Config\nclusters: []\n' })), status: 400, code: 'UCS.01030008', message: /no API server/ },
  { operation: 'RegisterCluster', name: 'grouped without a fleet', request: register(withSpec({ manageType: 'grouped' })), status: 400, code: 'UCS.00000012', message: /clusterGroupID/ },
  { operation: 'RegisterCluster', name: 'discrete with a fleet', request: register(withSpec({ clusterGroupID: readyFleetId })), status: 400, code: 'UCS.00000012', message: /manageType/ },
  { operation: 'RegisterCluster', name: 'grouped into an unknown fleet', request: register(withSpec({ manageType: 'grouped', clusterGroupID: '0f3c2d8e-0000-0000-0000-000000000000' })), status: 404, code: 'UCS.00000013', message: /fleet/ },
  { operation: 'RegisterCluster', name: "grouped into another account's fleet", request: register(withSpec({ manageType: 'grouped', clusterGroupID: readyFleetId }), { token: otherAccountToken }), status: 404, code: 'UCS.00000013', message: /fleet/ },
  { operation: 'RegisterCluster', name: 'the form the Python SDK sends (nested values lost)', request: register(pythonSdkRegisterForm, { headers: form }), status: 400, code: 'UCS.00000012', message: /form field metadata is not JSON text \(metadata=name&metadata=labels\).*send the body as application\/json/ },
  { operation: 'RegisterCluster', name: 'a form whose spec JSON breaks the schema', request: register(new URLSearchParams({ kind: 'Cluster', apiVersion: 'v1', metadata: '{"name":"new-one"}', spec: '{"category":"self"}' }).toString(), { headers: form }), status: 400, code: 'UCS.00000012', message: /spec/ },
  { operation: 'RegisterCluster', name: 'text/plain body', request: register('kind=Cluster', { headers: { 'Content-Type': 'text/plain' } }), status: 415, code: 'UCS.00000016', message: /text\/plain/ },
  { operation: 'ShowClusterList', name: 'limit 1001', request: { path: '/v1/clusters?limit=1001', token }, status: 400, code: 'UCS.00000011', message: /limit/ },
  { operation: 'ShowClusterList', name: 'managetype neither all, grouped nor discrete', request: { path: '/v1/clusters?managetype=some', token }, status: 400, code: 'UCS.00000011', message: /managetype/ },
  { operation: 'ShowClusterList', name: 'enablestatus not a boolean', request: { path: '/v1/clusters?enablestatus=maybe', token }, status: 400, code: 'UCS.00000011', message: /enablestatus/ },
  { operation: 'ShowClusterList', name: 'clusterids with a character no cluster id has', request: { path: '/v1/clusters?clusterids=a%20b', token }, status: 400, code: 'UCS.00000011', message: /clusterids/ },
  { operation: 'ShowClusterList', name: 'an unknown query parameter', request: { path: '/v1/clusters?region=cn-north-4', token }, status: 400, code: 'UCS.00000011', message: /region/ },
  { operation: 'ShowCluster', name: 'unknown cluster', request: { path: unknownCluster, token }, status: 404, code: 'UCS.00000013', message: /cluster b0d1ecb5-0000/ },
  { operation: 'ShowCluster', name: 'a cluster id longer than the spec allows', request: { path: `/v1/clusters/${'c'.repeat(65)}`, token }, status: 404, code: 'UCS.00000013' },
  { operation: 'UpdateCluster', name: 'kind not Cluster', request: { method: 'PUT', path: `/v1/clusters/${attachedId}`, token, body: { kind: 'Node', apiVersion: 'v1' } }, status: 400, code: 'UCS.00000012', message: /kind/ },
  { operation: 'UpdateCluster', name: 'a spec field it cannot change', request: { method: 'PUT', path: `/v1/clusters/${attachedId}`, token, body: { kind: 'Cluster', apiVersion: 'v1', spec: { category: 'self' } } }, status: 400, code: 'UCS.00000012', message: /spec/ },
  { operation: 'UpdateCluster', name: 'a kubeconfig that names no API server', request: { method: 'PUT', path: `/v1/clusters/${attachedId}`, token, body: { kind: 'Cluster', apiVersion: 'v1', metadata: { annotations: { kubeconfig: '{}' } } } }, status: 400, code: 'UCS.01030008', message: /no API server/ },
  { operation: 'UpdateCluster', name: 'unknown cluster', request: { method: 'PUT', path: unknownCluster, token, body: { kind: 'Cluster', apiVersion: 'v1' } }, status: 404, code: 'UCS.00000013' },
  { operation: 'DeleteCluster', name: 'unknown cluster', request: { method: 'DELETE', path: unknownCluster, token }, status: 404, code: 'UCS.00000013' },
  { operation: 'DeleteCluster', name: 'an unknown query parameter', request: { method: 'DELETE', path: `/v1/clusters/${attachedId}?force=true`, token }, status: 400, code: 'UCS.00000011', message: /force/ },
  { operation: 'ListManagedClusters', name: 'unimported not a boolean', request: { path: '/v1/managedclusters?unimported=yes', token }, status: 400, code: 'UCS.00000011', message: /unimported/ },
  { operation: 'ListManagedClusters', name: 'offset -1', request: { path: '/v1/managedclusters?offset=-1', token }, status: 400, code: 'UCS.00000011', message: /offset/ },
  { operation: 'ShowClusterAccessInfo', name: 'an unknown query parameter', request: { path: `/v1/clusters/${attachedId}/accessinfo?zone=a`, token }, status: 400, code: 'UCS.00000011', message: /zone/ },
  { operation: 'ShowClusterAccessInfo', name: 'unknown cluster', request: { path: `${unknownCluster}/accessinfo`, token }, status: 404, code: 'UCS.00000013' },
  { operation: 'JoinGroup', name: 'no clusterGroupID', request: { method: 'POST', path: `/v1/clusters/${attachedId}/join`, token, body: {} }, status: 400, code: 'UCS.00000012', message: /clusterGroupID/ },
  { operation: 'JoinGroup', name: 'an empty clusterGroupID', request: { method: 'POST', path: `/v1/clusters/${attachedId}/join`, token, body: { clusterGroupID: '' } }, status: 400, code: 'UCS.00000012', message: /clusterGroupID/ },
  { operation: 'JoinGroup', name: 'a form with an unknown field', request: { method: 'POST', path: `/v1/clusters/${attachedId}/join`, token, headers: form, body: `clusterGroupID=${readyFleetId}&force=true` }, status: 400, code: 'UCS.00000012', message: /force/ },
  { operation: 'JoinGroup', name: 'an unknown fleet', request: { method: 'POST', path: `/v1/clusters/${attachedId}/join`, token, body: { clusterGroupID: '0f3c2d8e-0000-0000-0000-000000000000' } }, status: 404, code: 'UCS.00000013', message: /fleet 0f3c2d8e-0000/ },
  { operation: 'JoinGroup', name: 'unknown cluster', request: { method: 'POST', path: `${unknownCluster}/join`, token, body: { clusterGroupID: readyFleetId } }, status: 404, code: 'UCS.00000013', message: /cluster b0d1ecb5-0000/ },
  { operation: 'LeaveGroup', name: 'unknown cluster', request: { method: 'POST', path: `${unknownCluster}/unjoin`, token }, status: 404, code: 'UCS.00000013' },
  { operation: 'LeaveGroup', name: 'wrong method (GET)', request: { path: `/v1/clusters/${attachedId}/unjoin`, token }, status: 405, code: 'UCS.00000013' },
  { operation: 'ListRegisteredClusterVersions', name: 'an unknown query parameter', request: { path: '/v1/config/registeredclusterversions?category=self', token }, status: 400, code: 'UCS.00000011', message: /category/ },
  { operation: 'ListRegisteredClusterVersions', name: 'no token', request: { path: '/v1/config/registeredclusterversions' }, status: 401, code: 'UCS.00000018' },
  { operation: 'RetryClusterActivation', name: 'unknown cluster', request: { method: 'PUT', path: `${unknownCluster}/activation`, token }, status: 404, code: 'UCS.00000013' },
  { operation: 'RetryClusterActivation', name: 'wrong method (POST, as a doc example shows)', request: { method: 'POST', path: `/v1/clusters/${attachedId}/activation`, token }, status: 405, code: 'UCS.00000013' },
];

describeRejections('bad requests to the cluster operations', clusterOperationCases, () => startTestServer({ seed: clusterSeed }), async (server) => ({
  clusters: await server.store.listClusters('d1', { offset: 0, orderBy: 'create_at', order: 'asc' }),
  otherClusters: await server.store.listClusters('d2', { offset: 0, orderBy: 'create_at', order: 'asc' }),
  fleets: (await callApi(server.url, { path: '/v1/clustergroups?order=asc', token })).body,
}));
