import type { components } from '@ucs-fleet/types';
import type { Caller } from './caller.js';
import type { Clock } from './clock.js';
import { federationStateError, invalidBody } from './errors.js';
import { upgradeTargets } from './federation-versions.js';
import { federationStatus } from './fleet-rules.js';
import type { FleetService } from './fleets.js';
import type { FederationSummary, FleetUpdate, JobRecord } from '../store/records.js';

type Schemas = components['schemas'];

export interface UpgradeServiceDeps {
  clock: Clock;
  fleets: FleetService;
  newId: () => string;
  /** How long an upgrade takes; the same setting as enabling, read per call. */
  upgradeDelayMs: () => number;
}

/** True while the federation's latest upgrade has not reached its readyAt. */
export function isUpgrading(federation: FederationSummary, now: number): boolean {
  return federation.upgrade !== undefined && now < federation.upgrade.readyAt;
}

/** The version a federation runs at a moment: the one an upgrade started from until it is done. */
export function runningVersion(federation: FederationSummary, now: number): string {
  return isUpgrading(federation, now) && federation.upgrade ? federation.upgrade.from : federation.version;
}

/** UpgradeFederation: a job that takes a ready federation to a version ListServerConfigs allows. */
export class UpgradeService {
  constructor(private readonly deps: UpgradeServiceDeps) {}

  async upgrade(caller: Caller, fleetId: string, targetVersion: string | undefined): Promise<Schemas['JobAccepted']> {
    let jobId = '';
    await this.deps.fleets.update(caller, fleetId, (fleet): FleetUpdate => {
      const now = this.deps.clock.now();
      const status = federationStatus(fleet.federation, now);
      if (status.state === 'disabled') throw federationStateError(`federation of fleet ${fleet.name} is not enabled`);
      if (status.state === 'enabling') throw federationStateError(`federation of fleet ${fleet.name} is still being enabled`);
      const federation = status.federation;
      if (isUpgrading(federation, now)) throw federationStateError(`federation of fleet ${fleet.name} is already being upgraded to ${federation.version}`);
      const targets = upgradeTargets(federation.version);
      if (targets.length === 0) throw federationStateError(`federation of fleet ${fleet.name} is at ${federation.version}, the newest version`);
      if (targetVersion !== undefined && !targets.includes(targetVersion)) {
        throw invalidBody(`targetVersion: ${federation.version} can be upgraded to ${targets.join(', ')}, not ${targetVersion}`);
      }
      const to = targetVersion ?? targets.at(-1)!;
      const readyAt = now + Math.max(0, this.deps.upgradeDelayMs());
      const job: JobRecord = { id: this.deps.newId(), fleetId, type: 'UpgradeFederation', federationId: federation.id, startedAt: now, readyAt };
      jobId = job.id;
      return { change: { upgrade: { to, record: { from: federation.version, startedAt: now, readyAt } } }, job };
    });
    return { jobId, message: 'The federation is being upgraded' };
  }
}
