import type { components } from '@ucs-fleet/types';
import type { Caller } from './caller.js';
import type { CaCache } from './ca-cache.js';
import type { Clock } from './clock.js';
import { federationStateError, fleetNotFound } from './errors.js';
import { federationStatus, type FederationStatus } from './fleet-rules.js';
import type { FederationEvents } from './federation-events.js';
import { jobView } from './federation-job.js';
import { initialFederationVersion } from './federation-versions.js';
import type { FleetService } from './fleets.js';
import { createFleetCa, type KeyType } from '@ucs-fleet/pki';
import { fleetCaValidityDays } from './ca-lifetime.js';
import type { ConnectionRecord, FederationRecord, FederationSummary, FleetSummary, JobRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

type Schemas = components['schemas'];

export interface FederationServiceDeps {
  store: Store;
  clock: Clock;
  fleets: FleetService;
  caCache: CaCache;
  newId: () => string;
  /** How long enabling takes; read per call so that a stub can change it. */
  enableDelayMs: () => number;
  caKeyType: KeyType;
  events: FederationEvents;
}

/** A fleet's federation once enabling is done, and its connection if it has one. */
export interface ReadyFederation {
  federation: FederationSummary;
  connection: ConnectionRecord | undefined;
}

export interface ConnectedFederation extends ReadyFederation {
  connection: ConnectionRecord;
}

/** The federation state machine of a fleet: enable, progress, disable, connect. */
export class FederationService {
  constructor(private readonly deps: FederationServiceDeps) {}

  async enable(caller: Caller, fleetId: string): Promise<Schemas['JobAccepted']> {
    const fleet = await this.deps.fleets.require(caller, fleetId);
    const { state } = this.statusOf(fleet);
    if (state !== 'disabled') {
      throw federationStateError(`federation of fleet ${fleet.name} is already ${state === 'enabling' ? 'being enabled' : 'enabled'}`);
    }
    const now = this.deps.clock.now();
    const { federation, job } = await newFederation(fleet, now, this.deps.enableDelayMs(), this.deps);
    if (!(await this.deps.store.startFederation(caller.domainId, fleetId, federation, job, now))) {
      throw federationStateError(`federation of fleet ${fleet.name} is already being enabled`);
    }
    this.deps.events.emit('enabled', { fleetId, federationId: federation.id });
    return { jobId: job.id, message: 'The federation is being created' };
  }

  async disable(caller: Caller, fleetId: string): Promise<Schemas['JobAccepted']> {
    const fleet = await this.deps.fleets.require(caller, fleetId);
    if (!fleet.federation) throw federationStateError(`federation of fleet ${fleet.name} is not enabled`);
    const now = this.deps.clock.now();
    const job: JobRecord = { id: this.deps.newId(), fleetId, type: 'DeleteFederation', federationId: fleet.federation.id, startedAt: now, readyAt: now };
    if (!(await this.deps.store.stopFederation(caller.domainId, fleetId, job, now))) {
      throw federationStateError(`federation of fleet ${fleet.name} is not enabled`);
    }
    this.deps.caCache.forget(fleet.federation.id);
    this.deps.events.emit('disabled', { fleetId, federationId: fleet.federation.id });
    return { jobId: job.id, message: 'The federation is being disabled' };
  }

  async progress(caller: Caller, fleetId: string): Promise<Schemas['Job']> {
    const fleet = await this.deps.fleets.require(caller, fleetId);
    const job = await this.deps.store.latestJob(fleetId);
    if (!job) throw fleetNotFound(`${fleetId} has no federation job`);
    return jobView(job, fleet.name, this.deps.clock.now());
  }

  async connect(caller: Caller, fleetId: string, request: Schemas['FederationConnectionRequest']): Promise<Schemas['FederationConnectionResponse']> {
    const fleet = await this.deps.fleets.require(caller, fleetId);
    if (this.requireReady(fleet).connection) throw federationStateError(`the federation connection of fleet ${fleet.name} already exists`);
    const now = this.deps.clock.now();
    const connection = { id: this.deps.newId(), projectId: request.projectID, vpcId: request.vpcID, subnetId: request.subnetID, createdAt: now };
    if (!(await this.deps.store.createConnection(caller.domainId, fleetId, connection, now))) {
      throw federationStateError(`the federation of fleet ${fleet.name} changed while connecting; try again`);
    }
    return { id: connection.id };
  }

  /** Connects unless the fleet is already connected to the same VPC and subnet. */
  async ensureConnection(caller: Caller, fleetId: string, request: Schemas['FederationConnectionRequest']): Promise<void> {
    const fleet = await this.deps.fleets.require(caller, fleetId);
    const existing = fleet.connection;
    if (!existing) {
      await this.connect(caller, fleetId, request);
      return;
    }
    if (existing.vpcId !== request.vpcID || existing.subnetId !== request.subnetID || existing.projectId !== request.projectID) {
      throw federationStateError(`fleet ${fleet.name} is already connected to another VPC or subnet`);
    }
  }

  /** The fleet's federation, enabled and done enabling, or the UCS error that says which is not. */
  requireReady(fleet: FleetSummary): ReadyFederation {
    const status = this.statusOf(fleet);
    if (status.state === 'disabled') throw federationStateError(`federation of fleet ${fleet.name} is not enabled`);
    if (status.state === 'enabling') throw federationStateError(`federation of fleet ${fleet.name} is still being enabled`);
    return { federation: status.federation, connection: fleet.connection };
  }

  /** A ready federation with its VPC connection: what a kubeconfig needs. */
  requireConnected(fleet: FleetSummary): ConnectedFederation {
    const { federation, connection } = this.requireReady(fleet);
    if (!connection) throw federationStateError(`the federation connection of fleet ${fleet.name} has not been created`);
    return { federation, connection };
  }

  private statusOf(fleet: FleetSummary): FederationStatus<FederationSummary> {
    return federationStatus(fleet.federation, this.deps.clock.now());
  }
}

/** A new federation for a fleet (with its CA) and the job that enables it. */
export async function newFederation(
  fleet: { id: string; name: string },
  now: number,
  delayMs: number,
  deps: Pick<FederationServiceDeps, 'newId' | 'caKeyType'>,
): Promise<{ federation: FederationRecord; job: JobRecord }> {
  const id = deps.newId();
  const ca = await createFleetCa({ fleetId: fleet.id, fleetName: fleet.name, now: new Date(now), keyType: deps.caKeyType, validityDays: fleetCaValidityDays });
  const readyAt = now + Math.max(0, delayMs);
  const federation: FederationRecord = { id, startedAt: now, readyAt, ca, version: initialFederationVersion, upgrade: undefined };
  const job: JobRecord = { id: deps.newId(), fleetId: fleet.id, type: 'CreateFederation', federationId: id, startedAt: now, readyAt };
  return { federation, job };
}
