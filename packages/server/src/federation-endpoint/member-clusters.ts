/**
 * What the federation endpoint shows of a fleet's member clusters: the fields a Karmada
 * `Cluster` object carries (karmada-cluster.ts). The endpoint reads them at every request, so a
 * join or a leave made through the UCS API shows at the next one; nothing is cached or polled.
 */
import type { Store } from '../store/store.js';

export interface MemberCluster {
  /** metadata.name: the cluster's name. */
  name: string;
  /** metadata.uid and spec.id: the cluster's id. */
  uid: string;
  /** status.kubernetesVersion, e.g. `v1.31.4`; empty when not known. */
  kubernetesVersion: string;
  /** spec.syncMode. */
  syncMode: 'Push' | 'Pull';
  /** spec.apiEndpoint; empty when not known. */
  apiEndpoint: string;
  /** The status of the `Ready` condition, as Karmada's cluster status controller sets it. */
  ready: 'True' | 'False' | 'Unknown';
  /** metadata.creationTimestamp, epoch ms. */
  createdAt: number;
}

/** The members of a fleet of any account (the endpoint knows only the fleet id of its path), in a stable order. */
export type FleetMembers = (fleetId: string) => Promise<MemberCluster[]>;

/**
 * Members as the fleet's `clusterIds` list them (UpdateClusterGroupAssociatedClusters): a bare
 * id says nothing of the cluster, so each is a Push member named by its id, readiness unknown,
 * as old as the fleet.
 */
export function membersFromClusterIds(store: Store): FleetMembers {
  return async (fleetId) => {
    const fleet = (await store.listFederatedFleets()).find((f) => f.id === fleetId);
    return (fleet?.clusterIds ?? []).map((id) => ({
      name: id,
      uid: id,
      kubernetesVersion: '',
      syncMode: 'Push',
      apiEndpoint: '',
      ready: 'Unknown',
      createdAt: fleet!.createdAt,
    }));
  };
}
