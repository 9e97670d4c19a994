import { createUcsClient, UcsApiError, type ClusterGroup, type UcsClient } from '@ucs-fleet/client';
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
export async function findFleet(client: UcsClient, ref: string): Promise<ClusterGroup> {
  try {
    return await client.showFleet(ref);
  } catch (err) {
    if (!(err instanceof UcsApiError) || err.status !== 404) throw err;
    const { items } = await client.listFleets();
    const byName = items.find((f) => f.metadata.name === ref);
    if (byName) return byName;
    throw err;
  }
}

/** Available, Enabling or Unavailable: the fleet's federation condition. */
export function federationStatus(fleet: ClusterGroup): string {
  return fleet.status.conditions.find((c) => c.type === 'Federation')?.status ?? 'Unknown';
}
