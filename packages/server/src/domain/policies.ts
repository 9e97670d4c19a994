import type { components } from '@ucs-fleet/types';
import type { Caller } from './caller.js';
import type { Clock } from './clock.js';
import { policyAlreadyEnabled, policyBusy, policyNotEnabled } from './errors.js';
import type { FleetService } from './fleets.js';
import type { FleetRecord, PolicyRecord } from '../store/records.js';

type Schemas = components['schemas'];

export interface PolicyServiceDeps {
  clock: Clock;
  fleets: FleetService;
  newId: () => string;
  /** How long enabling the policy center takes; the same setting as federation, read per call. */
  enableDelayMs: () => number;
}

/** The policy center of a fleet at a moment, derived from stored times only. */
export type PolicyState = 'disabled' | 'enabling' | 'enabled';

export function policyState(policy: PolicyRecord | undefined, now: number): PolicyState {
  if (!policy) return 'disabled';
  return now < policy.readyAt ? 'enabling' : 'enabled';
}

/** EnableClusterGroupPolicy / DisableClusterGroupPolicy / CreateClusterGroupPolicyInstance. */
export class PolicyService {
  constructor(private readonly deps: PolicyServiceDeps) {}

  async enable(caller: Caller, fleetId: string): Promise<Schemas['PolicyJobAccepted']> {
    const jobID = this.deps.newId();
    await this.deps.fleets.update(caller, fleetId, (fleet) => {
      const now = this.deps.clock.now();
      this.refuseBusy(fleet, now);
      if (fleet.policy) throw policyAlreadyEnabled(`the policy center of fleet ${fleet.name} is already enabled`);
      const policy: PolicyRecord = { id: this.deps.newId(), startedAt: now, readyAt: now + Math.max(0, this.deps.enableDelayMs()), instances: 0 };
      return { change: { policy } };
    });
    return { jobID };
  }

  async disable(caller: Caller, fleetId: string): Promise<Schemas['PolicyJobAccepted']> {
    await this.deps.fleets.update(caller, fleetId, (fleet) => {
      this.refuseBusy(fleet, this.deps.clock.now());
      if (!fleet.policy) throw policyNotEnabled(`the policy center of fleet ${fleet.name} is not enabled`);
      return { change: { policy: null } };
    });
    return { jobID: this.deps.newId() };
  }

  async createInstance(caller: Caller, fleetId: string, request: Schemas['PolicyInstanceRequest']): Promise<Schemas['PolicyJobAccepted']> {
    const jobID = this.deps.newId();
    await this.deps.fleets.update(caller, fleetId, (fleet) => {
      const now = this.deps.clock.now();
      const state = policyState(fleet.policy, now);
      if (state === 'disabled' || !fleet.policy) throw policyNotEnabled(`the policy center of fleet ${fleet.name} is not enabled`);
      if (state === 'enabling') throw policyBusy(`the policy center of fleet ${fleet.name} is still being enabled`);
      const instance = {
        id: jobID,
        fleetId,
        templateId: request.constraintTemplateID,
        enforcementAction: request.enforcementAction ?? 'deny',
        namespaces: request.namespaces ?? [],
        parameters: request.parameters ?? {},
        createdAt: now,
      };
      return { change: { policy: { ...fleet.policy, instances: fleet.policy.instances + 1 } }, policyInstance: instance };
    });
    return { jobID };
  }

  private refuseBusy(fleet: FleetRecord, now: number): void {
    if (policyState(fleet.policy, now) === 'enabling') throw policyBusy(`the policy center of fleet ${fleet.name} is being enabled`);
  }
}
