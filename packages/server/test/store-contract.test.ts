/**
 * The Store interface, exercised directly, on both engines: the same tests for SQLite and for
 * PostgreSQL. Each test opens two handles on one fresh database, as two server processes
 * sharing it would, and races them where the store promises a single winner.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { jobView } from '../src/domain/federation-job.js';
import { poolConfigFromUrl } from '../src/store/postgres/connection.js';
import { DatabaseUnreachableError, openPostgresStore } from '../src/store/postgres-store.js';
import type { FederationRecord, FleetChange, JobRecord } from '../src/store/records.js';
import { migrations } from '../src/store/schema.js';
import type { Store } from '../src/store/store.js';
import { closedPort } from './support/http.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';
import { newFleet, storeEngines, t0 } from './support/store-engines.js';

let postgres: TestPostgres;
before(async () => {
  postgres = await startPostgres();
});
after(() => postgres.stop());

const engines = storeEngines(() => postgres);

const fleet = newFleet;

const federation = (over: Partial<FederationRecord> = {}): FederationRecord => ({
  id: randomUUID(),
  startedAt: t0,
  readyAt: t0 + 4000,
  ca: { certPem: `cert-${randomUUID()}`, keyPem: `key-${randomUUID()}` },
  version: 'v1.10.7',
  upgrade: undefined,
  ...over,
});

const jobFor = (fleetId: string, f: FederationRecord, type: JobRecord['type'] = 'CreateFederation', startedAt = f.startedAt, readyAt = f.readyAt): JobRecord => ({
  id: randomUUID(),
  fleetId,
  type,
  federationId: f.id,
  startedAt,
  readyAt,
});

const connection = (createdAt: number) => ({ id: randomUUID(), projectId: 'p1', vpcId: 'vpc-1', subnetId: 'subnet-1', createdAt });

for (const engine of engines) {
  describe(`Store contract on ${engine.name}`, () => {
    let a: Store;
    let b: Store;
    const fresh = async () => {
      [a, b] = await engine.openPair();
    };
    const close = async () => {
      await Promise.all([a?.close(), b?.close()]);
    };

    test('a created fleet reads back exactly, from either handle, and only within its account', async () => {
      await fresh();
      try {
        const f = fleet({ description: 'with a description', clusterIds: ['c-1', 'c-2'] });
        assert.deepEqual(await a.createFleet(f, 50), { ok: true });
        const read = await b.getFleet(f.domainId, f.id);
        assert.deepEqual(read, { ...f, dnsSuffix: [], ruleNamespaces: [], policy: undefined, updatedAt: t0, revision: 1, federation: undefined, connection: undefined });
        const plain = fleet();
        await a.createFleet(plain, 50);
        assert.equal((await b.getFleet(plain.domainId, plain.id))?.description, undefined);
        assert.deepEqual((await b.getFleet(plain.domainId, plain.id))?.clusterIds, []);
        assert.equal(await b.getFleet('acct-2', f.id), undefined, 'another account sees nothing');
        assert.equal(await b.getFleet(f.domainId, randomUUID()), undefined);
      } finally {
        await close();
      }
    });

    test('listing pages in creation or update order, byte-wise by name on ties, with the total', async () => {
      await fresh();
      try {
        const made = [
          fleet({ name: 'b-fleet', createdAt: t0 + 2 }),
          fleet({ name: 'a-fleet', createdAt: t0 + 1 }),
          fleet({ name: 'z-fleet', createdAt: t0 + 1 }),
          fleet({ name: 'c-fleet', createdAt: t0 + 3 }),
          fleet({ name: 'other', domainId: 'acct-2', createdAt: t0 }),
        ];
        for (const f of made) assert.equal((await a.createFleet(f, 50)).ok, true);
        const names = async (store: Store, q: { limit?: number; offset: number; orderBy: 'create_at' | 'update_at'; order: 'asc' | 'desc' }) => {
          const page = await store.listFleets('acct-1', q);
          return { names: page.items.map((f) => f.name), total: page.total };
        };
        assert.deepEqual(await names(b, { limit: 10, offset: 0, orderBy: 'create_at', order: 'asc' }), {
          names: ['a-fleet', 'z-fleet', 'b-fleet', 'c-fleet'],
          total: 4,
        });
        assert.deepEqual(await names(b, { limit: 2, offset: 1, orderBy: 'create_at', order: 'desc' }), { names: ['b-fleet', 'z-fleet'], total: 4 });
        assert.deepEqual(await names(b, { limit: 2, offset: 4, orderBy: 'create_at', order: 'desc' }), { names: [], total: 4 });
        assert.deepEqual(await names(b, { offset: 1, orderBy: 'create_at', order: 'asc' }), { names: ['z-fleet', 'b-fleet', 'c-fleet'], total: 4 }, 'no limit: every fleet after the offset');
        // Enabling federation updates a fleet: it moves to the end of update order.
        const first = made[1]!;
        const f = federation();
        assert.equal(await a.startFederation(first.domainId, first.id, f, jobFor(first.id, f), t0 + 10), true);
        assert.deepEqual((await names(b, { limit: 10, offset: 0, orderBy: 'update_at', order: 'asc' })).names, ['z-fleet', 'b-fleet', 'c-fleet', 'a-fleet']);
      } finally {
        await close();
      }
    });

    test('updateFleet writes what decide says on the fleet as it is, within the account, with its job; a throw writes nothing', async () => {
      await fresh();
      try {
        const f = fleet({ description: 'before', clusterIds: ['c-1'] });
        const sibling = fleet();
        await a.createFleet(f, 50);
        await a.createFleet(sibling, 50);
        const set = (change: FleetChange) => () => ({ change });
        assert.equal(await a.updateFleet('acct-2', f.id, set({ description: 'foreign' }), t0 + 1), undefined, 'not through another account');
        assert.equal(await a.updateFleet(f.domainId, randomUUID(), set({ description: 'missing' }), t0 + 1), undefined);
        const bindings = [{ ruleIDs: ['r-1'], namespaces: ['default', 'kube-system'] }];
        const written = await a.updateFleet(f.domainId, f.id, set({ description: 'after', clusterIds: ['c-1', 'c-2'], dnsSuffix: ['example.com'], ruleNamespaces: bindings }), t0 + 2);
        const expected = { ...f, description: 'after', clusterIds: ['c-1', 'c-2'], dnsSuffix: ['example.com'], ruleNamespaces: bindings, policy: undefined, updatedAt: t0 + 2, revision: 2, federation: undefined, connection: undefined };
        assert.deepEqual(written, expected);
        assert.deepEqual(await b.getFleet(f.domainId, f.id), expected, 'read back from the other handle');
        let seen: string[] = [];
        await b.updateFleet(f.domainId, f.id, (_fleet, account) => ((seen = account.map((x) => x.id).sort()), { change: {} }), t0 + 3);
        assert.deepEqual(seen, [f.id, sibling.id].sort(), 'decide sees every fleet of the account');
        assert.equal((await a.getFleet(f.domainId, f.id))?.description, 'after', 'an absent field is left as it is');
        await assert.rejects(a.updateFleet(f.domainId, f.id, () => { throw new Error('refused'); }, t0 + 4), /refused/);
        assert.equal((await a.getFleet(f.domainId, f.id))?.updatedAt, t0 + 3, 'a refusal writes nothing');
        assert.equal((await a.getFleet(f.domainId, f.id))?.revision, 3, 'one more with every write, none for a refusal');
        assert.equal((await b.updateFleet(f.domainId, f.id, set({ description: null }), t0 + 5))?.description, undefined, 'null clears it');

        const fed = federation();
        await a.startFederation(f.domainId, f.id, fed, jobFor(f.id, fed), t0 + 6);
        const upgrade = { from: 'v1.10.7', startedAt: t0 + 7, readyAt: t0 + 9 };
        const job = jobFor(f.id, fed, 'UpgradeFederation', t0 + 7, t0 + 9);
        await b.updateFleet(f.domainId, f.id, () => ({ change: { upgrade: { to: 'v1.11.3', record: upgrade } }, job }), t0 + 7);
        assert.deepEqual((await a.getFleet(f.domainId, f.id))?.federation, { ...fed, version: 'v1.11.3', upgrade });
        assert.deepEqual(await a.latestJob(f.id), job);
        const policy = { id: 'policy-1', startedAt: t0 + 8, readyAt: t0 + 8, instances: 1 };
        const instance = { id: 'pi-1', fleetId: f.id, templateId: 't-1', enforcementAction: 'warn' as const, namespaces: ['default'], parameters: { deep: { list: [1, 'two'] } }, createdAt: t0 + 8 };
        await a.updateFleet(f.domainId, f.id, () => ({ change: { policy }, policyInstance: instance }), t0 + 8);
        assert.deepEqual((await b.getFleet(f.domainId, f.id))?.policy, policy);
        assert.deepEqual(await b.listPolicyInstances(f.id), [instance]);
        await b.updateFleet(f.domainId, f.id, () => ({ change: { policy: null } }), t0 + 9);
        assert.deepEqual([(await a.getFleet(f.domainId, f.id))?.policy, await a.listPolicyInstances(f.id)], [undefined, []], 'turning the policy center off drops its instances');
        await a.stopFederation(f.domainId, f.id, jobFor(f.id, fed, 'DeleteFederation'), t0 + 10);
        assert.deepEqual((await a.getFleet(f.domainId, f.id))?.dnsSuffix, ['example.com'], 'the DNS suffixes outlive the federation');
        await assert.rejects(a.updateFleet(f.domainId, f.id, () => ({ change: { upgrade: { to: 'v1.11.3', record: upgrade } } }), t0 + 11), /federation/);
      } finally {
        await close();
      }
    });

    test('100 parallel creates in one account over two handles: exactly 50, the rest quota-exceeded, no duplicates', async () => {
      await fresh();
      try {
        const attempts = Array.from({ length: 100 }, (_, i) => fleet({ name: `fleet-${i}`, domainId: 'quota' }));
        const outcomes = await Promise.all(attempts.map((f, i) => (i % 2 === 0 ? a : b).createFleet(f, 50)));
        assert.equal(outcomes.filter((o) => o.ok).length, 50);
        assert.deepEqual(
          outcomes.filter((o) => !o.ok),
          Array.from({ length: 50 }, () => ({ ok: false, reason: 'quota-exceeded' })),
        );
        const listed = await a.listFleets('quota', { limit: 100, offset: 0, orderBy: 'create_at', order: 'asc' });
        assert.equal(listed.total, 50);
        assert.equal(new Set(listed.items.map((f) => f.name)).size, 50);
        const createdIds = attempts.filter((_, i) => outcomes[i]!.ok).map((f) => f.id);
        assert.deepEqual(new Set(listed.items.map((f) => f.id)), new Set(createdIds));
        assert.deepEqual(await b.createFleet(fleet({ domainId: 'other-account' }), 50), { ok: true }, 'the quota is per account');
      } finally {
        await close();
      }
    });

    test('fleet names are unique per account and ids unique everywhere, even when created at once', async () => {
      await fresh();
      try {
        const f = fleet({ name: 'shared' });
        assert.deepEqual(await a.createFleet(f, 50), { ok: true });
        assert.deepEqual(await b.createFleet(fleet({ name: 'shared' }), 50), { ok: false, reason: 'name-taken' });
        assert.deepEqual(await b.createFleet(fleet({ name: 'shared', domainId: 'acct-2' }), 50), { ok: true });
        assert.deepEqual(await b.createFleet(fleet({ id: f.id, name: 'another' }), 50), { ok: false, reason: 'id-taken' });
        const racing = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).createFleet(fleet({ name: 'racing' }), 50)));
        assert.equal(racing.filter((o) => o.ok).length, 1);
        assert.ok(racing.filter((o) => !o.ok).every((o) => !o.ok && o.reason === 'name-taken'));
        assert.equal((await a.listFleets('acct-1', { limit: 10, offset: 0, orderBy: 'create_at', order: 'asc' })).total, 2);
      } finally {
        await close();
      }
    });

    test('federation starts once: a second start, or a racing one, gets false, and the winner\'s CA stays', async () => {
      await fresh();
      try {
        const f = fleet();
        await a.createFleet(f, 50);
        const contenders = Array.from({ length: 10 }, () => federation());
        const results = await Promise.all(contenders.map((fed, i) => (i % 2 === 0 ? a : b).startFederation(f.domainId, f.id, fed, jobFor(f.id, fed), t0 + 5)));
        assert.equal(results.filter(Boolean).length, 1);
        const winner = contenders[results.indexOf(true)]!;
        const stored = await b.getFleet(f.domainId, f.id);
        assert.deepEqual(stored?.federation, winner);
        assert.equal(stored?.updatedAt, t0 + 5);
        assert.equal((await a.latestJob(f.id))?.federationId, winner.id, 'only the winner recorded a job');
        const late = federation();
        assert.equal(await a.startFederation(f.domainId, f.id, late, jobFor(f.id, late), t0 + 6), false);
        assert.equal(await a.startFederation('acct-2', f.id, late, jobFor(f.id, late), t0 + 6), false, 'not through another account');
        assert.deepEqual((await a.getFleet(f.domainId, f.id))?.federation, winner);
      } finally {
        await close();
      }
    });

    test('federation stops only while on, and takes its CA and connection with it', async () => {
      await fresh();
      try {
        const f = fleet();
        await a.createFleet(f, 50);
        const off = federation();
        assert.equal(await a.stopFederation(f.domainId, f.id, jobFor(f.id, off, 'DeleteFederation'), t0), false);
        assert.equal(await a.latestJob(f.id), undefined);
        const fed = federation({ readyAt: t0 });
        await a.startFederation(f.domainId, f.id, fed, jobFor(f.id, fed), t0);
        assert.equal(await b.createConnection(f.domainId, f.id, connection(t0 + 1), t0 + 1), true);
        const stops = await Promise.all([a, b, a, b].map((s) => s.stopFederation(f.domainId, f.id, jobFor(f.id, fed, 'DeleteFederation', t0 + 2, t0 + 2), t0 + 2)));
        assert.equal(stops.filter(Boolean).length, 1);
        const stored = await b.getFleet(f.domainId, f.id);
        assert.equal(stored?.federation, undefined);
        assert.equal(stored?.connection, undefined);
        assert.equal(stored?.updatedAt, t0 + 2);
        assert.equal((await b.latestJob(f.id))?.type, 'DeleteFederation');
        assert.deepEqual(await b.listFederatedFleets(), []);
        // Enabled again: a new federation, a new CA.
        const again = federation();
        assert.equal(await b.startFederation(f.domainId, f.id, again, jobFor(f.id, again), t0 + 3), true);
        assert.equal((await a.getFleet(f.domainId, f.id))?.federation?.ca.certPem, again.ca.certPem);
      } finally {
        await close();
      }
    });

    test('workloads: put and read back from either handle, replaced, deleted; only within the account; none outlives a stop, even a racing one', async () => {
      await fresh();
      try {
        const f = fleet();
        await a.createFleet(f, 50);
        const fed = federation({ readyAt: t0 });
        await a.startFederation(f.domainId, f.id, fed, jobFor(f.id, fed), t0);
        const key = { kind: 'Deployment', namespace: 'default', name: 'web' };
        const record = { ...key, fleetId: f.id, uid: randomUUID(), content: { template: { spec: { replicas: 2 } }, labels: { app: 'web' } }, generation: 1, createdAt: t0 + 1, updatedAt: t0 + 1 };
        const seen: unknown[] = [];
        assert.deepEqual(await a.changeWorkload(f.domainId, f.id, key, (fleet, existing) => (seen.push(fleet.id, existing), { put: record })), record);
        assert.deepEqual(seen, [f.id, undefined], 'decide sees the fleet and no workload yet');
        assert.deepEqual(await b.getWorkload(f.id, key), record, 'read back from the other handle');
        assert.equal(await b.changeWorkload('acct-2', f.id, key, () => ({ delete: true })), undefined, 'not through another account');
        const replaced = { ...record, content: { template: {} }, generation: 2, updatedAt: t0 + 2 };
        await b.changeWorkload(f.domainId, f.id, key, (_fleet, existing) => (assert.deepEqual(existing, record), { put: replaced }));
        assert.deepEqual(await a.listWorkloads(f.id), [replaced]);
        await assert.rejects(a.changeWorkload(f.domainId, f.id, key, () => { throw new Error('refused'); }), /refused/);
        assert.deepEqual(await a.getWorkload(f.id, key), replaced, 'a refusal writes nothing');
        assert.equal((await a.getFleet(f.domainId, f.id))?.revision, 2, "a workload write is no change of the fleet's own");
        assert.equal(await a.changeWorkload(f.domainId, f.id, key, () => ({ delete: true })), null);
        assert.equal(await b.getWorkload(f.id, key), undefined);

        // Writes racing a stop: whichever commits first, no workload is left once federation is off.
        const writes = Array.from({ length: 8 }, (_, i) => ({ ...record, name: `w-${i}`, uid: randomUUID() }));
        await Promise.all([
          ...writes.map((w, i) => (i % 2 ? a : b).changeWorkload(f.domainId, f.id, w, (fleet) => (fleet.federation ? { put: w } : (() => { throw new Error('federation off'); })())).catch((err: Error) => err.message)),
          b.stopFederation(f.domainId, f.id, jobFor(f.id, fed, 'DeleteFederation', t0 + 3, t0 + 3), t0 + 3),
        ]);
        assert.equal((await a.getFleet(f.domainId, f.id))?.federation, undefined);
        assert.deepEqual(await a.listWorkloads(f.id), [], 'no orphan workload');
      } finally {
        await close();
      }
    });

    test('a connection is made only once federation is ready, only once, and not across accounts', async () => {
      await fresh();
      try {
        const f = fleet();
        await a.createFleet(f, 50);
        assert.equal(await a.createConnection(f.domainId, f.id, connection(t0), t0), false, 'no federation');
        const fed = federation({ startedAt: t0, readyAt: t0 + 1000 });
        await a.startFederation(f.domainId, f.id, fed, jobFor(f.id, fed), t0);
        assert.equal(await a.createConnection(f.domainId, f.id, connection(t0 + 999), t0 + 999), false, 'still enabling');
        assert.equal(await a.createConnection('acct-2', f.id, connection(t0 + 1000), t0 + 1000), false, 'another account');
        const attempts = Array.from({ length: 10 }, () => connection(t0 + 1000));
        const results = await Promise.all(attempts.map((c, i) => (i % 2 === 0 ? a : b).createConnection(f.domainId, f.id, c, t0 + 1000)));
        assert.equal(results.filter(Boolean).length, 1);
        assert.deepEqual((await b.getFleet(f.domainId, f.id))?.connection, attempts[results.indexOf(true)]);
      } finally {
        await close();
      }
    });

    test('a fleet is deleted only while federation is off, and its jobs with it', async () => {
      await fresh();
      try {
        const f = fleet();
        await a.createFleet(f, 50);
        const fed = federation();
        await a.startFederation(f.domainId, f.id, fed, jobFor(f.id, fed), t0);
        assert.equal(await b.deleteFleet(f.domainId, f.id), false);
        await a.stopFederation(f.domainId, f.id, jobFor(f.id, fed, 'DeleteFederation'), t0 + 1);
        assert.equal(await b.deleteFleet('acct-2', f.id), false);
        const deletes = await Promise.all([a.deleteFleet(f.domainId, f.id), b.deleteFleet(f.domainId, f.id)]);
        assert.deepEqual(deletes.filter(Boolean), [true]);
        assert.equal(await a.getFleet(f.domainId, f.id), undefined);
        assert.equal(await a.latestJob(f.id), undefined);
        assert.deepEqual(await a.createFleet(fleet({ name: f.name }), 50), { ok: true }, 'the name is free again');
      } finally {
        await close();
      }
    });

    test('jobs: the latest one wins, its times are kept to the millisecond, and progress derives from them', async () => {
      await fresh();
      try {
        const f = fleet();
        await a.createFleet(f, 50);
        const fed = federation({ startedAt: t0, readyAt: t0 + 4000 });
        const enableJob = jobFor(f.id, fed);
        await a.startFederation(f.domainId, f.id, fed, enableJob, t0);
        const stored = await b.latestJob(f.id);
        assert.deepEqual(stored, enableJob);
        const phases = (now: number) => {
          const view = jobView(stored!, f.name, now);
          return [view.status.phase, ...(view.spec.subJobs ?? []).map((s) => s.status.phase)];
        };
        assert.deepEqual(phases(t0 - 1), ['Pending', 'Pending', 'Pending', 'Pending', 'Pending']);
        assert.deepEqual(phases(t0 + 1500), ['Running', 'Success', 'Running', 'Pending', 'Pending']);
        assert.deepEqual(phases(t0 + 4000), ['Success', 'Success', 'Success', 'Success', 'Success']);
        const disableJob = jobFor(f.id, fed, 'DeleteFederation', t0 + 5000, t0 + 5000);
        await b.stopFederation(f.domainId, f.id, disableJob, t0 + 5000);
        assert.deepEqual(await a.latestJob(f.id), disableJob);
        const again = federation({ startedAt: t0 + 6000, readyAt: t0 + 6000 });
        const reEnable = jobFor(f.id, again);
        await a.startFederation(f.domainId, f.id, again, reEnable, t0 + 6000);
        assert.deepEqual(await b.latestJob(f.id), reEnable);
        assert.equal(await b.latestJob(randomUUID()), undefined);
      } finally {
        await close();
      }
    });

    test('certificates: recorded without a key, listed by issue time, each serial once', async () => {
      await fresh();
      try {
        const f = fleet();
        const other = fleet();
        const cert = (serial: string, issuedAt: number, fleetId = f.id) => ({
          serial,
          fleetId,
          federationId: 'fed-1',
          subject: 'CN=alice,O=ops',
          notBefore: issuedAt - 300_000,
          notAfter: issuedAt + 86_400_000 * 1825,
          issuedAt,
        });
        await a.recordCertificate(cert('0B', t0 + 2000));
        await b.recordCertificate(cert('0A', t0 + 1000));
        await a.recordCertificate(cert('0C', t0 + 3000, other.id));
        assert.deepEqual(await b.listCertificates(f.id), [cert('0A', t0 + 1000), cert('0B', t0 + 2000)]);
        await assert.rejects(b.recordCertificate(cert('0A', t0 + 4000)), 'a serial is recorded once');
        assert.deepEqual(await a.listCertificates(randomUUID()), []);
        const many = Array.from({ length: 40 }, (_, i) => cert(`1${i.toString(16).padStart(3, '0')}`, t0 + 10_000 + i));
        await Promise.all(many.map((c, i) => (i % 2 === 0 ? a : b).recordCertificate(c)));
        assert.equal((await a.listCertificates(f.id)).length, 42);
      } finally {
        await close();
      }
    });

    test('certificates recorded at once: one failing record fails alone, every other one is committed', async () => {
      await fresh();
      try {
        const f = fleet();
        const cert = (serial: string) => ({ serial, fleetId: f.id, federationId: 'fed-1', subject: 'CN=bob', notBefore: t0, notAfter: t0 + 1000, issuedAt: t0 });
        await a.recordCertificate(cert('0A'));
        // One event-loop turn: the records go out as one group, and the duplicate sinks it.
        const outcomes = await Promise.allSettled(['01', '02', '0A', '03'].map((serial) => a.recordCertificate(cert(serial))));
        assert.deepEqual(
          outcomes.map((o) => o.status),
          ['fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
        );
        assert.deepEqual((await b.listCertificates(f.id)).map((c) => c.serial).sort(), ['01', '02', '03', '0A']);
      } finally {
        await close();
      }
    });

    test('a fleet summary is the fleet without its CA; the CA is read by federation id while federation is on', async () => {
      await fresh();
      try {
        const f = fleet();
        await a.createFleet(f, 50);
        assert.deepEqual(await b.getFleetSummary(f.domainId, f.id), await b.getFleet(f.domainId, f.id), 'no federation: the same');
        const fed = federation();
        await a.startFederation(f.domainId, f.id, fed, jobFor(f.id, fed), t0 + 5);
        const { ca, ...withoutCa } = fed;
        const full = await b.getFleet(f.domainId, f.id);
        assert.deepEqual(await b.getFleetSummary(f.domainId, f.id), { ...full, federation: withoutCa });
        assert.equal(await b.getFleetSummary('acct-2', f.id), undefined, 'another account sees nothing');
        assert.deepEqual(await b.getCa(fed.id), ca);
        await a.stopFederation(f.domainId, f.id, jobFor(f.id, fed, 'DeleteFederation'), t0 + 6);
        assert.equal(await b.getCa(fed.id), undefined, 'a disabled federation has no CA');
      } finally {
        await close();
      }
    });

    test('federated fleets of every account are listed; a fleet\'s federation is read by fleet id alone, for the federation endpoint', async () => {
      await fresh();
      try {
        const fleets = [fleet({ createdAt: t0 }), fleet({ domainId: 'acct-2', createdAt: t0 + 1 }), fleet({ createdAt: t0 + 2 })];
        for (const f of fleets) await a.createFleet(f, 50);
        const feds = [federation(), federation()];
        await a.startFederation(fleets[0]!.domainId, fleets[0]!.id, feds[0]!, jobFor(fleets[0]!.id, feds[0]!), t0);
        await b.startFederation(fleets[1]!.domainId, fleets[1]!.id, feds[1]!, jobFor(fleets[1]!.id, feds[1]!), t0);
        const listed = await b.listFederatedFleets();
        assert.deepEqual(listed.map((f) => [f.id, f.federation?.id]), [
          [fleets[0]!.id, feds[0]!.id],
          [fleets[1]!.id, feds[1]!.id],
        ]);
        const { ca, ...summary } = feds[1]!;
        assert.deepEqual(await b.getFederationTrust(fleets[1]!.id), { ...summary, caCertPem: ca.certPem }, "the CA's certificate, never its key");
        assert.equal(await a.getFederationTrust(fleets[2]!.id), undefined, 'not federated');
        assert.equal(await a.getFederationTrust(randomUUID()), undefined, 'no such fleet');
        await a.stopFederation(fleets[1]!.domainId, fleets[1]!.id, jobFor(fleets[1]!.id, feds[1]!, 'DeleteFederation'), t0 + 5);
        assert.equal(await b.getFederationTrust(fleets[1]!.id), undefined, 'a disable through one store is seen by the other at once');
      } finally {
        await close();
      }
    });

    test('the endpoint CA is stored once: the first insert wins and every store then reads that one', async () => {
      await fresh();
      try {
        assert.equal(await a.getEndpointCa(), undefined);
        const first = { certPem: 'cert-1', keyPem: 'key-1' };
        const [x, y] = await Promise.all([a.insertEndpointCa(first, t0), b.insertEndpointCa({ certPem: 'cert-2', keyPem: 'key-2' }, t0)]);
        assert.deepEqual(x, y, 'racing inserts return the same CA');
        assert.deepEqual(await b.insertEndpointCa({ certPem: 'cert-3', keyPem: 'key-3' }, t0), x, 'a later insert keeps the stored one');
        assert.deepEqual(await a.getEndpointCa(), x);
      } finally {
        await close();
      }
    });

    test('clearAll leaves no fleet, job or certificate of any account; listAllCertificates spans accounts', async () => {
      await fresh();
      try {
        const mine = fleet();
        const theirs = fleet({ domainId: 'acct-2' });
        for (const f of [mine, theirs]) await a.createFleet(f, 50);
        const fed = federation();
        await a.startFederation(mine.domainId, mine.id, fed, jobFor(mine.id, fed), t0);
        const cert = (serial: string, fleetId: string, issuedAt: number) => ({ serial, fleetId, federationId: fed.id, subject: 'CN=alice', notBefore: issuedAt, notAfter: issuedAt + 1000, issuedAt });
        await a.recordCertificate(cert('0B', theirs.id, t0 + 2));
        await b.recordCertificate(cert('0A', mine.id, t0 + 1));
        assert.deepEqual((await b.listAllCertificates()).map((c) => c.serial), ['0A', '0B']);

        await b.clearAll();
        assert.equal(await a.getFleet(mine.domainId, mine.id), undefined);
        assert.equal(await a.getFleet(theirs.domainId, theirs.id), undefined);
        assert.equal(await a.latestJob(mine.id), undefined);
        assert.deepEqual(await a.listAllCertificates(), []);
        assert.deepEqual(await a.listFederatedFleets(), []);
        assert.deepEqual(await a.createFleet(mine, 50), { ok: true }, 'the same id and name can be created again');
      } finally {
        await close();
      }
    });

    test('ping answers while open; close is idempotent, and a closed store answers nothing', async () => {
      await fresh();
      await assert.doesNotReject(a.ping());
      await assert.doesNotReject(b.ping());
      await Promise.all([a.close(), a.close()]);
      await assert.doesNotReject(a.close(), 'a second close resolves');
      await assert.rejects(a.ping(), 'closed: no query runs');
      await assert.rejects(a.getFleet('acct-1', randomUUID()));
      await assert.doesNotReject(b.ping(), 'the other handle on the same database is still open');
      await close();
      await assert.rejects(b.ping());
    });
  });
}

describe('PostgreSQL specifics', () => {
  test('eight replicas starting at once on an empty database apply each migration exactly once', async () => {
    const url = await postgres.createDatabase('migrate');
    const stores = await Promise.all(Array.from({ length: 8 }, () => openPostgresStore(url)));
    try {
      const rows = await query<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(rows.map((r) => r.version), migrations.map((m) => m.version));
      await Promise.all(stores.map((s) => s.ping()));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
    // And a later start finds nothing to do.
    const again = await openPostgresStore(url);
    await again.close();
    assert.equal((await query(url, 'SELECT version FROM schema_migrations')).length, migrations.length);
  });

  test('an unreachable database is a DatabaseUnreachableError naming host:port, without the password', async () => {
    const port = await closedPort();
    const started = Date.now();
    const err = await openPostgresStore(`postgres://ucs:s3cret@127.0.0.1:${port}/nothing`).catch((e: unknown) => e);
    assert.ok(err instanceof DatabaseUnreachableError, String(err));
    assert.match(err.message, new RegExp(`^the database at 127\\.0\\.0\\.1:${port} is unreachable: .*ECONNREFUSED`));
    assert.doesNotMatch(err.message, /s3cret/);
    assert.ok(Date.now() - started < 5000);
  });

  test('a database that refuses the login says so', async () => {
    const url = new URL(await postgres.createDatabase('login'));
    url.pathname = '/no_such_database';
    const err = await openPostgresStore(url.toString()).catch((e: unknown) => e);
    assert.ok(err instanceof DatabaseUnreachableError, String(err));
    assert.match(err.message, /is unreachable: it refused the connection: database "no_such_database" does not exist/);
  });

  test('pool limits and timeouts come from the URL, with defaults', async () => {
    const defaults = poolConfigFromUrl('postgres://u:p@db.example:6432/ucs');
    assert.equal(defaults.max, 10);
    assert.equal(defaults.connectionTimeoutMillis, 5000);
    assert.equal(defaults.statement_timeout, 10_000);
    assert.equal(defaults.connectionString, 'postgres://u:p@db.example:6432/ucs');
    const url = await postgres.createDatabase('limits');
    const tuned = poolConfigFromUrl(`${url}?pool_max=3&statement_timeout=200&connect_timeout=2`);
    assert.equal(tuned.max, 3);
    assert.equal(tuned.connectionTimeoutMillis, 2000);
    assert.doesNotMatch(tuned.connectionString ?? '', /pool_max|statement_timeout/);
    assert.throws(() => poolConfigFromUrl(`${url}?pool_max=0`), /pool_max must be a whole number/);

    const store = await openPostgresStore(`${url}?pool_max=3&statement_timeout=200`);
    try {
      const outcomes = await Promise.all(Array.from({ length: 60 }, (_, i) => store.createFleet(fleet({ name: `f-${i}` }), 100)));
      assert.ok(outcomes.every((o) => o.ok));
      const [open] = await query<{ n: number }>(url.replace(/\/[^/]*$/, '/postgres'), "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ucs-server' AND datname = $1", [new URL(url).pathname.slice(1)]);
      assert.ok(open!.n <= 3, `${open!.n} connections for pool_max=3`);
      // The statement timeout is the server's: a slow statement is cancelled.
      const pool = new pg.Pool(poolConfigFromUrl(`${url}?statement_timeout=200`));
      await assert.rejects(pool.query('SELECT pg_sleep(2)'), /statement timeout/);
      await pool.end();
    } finally {
      await store.close();
    }
  });

  test('connections the database drops are replaced: the store keeps answering', async () => {
    const url = await postgres.createDatabase('dropped');
    const store = await openPostgresStore(url);
    try {
      await Promise.all(Array.from({ length: 5 }, () => store.ping()));
      const admin = url.replace(/\/[^/]*$/, '/postgres');
      await query(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ucs-server' AND datname = $1", [new URL(url).pathname.slice(1)]);
      await new Promise((r) => setTimeout(r, 100));
      // An idle connection killed under the pool is discarded (no crash); the next call opens another.
      await store.ping();
      assert.deepEqual(await store.createFleet(fleet(), 50), { ok: true });
    } finally {
      await store.close();
    }
  });
});

async function query<T extends object = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T & pg.QueryResultRow>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
