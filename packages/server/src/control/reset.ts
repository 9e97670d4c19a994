import type { Domain } from '../domain/index.js';
import type { Seed } from '../seed.js';
import type { Store } from '../store/store.js';
import type { ResetTarget } from './handlers.js';

export interface ResetDeps {
  store: Store;
  domain: Pick<Domain, 'caCache'>;
  seed: Seed;
  /** Creates the seed's fleets in an empty store, as at a first start. */
  applySeed: () => Promise<void>;
  /** Drops the federation endpoint's open connections: their fleets are gone. */
  cutEndpointConnections: () => void;
}

/** Empties the store (and the CAs cached from it), then applies the seed unless asked for empty; answers the fleets it holds. */
export async function resetStore(to: ResetTarget, d: ResetDeps): Promise<number> {
  await d.store.clearAll();
  d.domain.caCache.clear();
  if (to === 'seed') await d.applySeed();
  d.cutEndpointConnections();
  return to === 'seed' ? d.seed.fleets.length : 0;
}
