import type { components } from '@ucs-fleet/types';
import type { Caller } from './caller.js';
import type { Clock } from './clock.js';
import { federationStateError, quotaExceeded } from './errors.js';
import { federationStatus } from './fleet-rules.js';
import type { FleetService } from './fleets.js';
import type { FleetSummary, RuleNamespacesRecord } from '../store/records.js';

type Schemas = components['schemas'];

/** The most distinct permission policies an account binds over all its fleets (the UCS `rule` quota). */
export const rulesPerAccount = 50;

export interface AssociationServiceDeps {
  clock: Clock;
  fleets: FleetService;
}

/** What a fleet is associated with: its permission policies and its federation's DNS suffixes (its clusters: cluster-membership.ts). */
export class AssociationService {
  constructor(private readonly deps: AssociationServiceDeps) {}

  /** UpdateClusterGroupAssociatedRules: the fleet's bindings replaced, within the account's rule quota. */
  async bindRules(caller: Caller, fleetId: string, bindings: readonly RuleNamespacesRecord[]): Promise<Schemas['EmptyObject']> {
    await this.deps.fleets.update(caller, fleetId, (fleet, account) => {
      const others = account.filter((f) => f.id !== fleet.id);
      const rules = new Set([...others.flatMap(ruleIds), ...bindings.flatMap((b) => b.ruleIDs)]);
      if (rules.size > rulesPerAccount) throw quotaExceeded(`the account would bind ${rules.size} permission policies, at most ${rulesPerAccount}`);
      return { change: { ruleNamespaces: bindings.map((b) => ({ ruleIDs: [...b.ruleIDs], namespaces: [...b.namespaces] })) } };
    });
    return {};
  }

  /** UpdateClusterGroupAssociatedZones: the federation's DNS suffixes replaced; federation must be on and ready. */
  async setZones(caller: Caller, fleetId: string, dnsSuffix: readonly string[]): Promise<Schemas['EmptyObject']> {
    await this.deps.fleets.update(caller, fleetId, (fleet) => {
      const { state } = federationStatus(fleet.federation, this.deps.clock.now());
      if (state === 'disabled') throw federationStateError(`federation of fleet ${fleet.name} is not enabled`);
      if (state === 'enabling') throw federationStateError(`federation of fleet ${fleet.name} is still being enabled`);
      return { change: { dnsSuffix: [...new Set(dnsSuffix)] } };
    });
    return {};
  }
}

/** Every permission policy bound to a fleet. */
export function ruleIds(fleet: FleetSummary): string[] {
  return fleet.ruleNamespaces.flatMap((b) => b.ruleIDs);
}

/** Every namespace a fleet's permission policies are bound to, sorted (ClusterGroupSpec.ruleNamespaces). */
export function ruleNamespaceNames(fleet: FleetSummary): string[] {
  return [...new Set(fleet.ruleNamespaces.flatMap((b) => b.namespaces))].sort();
}
