import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createUcsClient, type Kubeconfig } from '@ucs-fleet/client';
import { OffsetClock, type RunningServer } from '@ucs-fleet/server';
import { callApi, specCheckingFetch } from './support/http.js';
import { readyFleetId, startTestServer, token } from './support/test-server.js';

const dayMs = 86_400_000;
const connection = { projectID: 'p1', vpcID: 'vpc-1', subnetID: 'subnet-1' };

const certOf = (kc: Kubeconfig) => new X509Certificate(Buffer.from(kc.users[0]!.user['client-certificate-data']!, 'base64'));

describe('a client certificate never outlives its fleet CA', () => {
  let server: RunningServer;
  const clock = new OffsetClock();
  /** A federated fleet without a connection, its CA as old as the seeded fleet's. */
  let unconnectedId: string;
  before(async () => {
    server = await startTestServer({ clock });
    const ucs = createUcsClient({ endpoint: server.url, token, fetch: specCheckingFetch });
    unconnectedId = (await ucs.createFleet({ metadata: { name: 'old-ca' } })).uid;
    await ucs.enableFederation(unconnectedId);
  });
  after(() => server.close());

  const caNotAfterOf = async (fleetId: string) => Date.parse(new X509Certificate((await server.store.getFleet('d1', fleetId))!.federation!.ca.certPem).validTo);
  // Half a day off whole days, so that the days a CA has left do not change between here and the server.
  const fiveYears = 1826 * dayMs + dayMs / 2;

  /** Each row moves the clock to `at` (from the start) and asks for `duration(daysLeft)` days. */
  const rows: { name: string; at: number; op: 'kubeconfig' | 'cert'; duration: (left: number) => number; status: 201 | 400 }[] = [
    { name: 'today, 1825 days', at: 0, op: 'kubeconfig', duration: () => 1825, status: 201 },
    { name: 'five years on, 1825 days (ends after the CA)', at: fiveYears, op: 'kubeconfig', duration: () => 1825, status: 400 },
    { name: 'five years on, exactly the days the CA has left', at: fiveYears, op: 'kubeconfig', duration: (left) => left, status: 201 },
    { name: 'five years on, one day more than the CA has left', at: fiveYears, op: 'kubeconfig', duration: (left) => left + 1, status: 400 },
    { name: 'five years on, CreateFederationCert for 1825 days', at: fiveYears, op: 'cert', duration: () => 1825, status: 400 },
    { name: 'the CA expires within the day, 1 day', at: 3650 * dayMs - 3_600_000, op: 'kubeconfig', duration: () => 1, status: 400 },
  ];

  test('refused with 400 UCS.00000003 naming the longest duration, nothing issued or connected; else exactly the days asked', async () => {
    let at = 0;
    for (const row of rows) {
      clock.advance(row.at - at);
      at = row.at;
      const fleetId = row.op === 'cert' ? unconnectedId : readyFleetId;
      const caNotAfter = await caNotAfterOf(fleetId);
      const left = Math.floor((caNotAfter - clock.now()) / dayMs);
      assert.ok(left < 3650, 'the CA started 10 years before its notAfter');
      const duration = row.duration(left);
      const [certificates, fleet] = [(await server.store.listCertificates(fleetId)).length, await server.store.getFleet('d1', fleetId)];
      const response = await callApi(server.url, {
        method: 'POST',
        path: `/v1/clustergroups/${fleetId}/${row.op}`,
        token,
        body: row.op === 'cert' ? { ...connection, duration } : { duration },
      });
      assert.equal(response.status, row.status, `${row.name}: ${response.text.slice(0, 200)}`);
      if (row.status === 201) {
        const cert = certOf(response.body as Kubeconfig);
        const lasts = Date.parse(cert.validTo) - (clock.now() - (clock.now() % 1000));
        assert.ok(Math.abs(lasts - duration * dayMs) <= 2000, `${row.name}: valid for ${lasts / dayMs} days, asked ${duration}`);
        assert.ok(Date.parse(cert.validTo) <= caNotAfter, `${row.name}: the certificate ends ${cert.validTo}, after its CA`);
        continue;
      }
      const body = response.body as { error_code: string; error_msg: string };
      assert.equal(body.error_code, 'UCS.00000003', row.name);
      assert.match(body.error_msg, left >= 1 ? new RegExp(`at most ${left} days`) : /within a day/, row.name);
      assert.equal((await server.store.listCertificates(fleetId)).length, certificates, `${row.name}: a certificate was recorded`);
      assert.deepEqual(await server.store.getFleet('d1', fleetId), fleet, `${row.name}: the fleet changed`);
    }
  });
});
