import type { components } from '@ucs-fleet/types';
import type { Caller } from './caller.js';
import type { Clock } from './clock.js';
import { associatedClustersInvalid, clusterNotFound, fleetClusterLimit, fleetNotFound, membershipError } from './errors.js';
import type { ClusterAccount, ClusterRecord, FleetSummary } from '../store/records.js';
import type { Store } from '../store/store.js';

type Schemas = components['schemas'];

/** The most clusters one fleet holds (UCS.01100006 beyond). */
export const clustersPerFleet = 50;

export interface MembershipServiceDeps {
  store: Store;
  clock: Clock;
}

/**
 * Which fleet a cluster is in: JoinGroup, LeaveGroup, and the clusters a fleet is given when it
 * is created or by UpdateClusterGroupAssociatedClusters. A cluster is in at most one fleet; the
 * store moves it in the fleet's clusterIds in the same transaction.
 */
export class MembershipService {
  constructor(private readonly deps: MembershipServiceDeps) {}

  /** JoinGroup: joining the fleet it is in already changes nothing. */
  async join(caller: Caller, clusterId: string, fleetId: string): Promise<Schemas['EmptyObject']> {
    await this.write(caller, (account, now) => {
      const cluster = requireCluster(account, clusterId);
      const fleet = requireFleet(account, fleetId);
      if (cluster.fleetId === fleet.id) return [];
      refuseOtherFleet(cluster, fleet, account);
      refuseFull(fleet, 1);
      return [joined(cluster, fleet.id, now)];
    });
    return {};
  }

  /** LeaveGroup: refused for a cluster in no fleet. */
  async leave(caller: Caller, clusterId: string): Promise<Schemas['EmptyObject']> {
    await this.write(caller, (account, now) => {
      const cluster = requireCluster(account, clusterId);
      if (cluster.fleetId === undefined) throw membershipError(`cluster ${cluster.name} is in no fleet`);
      return [{ ...cluster, fleetId: undefined, joinedAt: undefined, updatedAt: now }];
    });
    return {};
  }

  /**
   * Makes registered clusters of the account members of the fleet, all or none: each must be
   * in no other fleet, and the fleet's list (ids kept from before clusters were registered
   * included) must stay within the limit.
   */
  async addToFleet(caller: Caller, fleetId: string, clusterIds: readonly string[]): Promise<Schemas['EmptyObject']> {
    await this.write(caller, (account, now) => {
      const fleet = requireFleet(account, fleetId);
      const byId = new Map(account.clusters.map((c) => [c.id, c]));
      const unknown = clusterIds.filter((id) => !byId.has(id));
      if (unknown.length > 0) throw associatedClustersInvalid(`${unknown.join(', ')} ${unknown.length === 1 ? 'is not a registered cluster' : 'are not registered clusters'} of the account`);
      const added = [...new Set(clusterIds)].filter((id) => !fleet.clusterIds.includes(id)).map((id) => byId.get(id)!);
      for (const cluster of added) refuseOtherFleet(cluster, fleet, account);
      refuseFull(fleet, added.length);
      return added.map((c) => joined(c, fleet.id, now));
    });
    return {};
  }

  private async write(caller: Caller, decide: (account: ClusterAccount, now: number) => ClusterRecord[]): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.updateClusters(caller.domainId, (account) => ({ put: decide(account, now) }), now);
  }
}

/** The account's cluster; another account's cluster answers exactly like a missing one. */
export function requireCluster(account: ClusterAccount, clusterId: string): ClusterRecord {
  const cluster = account.clusters.find((c) => c.id === clusterId);
  if (!cluster) throw clusterNotFound(clusterId);
  return cluster;
}

/** The account's fleet; another account's fleet answers exactly like a missing one. */
export function requireFleet(account: ClusterAccount, fleetId: string): FleetSummary {
  const fleet = account.fleets.find((f) => f.id === fleetId);
  if (!fleet) throw fleetNotFound(fleetId);
  return fleet;
}

/** UCS.01100006 when `more` members would take the fleet beyond the limit. */
export function refuseFull(fleet: FleetSummary, more: number): void {
  const size = fleet.clusterIds.length + more;
  if (more > 0 && size > clustersPerFleet) throw fleetClusterLimit(`fleet ${fleet.name} would hold ${size} clusters, at most ${clustersPerFleet}`);
}

export function joined(cluster: ClusterRecord, fleetId: string, now: number): ClusterRecord {
  return { ...cluster, fleetId, joinedAt: now, updatedAt: now };
}

function refuseOtherFleet(cluster: ClusterRecord, fleet: FleetSummary, account: ClusterAccount): void {
  if (cluster.fleetId === undefined || cluster.fleetId === fleet.id) return;
  const other = account.fleets.find((f) => f.id === cluster.fleetId)?.name ?? cluster.fleetId;
  throw membershipError(`cluster ${cluster.name} is in fleet ${other}; remove it from that fleet first (LeaveGroup)`);
}
