import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createUcsClient } from '@ucs-fleet/client';
import { defaultSeed, startStub, StubSeedError, type Seed, type Stub } from '@ucs-fleet/server';
import { specCheckingFetch } from './support/http.js';
import { runNodeChild } from './support/node-child.js';

/** The error code of a TCP connection to the URL's host and port, or 'connected'. */
function connectError(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

const serverPackage = fileURLToPath(new URL('..', import.meta.url));

describe('startStub with no options', () => {
  let stub: Stub;
  before(async () => {
    stub = await startStub();
  });
  after(() => stub.close());

  test('listens on an ephemeral loopback port and hands out the seed account', () => {
    assert.match(stub.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(new URL(stub.url).port, '8080');
    const seedFleet = defaultSeed.fleets[0]!;
    assert.equal(stub.fleetId, seedFleet.id);
    assert.deepEqual(stub.fleetIds, [seedFleet.id]);
    assert.equal(stub.domainId, seedFleet.domainId);
    assert.equal(stub.token, defaultSeed.tokens[0]!.token);
    assert.equal(stub.accessKey, defaultSeed.accessKeys[0]!.accessKey);
    assert.equal(stub.secretKey, defaultSeed.accessKeys[0]!.secretKey);
  });

  test('federationEndpoint is the server URL of the ready fleet\'s kubeconfigs', async () => {
    const ucs = createUcsClient({ endpoint: stub.url, token: stub.token, fetch: specCheckingFetch });
    const kubeconfig = await ucs.downloadFederationKubeconfig(stub.fleetId, { duration: 1 });
    assert.equal(kubeconfig.clusters[0]?.cluster.server, stub.federationEndpoint);
    assert.match(stub.federationEndpoint, /^https:\/\/127\.0\.0\.1:\d+\/clustergroups\/[-0-9a-f]+$/);
  });

  test('the access key signs for the same account', async () => {
    const ucs = createUcsClient({ endpoint: stub.url, accessKey: stub.accessKey, secretKey: stub.secretKey, domainId: stub.domainId, fetch: specCheckingFetch });
    const list = await ucs.listFleets();
    assert.deepEqual(list.items.map((f) => f.metadata.uid), stub.fleetIds);
  });

  test('enabling federation is immediate by default', async () => {
    const ucs = createUcsClient({ endpoint: stub.url, token: stub.token, fetch: specCheckingFetch });
    const { uid } = await ucs.createFleet({ metadata: { name: 'instant' } });
    await ucs.enableFederation(uid);
    assert.equal((await ucs.federationProgress(uid)).status.phase, 'Success');
  });
});

describe('startStub options', () => {
  test('a seed of its own: the first ready fleet, and the token and access key of its account', async () => {
    const seed: Seed = {
      tokens: [
        { token: 't-other', domainId: 'other', userName: 'bob', groups: [] },
        { token: 't-team', domainId: 'team', userName: 'carol', groups: ['system:masters'] },
      ],
      accessKeys: [{ accessKey: 'AK-TEAM', secretKey: 'sk-team', domainId: 'team', userName: 'carol', groups: [] }],
      fleets: [
        { id: 'f-plain', name: 'plain', domainId: 'team', federation: 'disabled' },
        { id: 'f-ready', name: 'ready', domainId: 'team', federation: 'enabled', connection: true },
        { id: 'f-foreign', name: 'foreign', domainId: 'other', federation: 'disabled' },
      ],
    };
    const stub = await startStub({ seed });
    try {
      assert.deepEqual(
        { token: stub.token, accessKey: stub.accessKey, domainId: stub.domainId, fleetId: stub.fleetId, fleetIds: stub.fleetIds },
        { token: 't-team', accessKey: 'AK-TEAM', domainId: 'team', fleetId: 'f-ready', fleetIds: ['f-plain', 'f-ready'] },
      );
    } finally {
      await stub.close();
    }
  });

  test('a seed without a ready fleet, or without credentials for it, is refused before anything starts', async () => {
    const noReady: Seed = { ...defaultSeed, fleets: [{ id: 'x', name: 'x', domainId: 'd1', federation: 'enabled' }] };
    await assert.rejects(startStub({ seed: noReady }), (err: unknown) => err instanceof StubSeedError && /connection: true/.test(err.message));
    const noKey: Seed = { ...defaultSeed, accessKeys: [] };
    await assert.rejects(startStub({ seed: noKey }), (err: unknown) => err instanceof StubSeedError && /access key of account d1/.test(err.message));
  });

  test('bad control values are refused', async () => {
    await assert.rejects(startStub({ federationDelayMs: -1 }), TypeError);
    const stub = await startStub();
    try {
      await assert.rejects(stub.setFederationDelay(1.5), { name: 'ControlApiError', status: 400, errorCode: 'UCS.00000012' });
      await assert.rejects(stub.advanceClock(Number.NaN), { name: 'ControlApiError', status: 400, errorCode: 'UCS.00000012' });
      assert.equal(await stub.control.federationDelay(), 0);
      assert.equal((await stub.control.clock()).offsetMs, 0);
    } finally {
      await stub.close();
    }
  });

  test('two stubs in one process are independent', async () => {
    const [a, b] = await Promise.all([startStub(), startStub()]);
    try {
      assert.notEqual(a.url, b.url);
      assert.notEqual(a.federationEndpoint, b.federationEndpoint);
      await a.failNext('ShowClusterGroup');
      const ucsB = createUcsClient({ endpoint: b.url, token: b.token, fetch: specCheckingFetch });
      await ucsB.showFleet(b.fleetId);
      const ucsA = createUcsClient({ endpoint: a.url, token: a.token, fetch: specCheckingFetch });
      await assert.rejects(ucsA.showFleet(a.fleetId), { status: 500 });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  test('close() twice is one close: a caller awaiting either call finds both ports shut', async () => {
    const stub = await startStub();
    const first = stub.close();
    await stub.close();
    for (const url of [stub.url, stub.federationEndpoint]) assert.equal(await connectError(url), 'ECONNREFUSED', url);
    await first;
    await stub.close();
  });
});

test('after close() the process exits by itself, even after TLS connections to the federation endpoint', async () => {
  // Everything a suite typically does, then close(): nothing may be left to hold the event loop.
  const script = `
    import { connect } from 'node:tls';
    import { createUcsClient } from '@ucs-fleet/client';
    import { startStub } from '@ucs-fleet/server';
    const stub = await startStub({ federationDelayMs: 50 });
    const ucs = createUcsClient({ endpoint: stub.url, token: stub.token });
    await ucs.downloadFederationKubeconfig(stub.fleetId, { duration: 1 });
    const { uid } = await ucs.createFleet({ metadata: { name: 'later' } });
    await ucs.enableFederation(uid);
    await stub.failNext('ShowHealth');
    const { hostname, port } = new URL(stub.federationEndpoint);
    const socket = connect({ host: hostname, port: Number(port), rejectUnauthorized: false });
    await new Promise((resolve) => socket.once('secureConnect', resolve).once('error', resolve));
    await stub.close();
    console.log('closed');
  `;
  const exit = await runNodeChild(['--input-type=module', '-e', script], { cwd: serverPackage, timeoutMs: 30_000 });
  const output = exit.output;
  assert.equal(exit.timedOut, false, `the process did not exit within 30 s after close():\n${output}`);
  assert.equal(exit.code, 0, output);
  assert.match(output, /closed/);
});
