import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createUcsClient, type Kubeconfig, type UcsClient } from '@ucs-fleet/client';
import { OffsetClock, startStub, type Stub } from '@ucs-fleet/server';
import { callApi, specCheckingFetch } from './support/http.js';

const day = 24 * 60 * 60 * 1000;

describe('stub.failNext', () => {
  let stub: Stub;
  let ucs: UcsClient;
  before(async () => {
    stub = await startStub();
    ucs = createUcsClient({ endpoint: stub.url, token: stub.token, fetch: specCheckingFetch });
  });
  after(() => stub.close());

  test('by default: the next call answers 500 UCS.00000006, then the operation works again', async () => {
    await stub.failNext('DownloadFederationKubeconfig');
    const failed = await callApi(stub.url, { method: 'POST', path: `/v1/clustergroups/${stub.fleetId}/kubeconfig`, token: stub.token, body: { duration: 1 } });
    assert.equal(failed.status, 500);
    assert.deepEqual(failed.body, { error_code: 'UCS.00000006', error_msg: 'Server internal error: forced by the control API (DownloadFederationKubeconfig)' });
    await ucs.downloadFederationKubeconfig(stub.fleetId, { duration: 1 });
  });

  test('a code alone picks its status; a status alone picks the server\'s usual code', async () => {
    await stub.failNext('RegisterClusterGroup', { code: 'UCS.00000017' });
    await assert.rejects(ucs.createFleet({ metadata: { name: 'quota' } }), { status: 400, errorCode: 'UCS.00000017' });
    await stub.failNext('ShowClusterGroup', { status: 404 });
    await assert.rejects(ucs.showFleet(stub.fleetId), { status: 404, errorCode: 'UCS.00000013' });
    await stub.failNext('DownloadFederationKubeconfig', { status: 400, code: 'UCS.00000003', message: 'Failed to obtain the federation information: the federation is being upgraded' });
    await assert.rejects(ucs.downloadFederationKubeconfig(stub.fleetId, { duration: 1 }), {
      status: 400,
      errorCode: 'UCS.00000003',
      errorMsg: 'Failed to obtain the federation information: the federation is being upgraded',
    });
  });

  test('faults queue up per operation and only hit their own operation', async () => {
    await stub.failNext('ShowClusterGroup', { status: 500, code: 'UCS.00000005' });
    await stub.failNext('ShowClusterGroup', { status: 401 });
    await ucs.listFleets();
    await assert.rejects(ucs.showFleet(stub.fleetId), { status: 500, errorCode: 'UCS.00000005' });
    await assert.rejects(ucs.showFleet(stub.fleetId), { status: 401, errorCode: 'UCS.00000018' });
    await ucs.showFleet(stub.fleetId);
  });

  test('a request the server refuses anyway (credentials, validation) does not use up the fault', async () => {
    await stub.failNext('DownloadFederationKubeconfig', { status: 500 });
    const unauthenticated = await callApi(stub.url, { method: 'POST', path: `/v1/clustergroups/${stub.fleetId}/kubeconfig`, body: { duration: 1 } });
    assert.equal(unauthenticated.status, 401);
    await assert.rejects(ucs.downloadFederationKubeconfig(stub.fleetId, { duration: 0 }), { status: 400, errorCode: 'UCS.00000012' });
    await assert.rejects(ucs.downloadFederationKubeconfig(stub.fleetId, { duration: 1 }), { status: 500 });
  });

  test('works on public operations too', async () => {
    await stub.failNext('ShowHealth');
    const health = await callApi(stub.url, { path: '/healthz' });
    assert.equal(health.status, 500);
  });

  test('clearFaults drops what was not answered', async () => {
    await stub.failNext('ListClusterGroup');
    await stub.clearFaults();
    await ucs.listFleets();
  });

  test('a fault the contract does not allow is refused when planned, not answered', async () => {
    const refused = (pattern: RegExp) => ({ name: 'ControlApiError', status: 400, errorCode: 'UCS.00000012', errorMsg: pattern });
    // @ts-expect-error 418 is no status of ShowClusterGroup in openapi.yaml
    await assert.rejects(stub.failNext('ShowClusterGroup', { status: 418 }), refused(/defines no 418 for ShowClusterGroup/));
    // @ts-expect-error ShowClusterGroup changes nothing, so the spec has no 409 for it
    await assert.rejects(stub.failNext('ShowClusterGroup', { status: 409 }), refused(/defines no 409/));
    await assert.rejects(
      stub.failNext('DownloadFederationKubeconfig', { status: 500, code: 'UCS.00000017' }),
      refused(/pairs UCS.00000017 with 400 for DownloadFederationKubeconfig, not 500/),
    );
    // @ts-expect-error no error status of ShowHealth carries UCS.00000018
    await assert.rejects(stub.failNext('ShowHealth', { code: 'UCS.00000018' }), refused(/pairs UCS.00000018 with no status for ShowHealth/));
    // @ts-expect-error the contract documents are files, not handled operations
    await assert.rejects(stub.failNext('ShowOpenApiYaml'), refused(/served as a file/));
    // @ts-expect-error not an operation
    await assert.rejects(stub.failNext('DownloadKubeconfig'), refused(/not an operation/));
    assert.deepEqual(await stub.control.listFaults(), []);
  });
});

