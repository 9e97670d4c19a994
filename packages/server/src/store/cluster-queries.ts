import type { Insertable, Kysely, Selectable } from 'kysely';
import { everyRow, fromJson, nextRevision } from './columns.js';
import type { ClusterAccount, ClusterListQuery, ClusterRecord, ClusterWrite, FleetSummary } from './records.js';
import type { ClustersTable, Tables } from './schema.js';

/** The queries of registered clusters, for sql-store.ts: written once for both engines. */
export async function clusterById(db: Kysely<Tables>, domainId: string, clusterId: string): Promise<ClusterRecord | undefined> {
  const row = await db.selectFrom('clusters').selectAll().where('id', '=', clusterId).where('domain_id', '=', domainId).executeTakeFirst();
  return row && clusterFromRow(row);
}

export async function listClusters(db: Kysely<Tables>, domainId: string, query: ClusterListQuery): Promise<{ items: ClusterRecord[]; total: number }> {
  const column = query.orderBy === 'update_at' ? 'updated_at' : 'created_at';
  let filtered = db.selectFrom('clusters').where('domain_id', '=', domainId);
  if (query.category !== undefined) filtered = filtered.where('category', '=', query.category);
  if (query.fleetId !== undefined) filtered = filtered.where('fleet_id', '=', query.fleetId);
  if (query.manageType === 'grouped') filtered = filtered.where('fleet_id', 'is not', null);
  if (query.manageType === 'discrete') filtered = filtered.where('fleet_id', 'is', null);
  if (query.ids !== undefined) filtered = query.ids.length === 0 ? filtered.where('id', 'is', null) : filtered.where('id', 'in', [...query.ids]);
  const [rows, count] = await Promise.all([
    filtered.selectAll().orderBy(column, query.order).orderBy('name', query.order).limit(query.limit ?? everyRow).offset(query.offset).execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(clusterFromRow), total: Number(count.n) };
}

export async function listFleetMembers(db: Kysely<Tables>, fleetId: string): Promise<ClusterRecord[]> {
  const rows = await db.selectFrom('clusters').selectAll().where('fleet_id', '=', fleetId).orderBy('joined_at').orderBy('id').execute();
  return rows.map(clusterFromRow);
}

/**
 * Inside the account's transaction: writes what `decide` says of the account's clusters, and
 * moves each cluster whose fleet changes from its old fleet's cluster_ids to the end of its new
 * one's, so that a fleet's list and its members' fleet_id never disagree.
 */
export async function writeClusters(
  trx: Kysely<Tables>,
  domainId: string,
  fleets: readonly FleetSummary[],
  decide: (account: ClusterAccount) => ClusterWrite,
  now: number,
): Promise<ClusterRecord[]> {
  const clusters = (await trx.selectFrom('clusters').selectAll().where('domain_id', '=', domainId).orderBy('created_at').orderBy('id').execute()).map(clusterFromRow);
  const write = decide({ clusters, fleets });
  const before = new Map(clusters.map((c) => [c.id, c]));
  const lists = new Map(fleets.map((f) => [f.id, [...f.clusterIds]]));
  const changedFleets = new Set<string>();
  const leave = (fleetId: string, clusterId: string) => {
    lists.set(fleetId, (lists.get(fleetId) ?? []).filter((id) => id !== clusterId));
    changedFleets.add(fleetId);
  };
  for (const id of write.delete ?? []) {
    const old = before.get(id);
    if (!old) continue;
    await trx.deleteFrom('clusters').where('id', '=', id).where('domain_id', '=', domainId).execute();
    if (old.fleetId) leave(old.fleetId, id);
  }
  for (const cluster of write.put ?? []) {
    if (cluster.domainId !== domainId) throw new Error('a cluster is written within its own account only');
    const old = before.get(cluster.id);
    if (old?.fleetId !== cluster.fleetId) {
      if (old?.fleetId) leave(old.fleetId, cluster.id);
      if (cluster.fleetId) {
        const list = lists.get(cluster.fleetId);
        if (!list) throw new Error(`fleet ${cluster.fleetId} is not a fleet of the account`);
        if (!list.includes(cluster.id)) list.push(cluster.id);
        changedFleets.add(cluster.fleetId);
      }
    }
    const row = clusterRow(cluster);
    if (old) await trx.updateTable('clusters').set(row).where('id', '=', cluster.id).where('domain_id', '=', domainId).execute();
    else await trx.insertInto('clusters').values(row).execute();
  }
  for (const fleetId of changedFleets) {
    await trx.updateTable('fleets').set({ cluster_ids: JSON.stringify(lists.get(fleetId)), updated_at: now }).set(nextRevision).where('id', '=', fleetId).where('domain_id', '=', domainId).execute();
  }
  return write.put ?? [];
}

function clusterRow(c: ClusterRecord): Insertable<ClustersTable> {
  return {
    id: c.id,
    domain_id: c.domainId,
    name: c.name,
    fleet_id: c.fleetId ?? null,
    joined_at: c.fleetId === undefined ? null : (c.joinedAt ?? null),
    category: c.category,
    cluster_type: c.clusterType,
    provider: c.provider,
    kubernetes_version: c.kubernetesVersion,
    phase: c.phase,
    api_endpoint: c.apiEndpoint ?? null,
    country: c.country,
    city: c.city ?? null,
    region: c.region ?? null,
    project_id: c.projectId ?? null,
    labels: JSON.stringify(c.labels),
    annotations: JSON.stringify(c.annotations),
    agent_downloaded: c.agentDownloaded ? 1 : 0,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

function clusterFromRow(row: Selectable<ClustersTable>): ClusterRecord {
  return {
    id: row.id,
    domainId: row.domain_id,
    name: row.name,
    fleetId: row.fleet_id ?? undefined,
    joinedAt: row.joined_at ?? undefined,
    category: row.category,
    clusterType: row.cluster_type,
    provider: row.provider,
    kubernetesVersion: row.kubernetes_version,
    phase: row.phase === 'Unavailable' ? 'Unavailable' : 'Available',
    apiEndpoint: row.api_endpoint ?? undefined,
    country: row.country,
    city: row.city ?? undefined,
    region: row.region ?? undefined,
    projectId: row.project_id ?? undefined,
    labels: fromJson(row.labels),
    annotations: fromJson(row.annotations),
    agentDownloaded: Number(row.agent_downloaded) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
