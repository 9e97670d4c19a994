import { randomUUID } from 'node:crypto';
import { newFederation } from './domain/federation.js';
import type { KeyType } from '@ucs-fleet/pki';
import type { Seed, SeedCluster, SeedFleet } from './seed.js';
import type { ClusterRecord } from './store/records.js';
import type { Store } from './store/store.js';

export interface SeedApplyDeps {
  store: Store;
  now: number;
  keyType: KeyType;
  federationDelayMs: number;
}

/**
 * Creates the seed's fleets, then its clusters, that the store does not hold yet, in the state
 * the seed names. One already in the store is left as it is: a restart never undoes what users did.
 */
export async function applySeedFleets(seed: Seed, deps: SeedApplyDeps): Promise<void> {
  for (const fleet of seed.fleets) {
    if (await deps.store.getFleet(fleet.domainId, fleet.id)) continue;
    const created = await deps.store.createFleet(
      { id: fleet.id, domainId: fleet.domainId, name: fleet.name, description: fleet.description, clusterIds: [], createdAt: deps.now },
      Number.MAX_SAFE_INTEGER,
    );
    // Another replica starting at the same moment may have just created it.
    if (!created.ok && created.reason === 'id-taken') continue;
    if (!created.ok) throw new Error(`seed fleet ${fleet.name} (${fleet.id}) cannot be created: ${created.reason}`);
    await applyFederation(fleet, deps);
  }
  for (const cluster of seed.clusters ?? []) await applySeedCluster(cluster, deps);
}

/** Registers a seed cluster unless its id or name is taken; into its fleet while that fleet is still there. */
async function applySeedCluster(c: SeedCluster, deps: SeedApplyDeps): Promise<void> {
  await deps.store.updateClusters(
    c.domainId,
    ({ clusters, fleets }) => {
      if (clusters.some((x) => x.id === c.id || x.name === c.name)) return {};
      const fleet = c.fleetId === undefined ? undefined : fleets.find((f) => f.id === c.fleetId);
      const record: ClusterRecord = {
        id: c.id,
        domainId: c.domainId,
        name: c.name,
        fleetId: fleet?.id,
        joinedAt: fleet ? deps.now : undefined,
        category: c.category,
        clusterType: c.type,
        provider: c.provider,
        kubernetesVersion: c.kubernetesVersion,
        phase: 'Available',
        apiEndpoint: c.apiEndpoint,
        country: c.country,
        city: c.city,
        region: undefined,
        projectId: undefined,
        labels: {},
        annotations: {},
        agentDownloaded: false,
        createdAt: deps.now,
        updatedAt: deps.now,
      };
      return { put: [record] };
    },
    deps.now,
  );
}

async function applyFederation(fleet: SeedFleet, deps: SeedApplyDeps): Promise<void> {
  if (fleet.federation === 'disabled' || fleet.federation === undefined) return;
  const delayMs = fleet.federation === 'enabling' ? deps.federationDelayMs : 0;
  const { federation, job } = await newFederation(fleet, deps.now, delayMs, { newId: randomUUID, ...deps, caKeyType: deps.keyType });
  await deps.store.startFederation(fleet.domainId, fleet.id, federation, job, deps.now);
  if (fleet.connection) {
    const connection = { id: randomUUID(), projectId: 'seed-project', vpcId: 'seed-vpc', subnetId: 'seed-subnet', createdAt: deps.now };
    await deps.store.createConnection(fleet.domainId, fleet.id, connection, deps.now);
  }
}
