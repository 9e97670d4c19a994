import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createUcsClient, type Kubeconfig, type UcsClient } from '@ucs-fleet/client';
import { controlOpenapiYamlText, controlOperationTable } from '@ucs-fleet/types';
import { createControlClient, defaultSeed, startServer, defaultConfig, type ControlClient, type RunningServer } from '@ucs-fleet/server';
import { callApi, specCheckingFetch } from './support/http.js';
import { readyFleetId, startTestServer, token } from './support/test-server.js';
import { kubeRaw } from './support/tools.js';
import { startupBanner } from '../src/banner.js';

const minute = 60_000;
const day = 24 * 60 * minute;

interface Answer {
  status: number;
  body: { error_code?: string; error_msg?: string } & Record<string, unknown>;
  requestId: string | null;
}

/** One raw call to the control API (the server validates its own answers against control-openapi.yaml). */
async function callControl(server: RunningServer, method: string, path: string, o: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, { method, headers, ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}) });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : { text }, requestId: response.headers.get('x-request-id') };
}

const withToken = (server: RunningServer, more: Record<string, string> = {}) => ({ 'X-Control-Token': server.control!.token, ...more });

describe('control API off (the default)', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('the banner says nothing of a control API', () => {
    assert.equal(server.control, undefined);
    assert.doesNotMatch(startupBanner(server), /control/i);
  });

  test('every control path answers as any unknown path does, with or without credentials', async () => {
    const paths = [...new Set(Object.values(controlOperationTable).map((r) => r.path)), '/__control/anything'];
    const methods = ['GET', 'POST', 'PUT', 'DELETE'];
    const credentialSets: Record<string, string>[] = [{}, { 'X-Auth-Token': token }, { 'X-Control-Token': 'ctl-guess-0123456789abcdef' }];
    for (const credentials of credentialSets) {
      const unknown = await callApi(server.url, { method: 'GET', path: '/v1/no-such-path', headers: credentials });
      for (const path of paths) {
        for (const method of methods) {
          const answer = await callApi(server.url, { method, path, headers: credentials });
          assert.equal(answer.status, unknown.status, `${method} ${path}`);
          const body = answer.body as { error_code: string; error_msg: string };
          const expected = unknown.body as { error_code: string; error_msg: string };
          assert.equal(body.error_code, expected.error_code, `${method} ${path}`);
          assert.equal(body.error_msg, expected.error_msg.replace('GET /v1/no-such-path', `${method} ${path}`), `${method} ${path}`);
        }
      }
    }
    const withUcsToken = await callApi(server.url, { path: '/__control/clock', token });
    assert.deepEqual([withUcsToken.status, (withUcsToken.body as { error_code: string }).error_code], [404, 'UCS.00000013']);
  });
});

