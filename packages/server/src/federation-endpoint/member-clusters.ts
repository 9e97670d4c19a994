/**
 * What the federation endpoint shows of a fleet's member clusters: the fields a Karmada
 * `Cluster` object carries (karmada-cluster.ts). The endpoint reads them at every request, so a
 * join or a leave made through the UCS API shows at the next one; nothing is cached or polled.
 */
import type { ClusterRecord } from '../store/records.js';
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

/** The members of a fleet of any account (the endpoint knows only the fleet id of its path). */
export type FleetMembers = (fleetId: string) => Promise<MemberCluster[]>;

/**
 * The fleet's registered members (JoinGroup, LeaveGroup), read from the store at each call. A
 * Karmada Cluster object is made when its cluster joins, so it is as old as the membership; UCS
 * keeps no sync mode (its API answers `""`), and a cluster joined by UCS is pushed to: `Push`.
 */
export function registeredMembers(store: Store): FleetMembers {
  return async (fleetId) => (await store.listFleetMembers(fleetId)).map(memberOf);
}

function memberOf(c: ClusterRecord): MemberCluster {
  return {
    name: c.name,
    uid: c.id,
    kubernetesVersion: c.kubernetesVersion,
    syncMode: 'Push',
    apiEndpoint: c.apiEndpoint ?? '',
    ready: c.phase === 'Available' ? 'True' : 'False',
    createdAt: c.joinedAt ?? c.createdAt,
  };
}
