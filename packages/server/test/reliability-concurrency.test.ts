import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '@ucs-fleet/server';
import type { Kubeconfig } from '@ucs-fleet/types';
import { recordFigures } from './support/fuzz/figures.js';
import { callApi } from './support/http.js';
import { readyFleetId, startTestServer, tempDir, token } from './support/test-server.js';
import { openssl, writeFleetCa } from './support/tools.js';

const downloads = 200;
const decode = (b64: string | undefined) => Buffer.from(b64 ?? '', 'base64').toString('utf8');
/** Serials compared as numbers written in hex: no case, no leading zeros. */
const serialKey = (hex: string) => hex.toLowerCase().replace(/^0+/, '');

describe(`${downloads} parallel kubeconfig downloads for one fleet`, () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('all succeed with distinct serials, every certificate verifies against the CA, and the store records exactly those serials', async () => {
    const recordedBefore = await server.store.listCertificates(readyFleetId);
    const started = performance.now();
    const responses = await Promise.all(
      Array.from({ length: downloads }, (_, i) =>
        callApi(server.url, { method: 'POST', path: `/v1/clustergroups/${readyFleetId}/kubeconfig`, token, body: { duration: 1 + (i % 1825) } }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    for (const r of responses) assert.equal(r.status, 201, r.text);
    const kubeconfigs = responses.map((r) => r.body as Kubeconfig);

    const cas = new Set(kubeconfigs.map((k) => k.clusters[0]?.cluster['certificate-authority-data']));
    assert.equal(cas.size, 1, 'one endpoint CA');
    const certs = kubeconfigs.map((k) => new X509Certificate(decode(k.users[0]?.user['client-certificate-data'])));
    const serials = certs.map((c) => serialKey(c.serialNumber));
    assert.equal(new Set(serials).size, downloads, 'distinct serials');

    // Each key belongs to its certificate, and each certificate lasts the days asked for.
    kubeconfigs.forEach((k, i) => {
      const key = createPrivateKey(decode(k.users[0]?.user['client-key-data']));
      assert.ok(certs[i]!.checkPrivateKey(key), `kubeconfig ${i}: the key matches the certificate`);
      const days = (Date.parse(certs[i]!.validTo) - Date.parse(certs[i]!.validFrom)) / 86_400_000;
      assert.ok(Math.abs(days - (1 + (i % 1825)) - 5 / 1440) < 1 / 1440, `kubeconfig ${i}: ${days} days`);
    });

    // One openssl run verifies all of them against the fleet's CA, for client authentication.
    const dir = tempDir('parallel-downloads');
    const fleetCa = await writeFleetCa(dir, server.store, 'd1', readyFleetId);
    const files = certs.map((c, i) => {
      const file = join(dir, `c${i}.pem`);
      writeFileSync(file, c.toString());
      return file;
    });
    const out = await openssl(['verify', '-purpose', 'sslclient', '-CAfile', fleetCa, ...files]);
    const ok = out.split('\n').filter((l) => / OK$/.test(l));
    assert.equal(ok.length, downloads, out);

    const recorded = (await server.store.listCertificates(readyFleetId)).filter((r) => !recordedBefore.some((b) => b.serial === r.serial));
    assert.equal(recorded.length, downloads, 'one record per download');
    assert.deepEqual(new Set(recorded.map((r) => serialKey(r.serial))), new Set(serials), 'the records are exactly the issued serials');
    const bySerial = new Map(certs.map((c) => [serialKey(c.serialNumber), c]));
    for (const r of recorded) {
      const cert = bySerial.get(serialKey(r.serial))!;
      assert.equal(r.notAfter, Date.parse(cert.validTo), 'the recorded expiry is the certificate\'s');
      assert.equal(r.subject, 'CN=alice,O=system:masters');
    }
    recordFigures('concurrency', { parallelDownloads: downloads, distinctSerials: new Set(serials).size, verifiedByOpenssl: ok.length, recordsMatched: recorded.length, seconds: Math.round(seconds * 10) / 10 });
  });
});