describe('control API on', () => {
  let server: RunningServer;
  let control: ControlClient;
  let ucs: UcsClient;
  before(async () => {
    server = await startTestServer({ config: { control: true } });
    control = createControlClient({ url: server.url, token: server.control!.token });
    ucs = createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });
  });
  after(() => server.close());
  beforeEach(async () => {
    await control.reset();
    await control.clearRequests();
    await control.setFederationDelay(0);
  });

  describe('token rules', () => {
    test('the banner prints where the control API is and its token', () => {
      assert.match(startupBanner(server), new RegExp(`control API: ${server.url}/__control/  token: ${server.control!.token}  \\(docs: ${server.url}/__control/docs\\)`));
    });

    test('a control call needs the control token, and nothing else', async () => {
      const refused = async (headers: Record<string, string>, message: RegExp) => {
        const answer = await callControl(server, 'POST', '/__control/clock/advance', { headers, body: { ms: day } });
        assert.equal(answer.status, 401, JSON.stringify(headers));
        assert.equal(answer.body.error_code, 'UCS.00000018');
        assert.match(answer.body.error_msg!, message);
      };
      await refused({}, /send the control token in X-Control-Token/);
      await refused({ 'X-Control-Token': 'ctl-not-the-token-0123456789' }, /not the control token of this server/);
      await refused({ 'X-Auth-Token': token }, /UCS credentials are not accepted/);
      await refused(withToken(server, { 'X-Auth-Token': token }), /UCS credentials are not accepted/);
      const signature = 'SDK-HMAC-SHA256 Access=dev-access-key, SignedHeaders=host;x-sdk-date, Signature=00';
      await refused(withToken(server, { Authorization: signature, 'X-Sdk-Date': '20261201T000000Z' }), /UCS credentials are not accepted/);
      // None of the refused calls moved the clock.
      assert.equal((await control.clock()).offsetMs, 0);
    });

    test('the control token is no credential of the UCS operations', async () => {
      const asUcsToken = await callApi(server.url, { path: '/v1/clustergroups', token: server.control!.token });
      assert.deepEqual([asUcsToken.status, (asUcsToken.body as { error_code: string }).error_code], [401, 'UCS.00000018']);
      const inItsHeader = await callApi(server.url, { path: '/v1/clustergroups', headers: withToken(server) });
      assert.deepEqual([inItsHeader.status, (inItsHeader.body as { error_code: string }).error_code], [401, 'UCS.00000018']);
    });

    test('a control token that is a UCS credential of the seed is refused at start', async () => {
      await assert.rejects(
        startServer({ config: { ...defaultConfig, port: 0, dataDir: ':memory:', logLevel: 'silent', control: true, controlToken: defaultSeed.tokens[0]!.token } }),
        /must not be a UCS credential/,
      );
    });

    test('the control contract is served at its own paths without a token', async () => {
      const yaml = await callControl(server, 'GET', controlOperationTable.ShowControlOpenApiYaml.path);
      assert.equal(yaml.status, 200);
      assert.equal(yaml.body.text, controlOpenapiYamlText);
      const docs = await callControl(server, 'GET', controlOperationTable.ShowControlApiDocs.path);
      assert.equal(docs.status, 200);
      assert.match(String(docs.body.text), /spec-url="\/__control\/openapi.json"/);
      const json = await callControl(server, 'GET', controlOperationTable.ShowControlOpenApiJson.path);
      assert.equal((json.body as { info?: { title?: string } }).info?.title, 'UCS reference server test controls');
    });

    test('an unknown control path or method is a UCS 404 or 405 of the control API', async () => {
      const unknown = await callControl(server, 'GET', '/__control/nothing', { headers: withToken(server) });
      assert.deepEqual([unknown.status, unknown.body.error_code], [404, 'UCS.00000013']);
      const method = await callControl(server, 'DELETE', '/__control/clock', { headers: withToken(server) });
      assert.deepEqual([method.status, method.body.error_code], [405, 'UCS.00000013']);
    });
  });

  describe('ResetStore', () => {
    test('leaves no fleet, job or certificate of the run before; the seed comes back fresh', async () => {
      const seedFederation = (await ucs.showFleet(readyFleetId)).spec.federationId;
      const seedJob = (await ucs.federationProgress(readyFleetId)).metadata.uid;
      const { uid } = await ucs.createFleet({ metadata: { name: 'before-reset' } });
      await ucs.enableFederation(uid);
      const before = await ucs.downloadFederationKubeconfig(readyFleetId, { duration: 1 });
      assert.equal((await kubeRaw(before, 'GET', '/version')).status, 200);
      await control.planFault('ShowClusterGroup', { status: 500 });
      assert.equal((await control.certificates()).length, 1);

      assert.deepEqual(await control.reset(), { to: 'seed', fleets: defaultSeed.fleets.length });
      await assert.rejects(ucs.showFleet(uid), { status: 404, errorCode: 'UCS.00000013' });
      await assert.rejects(ucs.federationProgress(uid), { status: 404, errorCode: 'UCS.00000013' });
      assert.deepEqual(await control.certificates(), []);
      assert.deepEqual(await control.listFaults(), []);
      const seedFleet = await ucs.showFleet(readyFleetId);
      assert.ok(seedFleet.spec.federationId && seedFleet.spec.federationId !== seedFederation);
      assert.notEqual((await ucs.federationProgress(readyFleetId)).metadata.uid, seedJob);
      assert.deepEqual((await ucs.listFleets()).items.map((f) => f.metadata.uid), defaultSeed.fleets.filter((f) => f.domainId === 'd1').map((f) => f.id));
      // The seed fleet's federation is a new one, with a new CA: a kubeconfig of before no longer gets in.
      const refused = await kubeRaw(before, 'GET', '/version').then((r) => r.status, (err: Error) => err.message);
      assert.notEqual(refused, 200);
      const after = await ucs.downloadFederationKubeconfig(readyFleetId, { duration: 1 });
      assert.equal((await kubeRaw(after, 'GET', '/version')).status, 200);
    });

    test('to empty: no fleet at all, and the seed credentials still work', async () => {
      await ucs.createFleet({ metadata: { name: 'gone' } });
      assert.deepEqual(await control.reset('empty'), { to: 'empty', fleets: 0 });
      assert.deepEqual(await ucs.listFleets(), { items: [], total: 0 });
      await assert.rejects(ucs.showFleet(readyFleetId), { status: 404 });
      await ucs.createFleet({ metadata: { name: 'gone' } });
    });

    test('a bad target is refused and resets nothing', async () => {
      const { uid } = await ucs.createFleet({ metadata: { name: 'kept' } });
      const answer = await callControl(server, 'POST', '/__control/reset', { headers: withToken(server), body: { to: 'everything' } });
      assert.deepEqual([answer.status, answer.body.error_code], [400, 'UCS.00000012']);
      assert.match(answer.body.error_msg!, /to/);
      await ucs.showFleet(uid);
    });
  });

  describe('faults', () => {
    test('count: the next N calls answer the fault, then the operation works again', async () => {
      const planned = await control.planFault('RegisterClusterGroup', { code: 'UCS.00000017', count: 2 });
      assert.deepEqual(planned, { operationId: 'RegisterClusterGroup', status: 400, code: 'UCS.00000017', message: 'Insufficient quota: forced by the control API (RegisterClusterGroup)', count: 2 });
      assert.deepEqual(await control.listFaults(), [planned]);
      for (let i = 0; i < 2; i++) await assert.rejects(ucs.createFleet({ metadata: { name: 'quota' } }), { status: 400, errorCode: 'UCS.00000017' });
      assert.deepEqual(await control.listFaults(), []);
      await ucs.createFleet({ metadata: { name: 'quota' } });
    });

    test('spec-disallowed faults are refused with what openapi.yaml allows, and nothing is planned', async () => {
      const refusals: [Record<string, unknown>, RegExp][] = [
        [{ operationId: 'ShowClusterGroup', status: 418 }, /openapi.yaml defines no 418 for ShowClusterGroup \(it has 400, 401, 403, 404, 405, 413, 500\)/],
        [{ operationId: 'ShowClusterGroup', status: 409 }, /defines no 409 for ShowClusterGroup/],
        [{ operationId: 'RegisterClusterGroup', status: 500, code: 'UCS.00000017' }, /pairs UCS.00000017 with 400 for RegisterClusterGroup, not 500 \(500 carries UCS.00000006, UCS.00000005\)/],
        [{ operationId: 'RegisterClusterGroup', code: 'UCS.00000099' }, /UCS.00000099 is not a UCS error code of openapi.yaml/],
        [{ operationId: 'ShowOpenApiYaml' }, /served as a file/],
        [{ operationId: 'DownloadKubeconfig' }, /DownloadKubeconfig is not an operation of openapi.yaml/],
        [{ operationId: 'ShowClusterGroup', count: 0 }, /count/],
        [{ operationId: 'ShowClusterGroup', colour: 'red' }, /colour|additional/],
      ];
      for (const [body, message] of refusals) {
        const answer = await callControl(server, 'POST', '/__control/faults', { headers: withToken(server), body });
        assert.equal(answer.status, 400, JSON.stringify(body));
        assert.equal(answer.body.error_code, 'UCS.00000012');
        assert.match(answer.body.error_msg!, message);
      }
      assert.deepEqual(await control.listFaults(), []);
      await ucs.showFleet(readyFleetId);
    });

    test('ClearFaults drops what was not answered', async () => {
      await control.planFault('ListClusterGroup');
      await control.planFault('ShowClusterGroup', { status: 404 });
      assert.equal(await control.clearFaults(), 2);
      await ucs.listFleets();
      await ucs.showFleet(readyFleetId);
    });
  });

  describe('federation delay', () => {
    test('enabling takes as long as set, and a bad value changes nothing', async () => {
      assert.equal(await control.setFederationDelay(20_000), 20_000);
      const bad = await callControl(server, 'PUT', '/__control/federation-delay', { headers: withToken(server), body: { ms: -1 } });
      assert.deepEqual([bad.status, bad.body.error_code], [400, 'UCS.00000012']);
      assert.equal(await control.federationDelay(), 20_000);
      const { uid } = await ucs.createFleet({ metadata: { name: 'slow' } });
      await ucs.enableFederation(uid);
      assert.equal((await ucs.federationProgress(uid)).status.phase, 'Running');
      await control.advanceClock(20_000);
      assert.equal((await ucs.federationProgress(uid)).status.phase, 'Success');
    });
  });

  describe('clock', () => {
    test('moves and reads the server clock; certificates are issued on it', async () => {
      const start = await control.clock();
      const moved = await control.advanceClock(30 * day);
      assert.equal(moved.offsetMs - start.offsetMs, 30 * day);
      assert.ok(Math.abs(Date.parse(moved.now) - Date.now() - moved.offsetMs) < minute);
      const cert = certificateOf(await ucs.downloadFederationKubeconfig(readyFleetId, { duration: 1 }));
      assert.ok(Math.abs(Date.parse(cert.validFrom) + 5 * minute - Date.parse(moved.now)) < minute, `${cert.validFrom} vs ${moved.now}`);
      const back = await control.advanceClock(-30 * day);
      assert.equal(back.offsetMs, start.offsetMs);
      const bad = await callControl(server, 'POST', '/__control/clock/advance', { headers: withToken(server), body: { ms: 1.5 } });
      assert.deepEqual([bad.status, bad.body.error_code], [400, 'UCS.00000012']);
      assert.equal((await control.clock()).offsetMs, start.offsetMs);
    });
  });

  describe('request log', () => {
    test('lists what the UCS side answered, never a credential or body secret; control calls are not in it', async () => {
      const secretName = 'body-value-not-to-log';
      const created = await callApi(server.url, { method: 'POST', path: '/v1/clustergroups', token, body: { metadata: { name: secretName } } });
      const signed = createUcsClient({ endpoint: server.url, accessKey: defaultSeed.accessKeys[0]!.accessKey, secretKey: defaultSeed.accessKeys[0]!.secretKey });
      await signed.showFleet(readyFleetId);
      const denied = await callApi(server.url, { path: `/v1/clustergroups/${readyFleetId}?secret=query-value` });
      await control.clock();
      const items = await control.requests();
      assert.deepEqual(
        items.map((r) => [r.operationId, r.method, r.path, r.status, r.errorCode]),
        [
          ['RegisterClusterGroup', 'POST', '/v1/clustergroups', 201, null],
          ['ShowClusterGroup', 'GET', `/v1/clustergroups/${readyFleetId}`, 200, null],
          ['ShowClusterGroup', 'GET', `/v1/clustergroups/${readyFleetId}`, 401, 'UCS.00000018'],
        ],
      );
      assert.equal(items[0]!.requestId, created.headers.get('x-request-id'));
      assert.equal(items[2]!.requestId, denied.headers.get('x-request-id'));
      assert.ok(items.every((r) => !Number.isNaN(Date.parse(r.time))));
      const text = JSON.stringify(items);
      for (const secret of [token, defaultSeed.accessKeys[0]!.accessKey, defaultSeed.accessKeys[0]!.secretKey, secretName, 'query-value', server.control!.token]) {
        assert.ok(!text.includes(secret), `the log holds ${secret}`);
      }
      assert.equal(await control.clearRequests(), 3);
      assert.deepEqual(await control.requests(), []);
    });

    test('an unknown path is logged without an operation', async () => {
      await callApi(server.url, { path: '/v1/nowhere', token });
      const [entry] = await control.requests();
      assert.deepEqual([entry?.operationId, entry?.status, entry?.errorCode], [null, 404, 'UCS.00000013']);
    });
  });

  describe('issued certificates', () => {
    test('lists each certificate with its serial, fleet, subject and validity', async () => {
      const kubeconfig = await ucs.downloadFederationKubeconfig(readyFleetId, { duration: 2 });
      const cert = certificateOf(kubeconfig);
      const fleet = await ucs.showFleet(readyFleetId);
      const [listed, ...rest] = await control.certificates();
      assert.deepEqual(rest, []);
      assert.equal(listed?.serial.toUpperCase(), cert.serialNumber.toUpperCase());
      assert.equal(listed?.fleetId, readyFleetId);
      assert.equal(listed?.federationId, fleet.spec.federationId);
      assert.equal(listed?.subject, 'CN=alice,O=system:masters');
      assert.equal(Date.parse(listed!.notBefore), Date.parse(cert.validFrom));
      assert.equal(Date.parse(listed!.notAfter), Date.parse(cert.validTo));
      assert.equal(Date.parse(listed!.notAfter) - Date.parse(listed!.issuedAt), 2 * day);
    });
  });
});

function certificateOf(kubeconfig: Kubeconfig): X509Certificate {
  return new X509Certificate(Buffer.from(kubeconfig.users[0]?.user['client-certificate-data'] ?? '', 'base64'));
}
