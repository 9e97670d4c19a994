import type { components } from '@ucs-fleet/types';
import type { Caller } from './caller.js';
import type { Clock } from './clock.js';
import type { MembershipService } from './cluster-membership.js';
import { fleetNotFound, federationStateError, invalidBody, invalidQuery, membershipError, quotaExceeded } from './errors.js';
import { clusterGroupView } from './fleet-view.js';
import type { FleetListQuery, FleetRecord, FleetSummary, FleetUpdate } from '../store/records.js';
import type { Store } from '../store/store.js';

type Schemas = components['schemas'];

export interface FleetServiceDeps {
  store: Store;
  clock: Clock;
  newId: () => string;
  quota: number;
  region: string;
  membership: MembershipService;
}

/** Creating, listing, showing and deleting fleets, each within the caller's account. */
export class FleetService {
  constructor(private readonly deps: FleetServiceDeps) {}

  async create(caller: Caller, request: Schemas['RegisterClusterGroupRequest']): Promise<Schemas['RegisterClusterGroupResponse']> {
    const uid = this.deps.newId();
    const outcome = await this.deps.store.createFleet(
      {
        id: uid,
        domainId: caller.domainId,
        name: request.metadata.name,
        description: request.spec?.description,
        clusterIds: [],
        createdAt: this.deps.clock.now(),
      },
      this.deps.quota,
    );
    if (outcome.ok) {
      await this.addInitialClusters(caller, uid, request.spec?.clusterIds ?? []);
      return { uid };
    }
    if (outcome.reason === 'quota-exceeded') throw quotaExceeded(`the account already has ${this.deps.quota} fleets`);
    if (outcome.reason === 'name-taken') throw invalidBody(`metadata.name: a fleet named ${request.metadata.name} already exists`);
    throw new Error('fleet id collision');
  }

  /**
   * spec.clusterIds join as through UpdateClusterGroupAssociatedClusters. Refused, the fleet is
   * deleted again: the request changes nothing, though the fleet existed for that moment.
   */
  private async addInitialClusters(caller: Caller, fleetId: string, clusterIds: readonly string[]): Promise<void> {
    if (clusterIds.length === 0) return;
    try {
      await this.deps.membership.addToFleet(caller, fleetId, clusterIds);
    } catch (err) {
      await this.deps.store.deleteFleet(caller.domainId, fleetId);
      throw err;
    }
  }

  async list(caller: Caller, query: FleetListQuery): Promise<Schemas['ClusterGroupList']> {
    // The validator coerces "limit=Infinity" to a number that passes its checks; the store takes only integers.
    if (query.limit !== undefined && !Number.isSafeInteger(query.limit)) throw invalidQuery(`limit must be an integer, not ${query.limit}`);
    if (!Number.isSafeInteger(query.offset)) throw invalidQuery(`offset must be an integer, not ${query.offset}`);
    const { items, total } = await this.deps.store.listFleets(caller.domainId, query);
    const now = this.deps.clock.now();
    return { items: items.map((f) => clusterGroupView(f, now, this.deps.region)), total };
  }

  async show(caller: Caller, fleetId: string): Promise<Schemas['ClusterGroup']> {
    return clusterGroupView(await this.require(caller, fleetId), this.deps.clock.now(), this.deps.region);
  }

  async delete(caller: Caller, fleetId: string): Promise<Schemas['DeleteClusterGroupResponse']> {
    const fleet = await this.require(caller, fleetId);
    if (fleet.federation) throw federationStateError(`fleet ${fleet.name} has federation enabled; disable federation first`);
    const members = (await this.deps.store.listFleetMembers(fleetId)).length;
    if (members > 0) throw membershipError(`fleet ${fleet.name} still has ${members} cluster${members === 1 ? '' : 's'}; remove them first (LeaveGroup)`);
    if (!(await this.deps.store.deleteFleet(caller.domainId, fleetId))) {
      throw federationStateError(`fleet ${fleet.name} changed while it was being deleted; try again`);
    }
    return { clusterGroupId: fleetId, message: 'The cluster group has been deleted.' };
  }

  /** UpdateClusterGroup: a new description (an empty one clears it); any federation state allows it. */
  async describe(caller: Caller, fleetId: string, description: string): Promise<Schemas['EmptyObject']> {
    await this.update(caller, fleetId, () => ({ change: { description: description === '' ? null : description } }));
    return {};
  }

  /** Writes what `decide` says, on the fleet as it is inside the store's transaction; another account's fleet is missing. */
  async update(caller: Caller, fleetId: string, decide: (fleet: FleetRecord, account: readonly FleetRecord[]) => FleetUpdate): Promise<FleetRecord> {
    const updated = await this.deps.store.updateFleet(caller.domainId, fleetId, decide, this.deps.clock.now());
    if (!updated) throw fleetNotFound(fleetId);
    return updated;
  }

  /** The caller's fleet; another account's fleet answers exactly like a missing one. */
  async require(caller: Caller, fleetId: string): Promise<FleetSummary> {
    const fleet = await this.deps.store.getFleetSummary(caller.domainId, fleetId);
    if (!fleet) throw fleetNotFound(fleetId);
    return fleet;
  }
}
