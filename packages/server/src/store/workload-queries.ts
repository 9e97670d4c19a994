import type { Kysely, Selectable } from 'kysely';
import { fromJson } from './columns.js';
import type { WorkloadKey, WorkloadRecord } from './records.js';
import type { Tables, WorkloadsTable } from './schema.js';

/** The queries of federated workloads, for sql-store.ts: written once for both engines. */
export async function workloadByKey(db: Kysely<Tables>, fleetId: string, key: WorkloadKey): Promise<WorkloadRecord | undefined> {
  const row = await whereKey(db.selectFrom('workloads').selectAll(), fleetId, key).executeTakeFirst();
  return row && workloadFromRow(row);
}

export async function listWorkloads(db: Kysely<Tables>, fleetId: string): Promise<WorkloadRecord[]> {
  const rows = await db.selectFrom('workloads').selectAll().where('fleet_id', '=', fleetId).orderBy('kind').orderBy('namespace').orderBy('name').execute();
  return rows.map(workloadFromRow);
}

/** Inserts the workload, or replaces the stored one of the same key. */
export async function putWorkload(trx: Kysely<Tables>, w: WorkloadRecord, exists: boolean): Promise<WorkloadRecord> {
  const content = JSON.stringify(w.content);
  if (exists) await whereKey(trx.updateTable('workloads').set({ content, generation: w.generation, updated_at: w.updatedAt }), w.fleetId, w).execute();
  else {
    await trx
      .insertInto('workloads')
      .values({ fleet_id: w.fleetId, kind: w.kind, namespace: w.namespace, name: w.name, uid: w.uid, content, generation: w.generation, created_at: w.createdAt, updated_at: w.updatedAt })
      .execute();
  }
  return w;
}

export async function deleteWorkload(trx: Kysely<Tables>, fleetId: string, key: WorkloadKey): Promise<null> {
  await whereKey(trx.deleteFrom('workloads'), fleetId, key).execute();
  return null;
}

/** Every workload of a fleet goes with its federation (DisableFederation) or the fleet. */
export async function deleteFleetWorkloads(trx: Kysely<Tables>, fleetId: string): Promise<void> {
  await trx.deleteFrom('workloads').where('fleet_id', '=', fleetId).execute();
}

interface Filterable<Q> {
  where(column: 'fleet_id' | 'kind' | 'namespace' | 'name', op: '=', value: string): Q;
}

function whereKey<Q extends Filterable<Q>>(query: Q, fleetId: string, key: WorkloadKey): Q {
  return query.where('fleet_id', '=', fleetId).where('kind', '=', key.kind).where('namespace', '=', key.namespace).where('name', '=', key.name);
}

function workloadFromRow(row: Selectable<WorkloadsTable>): WorkloadRecord {
  return {
    fleetId: row.fleet_id,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    uid: row.uid,
    content: fromJson(row.content),
    generation: Number(row.generation),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
