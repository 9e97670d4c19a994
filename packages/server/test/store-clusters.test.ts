/**
 * The Store's registered clusters and fleet membership, on both engines, over two handles on
 * one database: a cluster's fleet and the fleet's clusterIds move together, in one transaction.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { ClusterRecord } from '../src/store/records.js';
import type { Store } from '../src/store/store.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';
import { clusterRecord } from './support/registered-clusters.js';
import { newFleet, storeEngines, storePair, t0 } from './support/store-engines.js';

let postgres: TestPostgres;
before(async () => {
  postgres = await startPostgres();
});
after(() => postgres.stop());

const fleet = newFleet;

/** A cluster of acct-1 as registered at t0, with labels and annotations to keep. */
const cluster = (over: Partial<ClusterRecord> = {}): ClusterRecord =>
  clusterRecord('acct-1', `cluster-${randomUUID().slice(0, 8)}`, { apiEndpoint: 'https://10.0.0.1:6443', labels: { env: 'test' }, annotations: { note: 'kept as sent' }, createdAt: t0, updatedAt: t0, ...over });

const put = (...clusters: ClusterRecord[]) => () => ({ put: clusters });
const join = (c: ClusterRecord, fleetId: string, at: number): ClusterRecord => ({ ...c, fleetId, joinedAt: at, updatedAt: at });