describe('stub.setFederationDelay', () => {
  test('enabling takes as long as set, from the next enable on', async () => {
    const stub = await startStub();
    try {
      const ucs = createUcsClient({ endpoint: stub.url, token: stub.token, fetch: specCheckingFetch });
      await stub.setFederationDelay(60_000);
      const slow = await ucs.createFleet({ metadata: { name: 'slow' } });
      await ucs.enableFederation(slow.uid);
      assert.equal((await ucs.federationProgress(slow.uid)).status.phase, 'Running');
      await assert.rejects(ucs.createConnection(slow.uid, { projectID: 'p', vpcID: 'v', subnetID: 's' }), { status: 400, errorCode: 'UCS.00000003' });

      await stub.setFederationDelay(0);
      const fast = await ucs.createFleet({ metadata: { name: 'fast' } });
      await ucs.enableFederation(fast.uid);
      assert.equal((await ucs.federationProgress(fast.uid)).status.phase, 'Success');
      // The slow one still follows the delay it started with, on the server's clock.
      assert.equal((await ucs.federationProgress(slow.uid)).status.phase, 'Running');
      await stub.advanceClock(61_000);
      assert.equal((await ucs.federationProgress(slow.uid)).status.phase, 'Success');
    } finally {
      await stub.close();
    }
  });
});

describe('stub.advanceClock', () => {
  test('certificates are issued on the stub\'s clock', async () => {
    const clock = new OffsetClock();
    const stub = await startStub({ clock });
    try {
      assert.equal(stub.clock, clock);
      const ucs = createUcsClient({ endpoint: stub.url, token: stub.token, fetch: specCheckingFetch });
      const before = certificateOf(await ucs.downloadFederationKubeconfig(stub.fleetId, { duration: 1 }));
      await stub.advanceClock(30 * day);
      const later = certificateOf(await ucs.downloadFederationKubeconfig(stub.fleetId, { duration: 1 }));
      // The first certificate has expired by the stub's clock; the new one is valid on it.
      assert.ok(Date.parse(before.validTo) < clock.now());
      assert.ok(Date.parse(later.validFrom) <= clock.now() && clock.now() < Date.parse(later.validTo));
      const shift = Date.parse(later.validFrom) - Date.parse(before.validFrom);
      assert.ok(Math.abs(shift - 30 * day) < 60_000, `notBefore moved by ${shift} ms`);
    } finally {
      await stub.close();
    }
  });

  test('AK/SK signatures are checked on the stub\'s clock: a jump past 15 minutes makes real-time signatures stale', async () => {
    const stub = await startStub();
    try {
      const signed = createUcsClient({ endpoint: stub.url, accessKey: stub.accessKey, secretKey: stub.secretKey, fetch: specCheckingFetch });
      await signed.showFleet(stub.fleetId);
      await stub.advanceClock(16 * 60 * 1000);
      await assert.rejects(signed.showFleet(stub.fleetId), { status: 401, errorCode: 'UCS.00000018' });
      const withToken = createUcsClient({ endpoint: stub.url, token: stub.token, fetch: specCheckingFetch });
      await withToken.showFleet(stub.fleetId);
    } finally {
      await stub.close();
    }
  });
});

function certificateOf(kubeconfig: Kubeconfig): X509Certificate {
  const pem = Buffer.from(kubeconfig.users[0]?.user['client-certificate-data'] ?? '', 'base64');
  return new X509Certificate(pem);
}
