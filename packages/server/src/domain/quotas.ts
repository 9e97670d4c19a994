import type { components } from '@ucs-fleet/types';
import type { Caller } from './caller.js';
import { forbidden } from './errors.js';
import { ruleIds, rulesPerAccount } from './fleet-associations.js';
import type { Store } from '../store/store.js';

type QuotaResource = components['schemas']['QuotaResource'];

export interface QuotaServiceDeps {
  store: Store;
  fleetQuota: number;
  clusterQuota: number;
}

/** The UCS default limits and their bounds (UCS ShowQuota example), for what the server does not enforce itself. */
const defaults = {
  cluster: { min: 20, max: 100 },
  clustergroup: { min: 20, max: 100 },
  rule: { min: 20, max: 100 },
  federation: { quota: 10, min: 1, max: 50 },
} as const;

/** ShowQuota: the account's limits and what of each its fleets use. */
export class QuotaService {
  constructor(private readonly deps: QuotaServiceDeps) {}

  async show(caller: Caller, domainId: string): Promise<components['schemas']['ShowQuotaResponse']> {
    if (domainId !== caller.domainId) throw forbidden(`the quotas of account ${domainId} are not the caller's`);
    const { items } = await this.deps.store.listFleets(caller.domainId, { limit: Number.MAX_SAFE_INTEGER, offset: 0, orderBy: 'create_at', order: 'asc' });
    const clusters = await this.deps.store.listClusters(caller.domainId, { limit: 0, offset: 0, orderBy: 'create_at', order: 'asc' });
    const federated = items.filter((f) => f.federation !== undefined).length;
    return {
      quotas: {
        resources: [
          resource('cluster', this.deps.clusterQuota, clusters.total, defaults.cluster),
          resource('clustergroup', this.deps.fleetQuota, items.length, defaults.clustergroup),
          resource('rule', rulesPerAccount, new Set(items.flatMap(ruleIds)).size, defaults.rule),
          resource('federation', defaults.federation.quota, federated, defaults.federation),
        ],
      },
    };
  }
}

function resource(type: QuotaResource['type'], quota: number, used: number, bounds: { min: number; max: number }): QuotaResource {
  return { type, quota: String(quota), used: String(used), min: String(bounds.min), max: String(bounds.max) };
}
