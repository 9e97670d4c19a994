import { defaultKubernetesVersion, requireKnownKind } from './domain/cluster-kinds.js';
import { clustersPerFleet } from './domain/cluster-membership.js';
import { UcsError } from './domain/errors.js';
import { fleetNamePattern } from './domain/fleet-rules.js';
import type { SeedFleet } from './seed.js';
import { object, SeedError, text } from './seed-values.js';

/** A registered cluster of a seed; what it leaves out takes the defaults below. */
export interface SeedCluster {
  id: string;
  name: string;
  domainId: string;
  /** A fleet of the seed, of the same account, the cluster is a member of. */
  fleetId?: string;
  /** Default `attachedcluster`, type `privatek8s`, provider `privatek8s`. */
  category: string;
  type: string;
  provider: string;
  /** Default: the newest of ListRegisteredClusterVersions. */
  kubernetesVersion: string;
  apiEndpoint?: string;
  /** Default `CN`. */
  country: string;
  city?: string;
}

/** Checks one seed cluster against the seed's fleets and says which entry is wrong. */
export function seedCluster(v: unknown, at: string, fleets: readonly SeedFleet[]): SeedCluster {
  const o = object(v, at);
  const name = text(o.name, `${at}.name`);
  if (name.length > 63 || !fleetNamePattern.test(name)) throw new SeedError(`${at}.name "${name}" breaks the cluster naming rule (lowercase letters, digits and -)`);
  const category = o.category === undefined ? 'attachedcluster' : text(o.category, `${at}.category`);
  const type = o.type === undefined ? (category === 'self' ? 'cce' : category === 'onpremise' ? 'baremetal' : 'privatek8s') : text(o.type, `${at}.type`);
  const provider = o.provider === undefined ? (category === 'self' ? 'huaweicloud' : type) : text(o.provider, `${at}.provider`);
  try {
    requireKnownKind({ category, type, provider });
  } catch (err) {
    if (err instanceof UcsError) throw new SeedError(`${at}: ${err.message}`);
    throw err;
  }
  const cluster: SeedCluster = {
    id: text(o.id, `${at}.id`),
    name,
    domainId: text(o.domainId, `${at}.domainId`),
    category,
    type,
    provider,
    kubernetesVersion: o.kubernetesVersion === undefined ? defaultKubernetesVersion : text(o.kubernetesVersion, `${at}.kubernetesVersion`),
    country: o.country === undefined ? 'CN' : text(o.country, `${at}.country`),
  };
  if (!/^v\d+\.\d+(\.\d+)?$/.test(cluster.kubernetesVersion)) throw new SeedError(`${at}.kubernetesVersion must look like v1.31 or v1.31.2`);
  if (o.apiEndpoint !== undefined) cluster.apiEndpoint = text(o.apiEndpoint, `${at}.apiEndpoint`);
  if (o.city !== undefined) cluster.city = text(o.city, `${at}.city`);
  if (o.fleetId !== undefined) {
    const fleetId = text(o.fleetId, `${at}.fleetId`);
    if (!fleets.some((f) => f.id === fleetId && f.domainId === cluster.domainId)) throw new SeedError(`${at}.fleetId ${fleetId} is not a fleet of the seed in account ${cluster.domainId}`);
    cluster.fleetId = fleetId;
  }
  return cluster;
}

/** The seed's clusters, with the refusals that span entries: names and ids unique, fleets within their limit. */
export function checkSeedClusters(clusters: readonly SeedCluster[], source: string): void {
  const seen = new Set<string>();
  const members = new Map<string, number>();
  for (const c of clusters) {
    for (const key of [`id ${c.id}`, `name ${c.name} in account ${c.domainId}`]) {
      if (seen.has(key)) throw new SeedError(`${source}: clusters: the ${key} is used twice`);
      seen.add(key);
    }
    if (c.fleetId !== undefined) members.set(c.fleetId, (members.get(c.fleetId) ?? 0) + 1);
  }
  for (const [fleetId, n] of members) {
    if (n > clustersPerFleet) throw new SeedError(`${source}: clusters: fleet ${fleetId} would hold ${n} clusters, at most ${clustersPerFleet}`);
  }
}
