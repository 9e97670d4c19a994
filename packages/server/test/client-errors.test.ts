import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUcsClient, UcsApiError, UcsNetworkError } from '@ucs-fleet/client';
import type { RunningServer } from '@ucs-fleet/server';
import { closedPort, specCheckingFetch } from './support/http.js';
import { otherAccountToken, readyFleetId, startTestServer, token } from './support/test-server.js';

describe('the typed client against the running server', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const client = (t = token) => createUcsClient({ endpoint: server.url, token: t, fetch: specCheckingFetch });

  async function apiError(call: Promise<unknown>): Promise<UcsApiError> {
    const err = await call.then(
      () => assert.fail('expected a UcsApiError'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof UcsApiError, `expected UcsApiError, got ${String(err)}`);
    assert.match(err.requestId ?? '', /^[0-9a-f-]{36}$/);
    return err;
  }

  test('success: a typed kubeconfig', async () => {
    const kc = await client().downloadFederationKubeconfig(readyFleetId, { duration: 7 });
    assert.equal(kc.kind, 'Config');
    assert.equal(kc.contexts[0]?.context.cluster, kc.clusters[0]?.name);
    assert.match(kc.clusters[0]?.cluster.server ?? "", /^https:\/\/127\.0\.0\.1:\d+\/clustergroups\/[-0-9a-f]+$/);
  });

  test('unknown token: 401 UCS.00000018', async () => {
    const err = await apiError(client('nope').downloadFederationKubeconfig(readyFleetId, { duration: 7 }));
    assert.equal(err.status, 401);
    assert.equal(err.errorCode, 'UCS.00000018');
  });

  test('out-of-range duration: 400 UCS.00000012 naming the field', async () => {
    const err = await apiError(client().downloadFederationKubeconfig(readyFleetId, { duration: 1826 }));
    assert.equal(err.status, 400);
    assert.equal(err.errorCode, 'UCS.00000012');
    assert.match(err.errorMsg, /duration/);
  });

  test('unknown fleet and another account\'s fleet: the same 404 UCS.00000013', async () => {
    const unknown = await apiError(client().downloadFederationKubeconfig('no-such-fleet', { duration: 7 }));
    const foreign = await apiError(client(otherAccountToken).downloadFederationKubeconfig(readyFleetId, { duration: 7 }));
    for (const err of [unknown, foreign]) {
      assert.equal(err.status, 404);
      assert.equal(err.errorCode, 'UCS.00000013');
    }
  });

  test('federation not enabled: 400 UCS.00000003 saying what is missing', async () => {
    const { uid } = await client().createFleet({ metadata: { name: 'plain' } });
    const err = await apiError(client().downloadFederationKubeconfig(uid, { duration: 7 }));
    assert.equal(err.status, 400);
    assert.equal(err.errorCode, 'UCS.00000003');
    assert.match(err.errorMsg, /not enabled/);
  });

  test('connection missing: 400 UCS.00000003 naming the connection', async () => {
    const { uid } = await client().createFleet({ metadata: { name: 'unconnected' } });
    await client().enableFederation(uid);
    const err = await apiError(client().downloadFederationKubeconfig(uid, { duration: 7 }));
    assert.equal(err.errorCode, 'UCS.00000003');
    assert.match(err.errorMsg, /connection/);
  });

  test('no server listening: UcsNetworkError, not an API error', async () => {
    const offline = createUcsClient({ endpoint: `http://127.0.0.1:${await closedPort()}`, token });
    const err = await offline.listFleets().catch((e: unknown) => e);
    assert.ok(err instanceof UcsNetworkError);
    assert.equal(err.causeCode, 'ECONNREFUSED');
  });
});
