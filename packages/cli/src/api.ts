import { createUcsClient, UcsApiError, type ClusterGroup, type components, type UcsClient } from '@ucs-fleet/client';
import type { Settings } from './credentials.js';

/** How long one API call may take before it counts as a network error. */
const requestTimeoutMs = 60_000;

/** The typed client for the resolved settings; each request gives up after a minute. */
export function clientFor(settings: Settings): UcsClient {
  return createUcsClient({
    endpoint: settings.endpoint.value,
    ...(settings.token ? { token: settings.token.value } : {}),
    ...(settings.accessKey && settings.secretKey ? { accessKey: settings.accessKey.value, secretKey: settings.secretKey.value } : {}),
    ...(settings.domainId ? { domainId: settings.domainId.value } : {}),
    fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(requestTimeoutMs) }),
  });
}

/**
 * The fleet a user named, by ID or by name: the ID is tried first, and on a 404 the account's
 * fleets are searched by name. If neither matches, the API's own 404 is thrown (code, request id).
 */
export function findFleet(client: UcsClient, ref: string): Promise<ClusterGroup> {
  return byIdOrName(ref, (id) => client.showFleet(id), () => client.listFleets());
}

/** The cluster a user named, by ID or by name, found as findFleet finds a fleet. */
export function findCluster(client: UcsClient, ref: string): Promise<components['schemas']['Cluster']> {
  return byIdOrName(ref, (id) => client.showCluster(id), () => client.listClusters());
}

async function byIdOrName<T extends { metadata: { name: string } }>(ref: string, show: (id: string) => Promise<T>, list: () => Promise<{ items: T[] }>): Promise<T> {
  try {
    return await show(ref);
  } catch (err) {
    if (!(err instanceof UcsApiError) || err.status !== 404) throw err;
    const byName = (await list()).items.find((item) => item.metadata.name === ref);
    if (byName) return byName;
    throw err;
  }
}

/** Available, Enabling or Unavailable: the fleet's federation condition. */
export function federationStatus(fleet: ClusterGroup): string {
  return fleet.status.conditions.find((c) => c.type === 'Federation')?.status ?? 'Unknown';
}
