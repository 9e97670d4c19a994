import { randomUUID } from 'node:crypto';
import { CaCache } from './ca-cache.js';
import type { Clock } from './clock.js';
import { FederationService } from './federation.js';
import { FleetService } from './fleets.js';
import { KubeconfigService } from './kubeconfigs.js';
import { QuotaService } from './quotas.js';
import type { KeyPool, KeyType } from '@ucs-fleet/pki';
import type { Store } from '../store/store.js';

export interface DomainOptions {
  store: Store;
  clock: Clock;
  fleetQuota: number;
  region: string;
  enableDelayMs: () => number;
  allocatePort: () => Promise<number>;
  endpointUrl: (port: number) => string;
  keyType: KeyType;
  keyPool: KeyPool | undefined;
}

/** The domain services the routes call, wired to one store and one clock. */
export interface Domain {
  fleets: FleetService;
  federation: FederationService;
  kubeconfigs: KubeconfigService;
  quotas: QuotaService;
  caCache: CaCache;
}

export function createDomain(o: DomainOptions): Domain {
  const newId = randomUUID;
  const caCache = new CaCache(o.keyPool);
  const fleets = new FleetService({ store: o.store, clock: o.clock, newId, quota: o.fleetQuota, region: o.region });
  const federation = new FederationService({
    store: o.store,
    clock: o.clock,
    fleets,
    caCache,
    newId,
    enableDelayMs: o.enableDelayMs,
    allocatePort: o.allocatePort,
    caKeyType: o.keyType,
  });
  const kubeconfigs = new KubeconfigService({
    store: o.store,
    clock: o.clock,
    fleets,
    federation,
    caCache,
    clientKeyType: o.keyType,
    endpointUrl: o.endpointUrl,
  });
  const quotas = new QuotaService({ store: o.store, fleetQuota: o.fleetQuota });
  return { fleets, federation, kubeconfigs, quotas, caCache };
}
