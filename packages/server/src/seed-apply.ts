import { randomUUID } from 'node:crypto';
import { newFederation } from './domain/federation.js';
import type { KeyType } from '@ucs-fleet/pki';
import type { Seed, SeedFleet } from './seed.js';
import type { Store } from './store/store.js';

export interface SeedApplyDeps {
  store: Store;
  now: number;
  keyType: KeyType;
  federationDelayMs: number;
}

/**
 * Creates the seed's fleets that the store does not hold yet, in the state the seed names.
 * A fleet already in the store is left as it is: a restart never undoes what users did.
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
