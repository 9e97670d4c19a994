import { randomUUID } from 'node:crypto';
import type { RunningServer } from '@ucs-fleet/server';
import type { ClusterRecord } from '../../src/store/records.js';

/** A registered cluster as the store keeps it: Available, v1.31, at a private API address. */
export function clusterRecord(domainId: string, name: string, over: Partial<ClusterRecord> = {}): ClusterRecord {
  const now = Date.now();
  return {
    id: randomUUID(),
    domainId,
    name,
    fleetId: undefined,
    joinedAt: undefined,
    category: 'attachedcluster',
    clusterType: 'privatek8s',
    provider: 'privatek8s',
    kubernetesVersion: 'v1.31',
    phase: 'Available',
    apiEndpoint: `https://10.0.0.${name.length}:6443`,
    country: 'CN',
    city: '110000',
    region: undefined,
    projectId: undefined,
    labels: {},
    annotations: {},
    agentDownloaded: false,
    createdAt: now,
    updatedAt: now,
    ...over,
  };
}

/** The account of a seeded token. */
export function domainOf(server: RunningServer, token: string): string {
  return server.seed.tokens.find((g) => g.token === token)!.domainId;
}

/** Writes clusters of the token's account into the store, members of `fleetId` (or of none). */
export async function registerInStore(server: RunningServer, token: string, fleetId: string | undefined, ...clusters: (string | ClusterRecord)[]): Promise<ClusterRecord[]> {
  const now = Date.now();
  const domainId = domainOf(server, token);
  const records = clusters
    .map((c) => (typeof c === 'string' ? clusterRecord(domainId, c) : c))
    .map((c) => ({ ...c, fleetId, joinedAt: fleetId === undefined ? undefined : now }));
  return server.store.updateClusters(domainId, () => ({ put: records }), now);
}
