// A team's own test of code that calls UCS, against the reference server in one line:
// `startStub()` before the tests, `stub.close()` after them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createUcsClient, UcsApiError, type Kubeconfig, type UcsClient } from '@ucs-fleet/client';
import { startStub, type Stub } from '@ucs-fleet/server';

let stub: Stub;
let ucs: UcsClient;

before(async () => {
  stub = await startStub();
  ucs = createUcsClient({ endpoint: stub.url, token: stub.token });
});

after(() => stub.close());

test('downloads a kubeconfig of the ready fleet', async () => {
  const kubeconfig: Kubeconfig = await ucs.downloadFederationKubeconfig(stub.fleetId, { duration: 30 });
  assert.equal(kubeconfig.kind, 'Config');
  assert.equal(kubeconfig.clusters[0]?.cluster.server, stub.federationEndpoint);
});

test('signs requests with AK/SK', async () => {
  const signed = createUcsClient({ endpoint: stub.url, accessKey: stub.accessKey, secretKey: stub.secretKey, domainId: stub.domainId });
  const fleet = await signed.showFleet(stub.fleetId);
  assert.equal(fleet.metadata.uid, stub.fleetId);
});

test('surfaces a UCS outage as UcsApiError', async () => {
  await stub.failNext('DownloadFederationKubeconfig', { status: 500, code: 'UCS.00000006' });
  await assert.rejects(ucs.downloadFederationKubeconfig(stub.fleetId, { duration: 30 }), (err: unknown) => {
    assert.ok(err instanceof UcsApiError);
    assert.equal(err.status, 500);
    assert.equal(err.errorCode, 'UCS.00000006');
    return true;
  });
  // The fault answered once; the next call works.
  await ucs.downloadFederationKubeconfig(stub.fleetId, { duration: 30 });
});

test('reports an exhausted fleet quota', async () => {
  await stub.failNext('RegisterClusterGroup', { code: 'UCS.00000017' });
  await assert.rejects(ucs.createFleet({ metadata: { name: 'one-too-many' } }), { status: 400, errorCode: 'UCS.00000017' });
});

test('waits for federation to be enabled before connecting', async () => {
  // Enabling takes a minute, on the stub's clock: the test moves the clock instead of waiting.
  await stub.setFederationDelay(60_000);
  const { uid } = await ucs.createFleet({ metadata: { name: 'staging' } });
  await ucs.enableFederation(uid);
  assert.equal((await ucs.federationProgress(uid)).status.phase, 'Running');
  await stub.advanceClock(60_000);
  assert.equal((await ucs.federationProgress(uid)).status.phase, 'Success');
  await ucs.createConnection(uid, { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' });
  const kubeconfig = await ucs.downloadFederationKubeconfig(uid, { duration: 1 });
  assert.equal(kubeconfig.contexts.length, 1);
});

test('sees what the code under test sent, and starts the next test from the seed', async () => {
  await stub.control.clearRequests();
  await ucs.createFleet({ metadata: { name: 'scratch' } });
  const [sent] = await stub.control.requests();
  assert.equal(sent?.operationId, 'RegisterClusterGroup');
  assert.equal(sent?.status, 201);
  await stub.reset();
  assert.deepEqual((await ucs.listFleets()).items.map((f) => f.metadata.name), ['demo']);
});