for (const engine of storeEngines(() => postgres)) {
  describe(`Store clusters on ${engine.name}`, () => {
    const pair = storePair(engine);
    let a: Store;
    let b: Store;
    const fresh = async () => {
      await pair.fresh();
      [a, b] = [pair.a(), pair.b()];
    };
    const close = pair.close;

    test('a registered cluster reads back exactly, from either handle, and only within its account', async () => {
      await fresh();
      try {
        const c = cluster();
        const bare = cluster({ apiEndpoint: undefined, city: undefined, labels: {}, annotations: {}, category: 'self', clusterType: 'cce', region: 'cn-north-4', projectId: 'p-1' });
        assert.deepEqual(await a.updateClusters(c.domainId, put(c, bare), t0), [c, bare]);
        assert.deepEqual(await b.getCluster(c.domainId, c.id), c);
        assert.deepEqual(await b.getCluster(c.domainId, bare.id), bare);
        assert.equal(await b.getCluster('acct-2', c.id), undefined, 'another account sees nothing');
        await assert.rejects(a.updateClusters('acct-2', put(cluster()), t0), /own account/, 'a cluster is written within its account only');
      } finally {
        await close();
      }
    });

    test('listing filters, pages in creation or update order with the total, and stays in the account', async () => {
      await fresh();
      try {
        const f = fleet();
        await a.createFleet(f, 50);
        const made = [
          cluster({ name: 'b-one', createdAt: t0 + 2, updatedAt: t0 + 9 }),
          cluster({ name: 'a-two', createdAt: t0 + 1, category: 'self', clusterType: 'cce' }),
          cluster({ name: 'c-three', createdAt: t0 + 3 }),
        ];
        await a.updateClusters('acct-1', put(...made, cluster({ domainId: 'acct-1', name: 'z-member', createdAt: t0 + 4 })), t0);
        await a.updateClusters('acct-2', put(cluster({ domainId: 'acct-2', name: 'foreign' })), t0);
        const member = (await a.listClusters('acct-1', { offset: 0, orderBy: 'create_at', order: 'asc' })).items.find((c) => c.name === 'z-member')!;
        await b.updateClusters('acct-1', put(join(member, f.id, t0 + 5)), t0 + 5);
        const names = async (q: Parameters<Store['listClusters']>[1]) => {
          const page = await b.listClusters('acct-1', q);
          return { names: page.items.map((c) => c.name), total: page.total };
        };
        const base = { offset: 0, orderBy: 'create_at', order: 'asc' } as const;
        assert.deepEqual(await names(base), { names: ['a-two', 'b-one', 'c-three', 'z-member'], total: 4 });
        assert.deepEqual(await names({ ...base, limit: 2, offset: 1, order: 'desc' }), { names: ['c-three', 'b-one'], total: 4 });
        assert.deepEqual(await names({ ...base, orderBy: 'update_at', order: 'desc', limit: 1 }), { names: ['b-one'], total: 4 });
        assert.deepEqual(await names({ ...base, category: 'self' }), { names: ['a-two'], total: 1 });
        assert.deepEqual(await names({ ...base, fleetId: f.id }), { names: ['z-member'], total: 1 });
        assert.deepEqual(await names({ ...base, manageType: 'grouped' }), { names: ['z-member'], total: 1 });
        assert.deepEqual(await names({ ...base, manageType: 'discrete' }), { names: ['a-two', 'b-one', 'c-three'], total: 3 });
        assert.deepEqual(await names({ ...base, ids: [made[0]!.id, made[2]!.id, randomUUID()] }), { names: ['b-one', 'c-three'], total: 2 });
        assert.deepEqual(await names({ ...base, ids: [] }), { names: [], total: 0 });
      } finally {
        await close();
      }
    });

    test("joining, moving and leaving keep the cluster's fleet and the fleets' clusterIds in step", async () => {
      await fresh();
      try {
        const [f1, f2] = [fleet({ clusterIds: ['unregistered-id'] }), fleet()];
        await a.createFleet(f1, 50);
        await a.createFleet(f2, 50);
        const [x, y] = [cluster({ id: 'b-cluster' }), cluster({ id: 'a-cluster' })];
        await a.updateClusters('acct-1', put(x, y), t0);
        await b.updateClusters('acct-1', put(join(x, f1.id, t0 + 1)), t0 + 1);
        await a.updateClusters('acct-1', put(join(y, f1.id, t0 + 1)), t0 + 2);
        assert.deepEqual((await b.getFleet('acct-1', f1.id))?.clusterIds, ['unregistered-id', x.id, y.id], 'appended in join order, earlier ids kept');
        assert.equal((await b.getFleet('acct-1', f1.id))?.updatedAt, t0 + 2, 'a membership change updates the fleet');
        assert.deepEqual((await a.listFleetMembers(f1.id)).map((c) => c.id), [y.id, x.id], 'members by join time, then id');
        assert.deepEqual(await b.getCluster('acct-1', x.id), join(x, f1.id, t0 + 1));

        await a.updateClusters('acct-1', put(join(x, f2.id, t0 + 3)), t0 + 3);
        assert.deepEqual([(await b.getFleet('acct-1', f1.id))?.clusterIds, (await b.getFleet('acct-1', f2.id))?.clusterIds], [['unregistered-id', y.id], [x.id]], 'moved');
        await b.updateClusters('acct-1', put({ ...y, updatedAt: t0 + 4 }), t0 + 4);
        assert.deepEqual((await a.getFleet('acct-1', f1.id))?.clusterIds, ['unregistered-id'], 'left');
        assert.deepEqual(await a.listFleetMembers(f1.id), []);
        assert.equal((await a.getCluster('acct-1', y.id))?.joinedAt, undefined);

        await a.updateClusters('acct-1', () => ({ delete: [x.id] }), t0 + 5);
        assert.equal(await b.getCluster('acct-1', x.id), undefined);
        assert.deepEqual((await b.getFleet('acct-1', f2.id))?.clusterIds, [], 'a deleted member leaves its fleet');
      } finally {
        await close();
      }
    });

    test('decide sees the account as it is; a throw, or a fleet of another account, writes nothing', async () => {
      await fresh();
      try {
        const mine = fleet();
        const foreign = fleet({ domainId: 'acct-2' });
        await a.createFleet(mine, 50);
        await a.createFleet(foreign, 50);
        const c = cluster();
        await a.updateClusters('acct-1', put(c), t0);
        let seen: { clusters: string[]; fleets: string[] } | undefined;
        await b.updateClusters('acct-1', (account) => ((seen = { clusters: account.clusters.map((x) => x.id), fleets: account.fleets.map((f) => f.id) }), {}), t0 + 1);
        assert.deepEqual(seen, { clusters: [c.id], fleets: [mine.id] });
        await assert.rejects(a.updateClusters('acct-1', () => { throw new Error('refused'); }, t0 + 2), /refused/);
        await assert.rejects(a.updateClusters('acct-1', put(join(c, foreign.id, t0 + 3)), t0 + 3), /not a fleet of the account/);
        assert.deepEqual(await b.getCluster('acct-1', c.id), c, 'nothing written');
        assert.deepEqual((await b.getFleet('acct-2', foreign.id))?.clusterIds, []);
      } finally {
        await close();
      }
    });

    test('20 racing joins of one cluster into two fleets over two handles: one wins, the lists agree', async () => {
      await fresh();
      try {
        const fleets = [fleet(), fleet()];
        for (const f of fleets) await a.createFleet(f, 50);
        const c = cluster();
        await a.updateClusters('acct-1', put(c), t0);
        const outcomes = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 === 0 ? a : b).updateClusters(
              'acct-1',
              ({ clusters }) => {
                const current = clusters.find((x) => x.id === c.id)!;
                if (current.fleetId) throw new Error('already a member');
                return { put: [join(current, fleets[i % 2]!.id, t0 + 1)] };
              },
              t0 + 1,
            ),
          ),
        );
        assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
        const winner = (await a.getCluster('acct-1', c.id))!.fleetId;
        const lists = await Promise.all(fleets.map(async (f) => (await b.getFleet('acct-1', f.id))!.clusterIds));
        assert.deepEqual(lists, fleets.map((f) => (f.id === winner ? [c.id] : [])));
      } finally {
        await close();
      }
    });

    test('a fleet with a registered member is not deleted; once it left, it is; clearAll drops every cluster', async () => {
      await fresh();
      try {
        const f = fleet({ clusterIds: ['unregistered-id'] });
        await a.createFleet(f, 50);
        const c = cluster();
        await a.updateClusters('acct-1', put(join(c, f.id, t0 + 1)), t0 + 1);
        assert.equal(await b.deleteFleet('acct-1', f.id), false);
        assert.ok(await a.getFleet('acct-1', f.id));
        await a.updateClusters('acct-1', put(c), t0 + 2);
        assert.equal(await b.deleteFleet('acct-1', f.id), true, 'ids that name no registered cluster do not keep it');
        await a.updateClusters('acct-2', put(cluster({ domainId: 'acct-2' })), t0);
        await b.clearAll();
        assert.deepEqual([(await a.listClusters('acct-1', { offset: 0, orderBy: 'create_at', order: 'asc' })).total, (await a.listClusters('acct-2', { offset: 0, orderBy: 'create_at', order: 'asc' })).total], [0, 0]);
      } finally {
        await close();
      }
    });
  });
}
