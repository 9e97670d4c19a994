import type { components } from '@ucs-fleet/types';
import type { Caller } from './caller.js';
import type { Clock } from './clock.js';
import { federationStateError, invalidBody } from './errors.js';
import { upgradeTargets } from './federation-versions.js';
import { federationStatus } from './fleet-rules.js';
import type { FleetService } from './fleets.js';
import type { FederationSummary, FleetSummary, FleetUpdate, JobRecord } from '../store/records.js';

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

/**
 * True when the federation's latest version change took it back (RollbackFederation): its version
 * is not one its `from` could be upgraded to. A rollback reuses the upgrade record, so that the
 * version before it is kept the same way.
 */
export function isRollback(federation: FederationSummary): boolean {
  return federation.upgrade !== undefined && !upgradeTargets(federation.upgrade.from).includes(federation.version);
}

/** The version a federation runs at a moment: the one an upgrade started from until it is done. */
export function runningVersion(federation: FederationSummary, now: number): string {
  return isUpgrading(federation, now) && federation.upgrade ? federation.upgrade.from : federation.version;
}

/**
 * UpgradeFederation: a job that takes a ready federation to a version ListServerConfigs allows;
 * RollbackFederation: a job that takes it back to the version before its last upgrade.
 */
export class UpgradeService {
  constructor(private readonly deps: UpgradeServiceDeps) {}

  async upgrade(caller: Caller, fleetId: string, targetVersion: string | undefined): Promise<Schemas['JobAccepted']> {
    let jobId = '';
    await this.deps.fleets.update(caller, fleetId, (fleet): FleetUpdate => {
      const now = this.deps.clock.now();
      const federation = idleFederation(fleet, now);
      const targets = upgradeTargets(federation.version);
      if (targets.length === 0) throw federationStateError(`federation of fleet ${fleet.name} is at ${federation.version}, the newest version`);
      if (targetVersion !== undefined && !targets.includes(targetVersion)) {
        throw invalidBody(`targetVersion: ${federation.version} can be upgraded to ${targets.join(', ')}, not ${targetVersion}`);
      }
      const update = this.versionChange(fleetId, federation, targetVersion ?? targets.at(-1)!, 'UpgradeFederation', now);
      jobId = update.job.id;
      return update;
    });
    return { jobId, message: 'The federation is being upgraded' };
  }

  async rollback(caller: Caller, fleetId: string): Promise<Schemas['JobAccepted']> {
    let jobId = '';
    await this.deps.fleets.update(caller, fleetId, (fleet): FleetUpdate => {
      const now = this.deps.clock.now();
      const federation = idleFederation(fleet, now);
      if (!federation.upgrade) throw federationStateError(`federation of fleet ${fleet.name} was never upgraded: nothing to roll back`);
      if (isRollback(federation)) throw federationStateError(`federation of fleet ${fleet.name} was already rolled back to ${federation.version}: nothing to roll back`);
      const update = this.versionChange(fleetId, federation, federation.upgrade.from, 'RollbackFederation', now);
      jobId = update.job.id;
      return update;
    });
    return { jobId, message: 'The federation is being rolled back' };
  }

  private versionChange(fleetId: string, federation: FederationSummary, to: string, type: JobRecord['type'], now: number): FleetUpdate & { job: JobRecord } {
    const readyAt = now + Math.max(0, this.deps.upgradeDelayMs());
    const job: JobRecord = { id: this.deps.newId(), fleetId, type, federationId: federation.id, startedAt: now, readyAt, extendParam: to };
    return { change: { upgrade: { to, record: { from: federation.version, startedAt: now, readyAt } } }, job };
  }
}

/** The fleet's federation, done enabling and with no upgrade or rollback running, or the UCS error that says which is not. */
function idleFederation(fleet: FleetSummary, now: number): FederationSummary {
  const status = federationStatus(fleet.federation, now);
  if (status.state === 'disabled') throw federationStateError(`federation of fleet ${fleet.name} is not enabled`);
  if (status.state === 'enabling') throw federationStateError(`federation of fleet ${fleet.name} is still being enabled`);
  const federation = status.federation;
  if (isUpgrading(federation, now)) {
    throw federationStateError(
      isRollback(federation)
        ? `federation of fleet ${fleet.name} is being rolled back to ${federation.version}`
        : `federation of fleet ${fleet.name} is already being upgraded to ${federation.version}`,
    );
  }
  return federation;
}
