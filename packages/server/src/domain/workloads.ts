import type { components } from '@ucs-fleet/types';
import type { Caller } from './caller.js';
import type { Clock } from './clock.js';
import { fleetNotFound, invalidBody, notFederated, resourceNotFound } from './errors.js';
import { federationStatus } from './fleet-rules.js';
import type { FleetService } from './fleets.js';
import { rfc3339 } from './time-format.js';
import type { FleetSummary, WorkloadContent, WorkloadKey, WorkloadRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

type Schemas = components['schemas'];
type Workload = Schemas['MutiWorkload'];

export interface WorkloadServiceDeps {
  store: Store;
  clock: Clock;
  fleets: FleetService;
  newId: () => string;
}

/** Where a workload is when its request names no namespace, as in Kubernetes. */
export const defaultNamespace = 'default';

/** The workload a Show or Delete names in its query. */
export interface WorkloadQuery {
  kind: Schemas['WorkloadKind'];
  namespace?: string;
  name: string;
}

/**
 * Create / Show / Update / DeleteProxyUnitedWorkload: federated workloads, kept in the fleet's
 * federation. Each write is one store transaction that sees the fleet and the workload as they
 * are then, so a workload never outlives the federation that DisableFederation removes.
 */
export class WorkloadService {
  constructor(private readonly deps: WorkloadServiceDeps) {}

  async create(caller: Caller, fleetId: string, request: Workload): Promise<Workload> {
    const key = keyOf(request);
    const written = await this.write(caller, fleetId, key, (fleet, existing, now) => {
      if (existing) throw invalidBody(`metadata.name: ${describe(key)} already exists in fleet ${fleet.name}`);
      return { put: { ...key, fleetId, uid: this.deps.newId(), content: contentOf(request), generation: 1, createdAt: now, updatedAt: now } };
    });
    return workloadView(written);
  }

  async update(caller: Caller, fleetId: string, request: Workload): Promise<Workload> {
    const key = keyOf(request);
    const written = await this.write(caller, fleetId, key, (fleet, existing, now) => {
      if (!existing) throw workloadNotFound(key, fleet);
      return { put: { ...existing, content: contentOf(request), generation: existing.generation + 1, updatedAt: now } };
    });
    return workloadView(written);
  }

  async delete(caller: Caller, fleetId: string, query: WorkloadQuery): Promise<Schemas['EmptyObject']> {
    const key = keyOfQuery(query);
    const outcome = await this.deps.store.changeWorkload(caller.domainId, fleetId, key, (fleet, existing) => {
      this.requireFederated(fleet);
      if (!existing) throw workloadNotFound(key, fleet);
      return { delete: true };
    });
    if (outcome === undefined) throw fleetNotFound(fleetId);
    return {};
  }

  async show(caller: Caller, fleetId: string, query: WorkloadQuery): Promise<Workload> {
    const fleet = await this.deps.fleets.require(caller, fleetId);
    this.requireFederated(fleet);
    const key = keyOfQuery(query);
    const workload = await this.deps.store.getWorkload(fleetId, key);
    if (!workload) throw workloadNotFound(key, fleet);
    return workloadView(workload);
  }

  /** A put decided inside the store's transaction; the federation must be ready. */
  private async write(
    caller: Caller,
    fleetId: string,
    key: WorkloadKey,
    decide: (fleet: FleetSummary, existing: WorkloadRecord | undefined, now: number) => { put: WorkloadRecord },
  ): Promise<WorkloadRecord> {
    const now = this.deps.clock.now();
    const outcome = await this.deps.store.changeWorkload(caller.domainId, fleetId, key, (fleet, existing) => {
      this.requireFederated(fleet);
      return decide(fleet, existing, now);
    });
    if (outcome === undefined) throw fleetNotFound(fleetId);
    if (outcome === null) throw new Error('a put wrote no workload');
    return outcome;
  }

  private requireFederated(fleet: FleetSummary): void {
    const status = federationStatus(fleet.federation, this.deps.clock.now());
    if (status.state === 'disabled') throw notFederated(`federation of fleet ${fleet.name} is not enabled`);
    if (status.state === 'enabling') throw notFederated(`federation of fleet ${fleet.name} is still being enabled`);
  }
}

function keyOf(request: Workload): WorkloadKey {
  return { kind: request.kind, namespace: request.metadata.namespace ?? defaultNamespace, name: request.metadata.name };
}

function keyOfQuery(query: WorkloadQuery): WorkloadKey {
  return { kind: query.kind, namespace: query.namespace ?? defaultNamespace, name: query.name };
}

const describe = (key: WorkloadKey): string => `${key.kind} ${key.namespace}/${key.name}`;

const workloadNotFound = (key: WorkloadKey, fleet: FleetSummary) => resourceNotFound(`${describe(key)} in fleet ${fleet.name}`);

/** What a request sets beyond the workload's identity, kept as sent; the metadata fields the server sets are dropped. */
function contentOf(request: Workload): WorkloadContent {
  const { kind: _kind, metadata, ...rest } = request;
  const content: WorkloadContent = { ...rest };
  if (metadata.labels) content.labels = metadata.labels;
  if (metadata.annotations) content.annotations = metadata.annotations;
  return content;
}

/** The MutiWorkload of the API for a stored workload. */
export function workloadView(w: WorkloadRecord): Workload {
  // The content is what the validator let through in a request (contentOf), so it has these types.
  const { apiVersion, labels, annotations, ...bundle } = w.content as Omit<Workload, 'kind' | 'metadata'> & Pick<Workload['metadata'], 'labels' | 'annotations'>;
  return {
    kind: w.kind as Workload['kind'],
    ...(apiVersion !== undefined ? { apiVersion } : {}),
    metadata: {
      name: w.name,
      namespace: w.namespace,
      ...(labels ? { labels } : {}),
      ...(annotations ? { annotations } : {}),
      uid: w.uid,
      creationTimestamp: rfc3339(w.createdAt),
      updateTimestamp: rfc3339(w.updatedAt),
      resourceVersion: String(w.generation),
      generation: String(w.generation),
    },
    ...bundle,
  };
}
