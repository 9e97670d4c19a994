import { createFleetCa, type KeyType } from '@ucs-fleet/pki';
import type { CaRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

/**
 * The CA of the federation endpoint's serving certificate, kept in the store: every replica and
 * every restart serves a certificate of this one CA, so a kubeconfig's certificate-authority-data
 * stays valid. Made by the first process to start on an empty store (replicas racing here keep
 * the one stored first). It is a CA like a fleet's (same builder, ten years), named for the endpoint.
 */
export async function endpointCa(store: Store, now: number, keyType: KeyType): Promise<CaRecord> {
  const stored = await store.getEndpointCa();
  if (stored) return stored;
  const made = await createFleetCa({ fleetId: 'ucs-federation-endpoint', fleetName: 'endpoint', now: new Date(now), keyType });
  return store.insertEndpointCa(made, now);
}
