import type { components } from '@ucs-fleet/types';
import type { Caller } from './caller.js';
import type { Clock } from './clock.js';
import { apiServerOf, defaultKubernetesVersion, hasAgent, registeredClusterVersions, requireKnownKind } from './cluster-kinds.js';
import { joined, refuseFull, requireCluster, requireFleet } from './cluster-membership.js';
import { clusterView } from './cluster-view.js';
import {
  agentAlreadyDownloaded,
  clusterCategoryUnsupported,
  clusterExists,
  clusterKubeconfigError,
  clusterNotFound,
  clusterNotUnregistrable,
  invalidBody,
  invalidQuery,
  quotaExceeded,
} from './errors.js';
import { agentManifests } from './cluster-agent.js';
import type { ClusterAccount, ClusterListQuery, ClusterRecord, ClusterWrite } from '../store/records.js';
import type { Store } from '../store/store.js';

type Schemas = components['schemas'];

export interface ClusterServiceDeps {
  store: Store;
  clock: Clock;
  newId: () => string;
  /** The most clusters one account registers (UCS.00000017 beyond). */
  quota: number;
}

/** Registering, listing, showing, changing and deregistering clusters, each within the caller's account. */
export class ClusterService {
  constructor(private readonly deps: ClusterServiceDeps) {}

  async register(caller: Caller, request: Schemas['RegisterClusterRequest']): Promise<Schemas['RegisterClusterResponse']> {
    const { metadata, spec } = request;
    const category = requireKnownKind(spec);
    const fleetId = spec.clusterGroupID ? spec.clusterGroupID : undefined;
    if (spec.manageType === 'grouped' && fleetId === undefined) throw invalidBody('spec.clusterGroupID: a grouped cluster names the fleet it joins');
    if (spec.manageType === 'discrete' && fleetId !== undefined) throw invalidBody('spec.manageType: a discrete cluster joins no fleet; send grouped with spec.clusterGroupID');
    const { annotations, apiEndpoint } = withoutKubeconfig(metadata.annotations ?? {});
    if (category.needsKubeconfig && apiEndpoint === undefined) throw clusterKubeconfigError(`a ${spec.category} cluster is registered with its kubeconfig in metadata.annotations.kubeconfig`);
    const id = this.deps.newId();
    const now = this.deps.clock.now();
    const cluster: ClusterRecord = {
      id,
      domainId: caller.domainId,
      name: metadata.name,
      fleetId: undefined,
      joinedAt: undefined,
      category: spec.category,
      clusterType: spec.type,
      provider: spec.provider,
      kubernetesVersion: defaultKubernetesVersion,
      phase: 'Available',
      apiEndpoint,
      country: spec.country,
      city: spec.city,
      region: spec.region,
      projectId: spec.projectID,
      labels: metadata.labels ?? {},
      annotations,
      agentDownloaded: false,
      createdAt: now,
      updatedAt: now,
    };
    await this.deps.store.updateClusters(
      caller.domainId,
      (account) => {
        if (account.clusters.some((c) => c.name === cluster.name)) throw clusterExists(`a cluster named ${cluster.name} is registered`);
        if (account.clusters.length >= this.deps.quota) throw quotaExceeded(`the account already has ${this.deps.quota} clusters`);
        if (fleetId === undefined) return { put: [cluster] };
        const fleet = requireFleet(account, fleetId);
        refuseFull(fleet, 1);
        return { put: [joined(cluster, fleet.id, now)] };
      },
      now,
    );
    return { uid: id };
  }

  async list(caller: Caller, query: ClusterListQuery, withStatus: boolean): Promise<Schemas['ClusterList']> {
    requireIntegerPaging(query);
    const { items, total } = await this.deps.store.listClusters(caller.domainId, query);
    return { items: await this.views(caller, items, withStatus), total };
  }

  async show(caller: Caller, clusterId: string): Promise<Schemas['Cluster']> {
    const cluster = await this.deps.store.getCluster(caller.domainId, clusterId);
    if (!cluster) throw clusterNotFound(clusterId);
    const [view] = await this.views(caller, [cluster], true);
    return view!;
  }

  /** ListManagedClusters: the CCE clusters the server knows are the registered ones, so none is unimported. */
  async listManaged(caller: Caller, query: { unimported?: boolean; limit?: number; offset: number }): Promise<Schemas['Cluster'][]> {
    requireIntegerPaging(query);
    if (query.unimported === true) return [];
    const { items } = await this.list(caller, { limit: query.limit, offset: query.offset, orderBy: 'create_at', order: 'asc', category: 'self' }, true);
    return items;
  }

  /** UpdateCluster: country, city and annotations of a cluster with an agent. */
  async update(caller: Caller, clusterId: string, request: Schemas['UpdateClusterRequest']): Promise<Schemas['EmptyObject']> {
    const changed = request.metadata?.annotations === undefined ? undefined : withoutKubeconfig(request.metadata.annotations);
    await this.change(caller, clusterId, (cluster, now) => {
      if (!hasAgent(cluster.category)) throw clusterCategoryUnsupported(`cluster ${cluster.name} is a ${cluster.category} cluster, whose country, city and kubeconfig UCS keeps`);
      return {
        put: [
          {
            ...cluster,
            country: request.spec?.country ?? cluster.country,
            city: request.spec?.city ?? cluster.city,
            annotations: changed?.annotations ?? cluster.annotations,
            apiEndpoint: changed?.apiEndpoint ?? cluster.apiEndpoint,
            updatedAt: now,
          },
        ],
      };
    });
    return {};
  }

  /** DeleteCluster: only a cluster in no fleet. */
  async delete(caller: Caller, clusterId: string): Promise<Schemas['EmptyObject']> {
    await this.change(caller, clusterId, (cluster, _now, account) => {
      if (cluster.fleetId !== undefined) {
        const fleet = account.fleets.find((f) => f.id === cluster.fleetId)?.name ?? cluster.fleetId;
        throw clusterNotUnregistrable(`cluster ${cluster.name} is in fleet ${fleet}; remove it from the fleet first (LeaveGroup)`);
      }
      return { delete: [cluster.id] };
    });
    return {};
  }

  /** ShowClusterAccessInfo: the agent manifests, once per activation. */
  async accessInfo(caller: Caller, clusterId: string, query: { vpcendpoint?: string; region?: string }): Promise<string[]> {
    let manifests: string[] = [];
    await this.change(caller, clusterId, (cluster, now) => {
      if (!hasAgent(cluster.category)) throw clusterCategoryUnsupported(`cluster ${cluster.name} is a ${cluster.category} cluster, which has no agent`);
      if (cluster.agentDownloaded) throw agentAlreadyDownloaded(`the agent manifests of cluster ${cluster.name} were already downloaded; retry its activation to download them again`);
      manifests = agentManifests(cluster, query);
      return { put: [{ ...cluster, agentDownloaded: true, updatedAt: now }] };
    });
    return manifests;
  }

  /** RetryClusterActivation: the agent manifests may be downloaded once more. */
  async retryActivation(caller: Caller, clusterId: string): Promise<Schemas['EmptyObject']> {
    await this.change(caller, clusterId, (cluster, now) => {
      if (!hasAgent(cluster.category)) throw clusterCategoryUnsupported(`cluster ${cluster.name} is a ${cluster.category} cluster, which has no agent to activate`);
      return { put: [{ ...cluster, agentDownloaded: false, updatedAt: now }] };
    });
    return {};
  }

  versions(): Schemas['RegisteredClusterVersions'] {
    return { versions: [...registeredClusterVersions] };
  }

  /** Writes what `decide` says of the account's cluster, as it is inside the store's transaction. */
  private async change(caller: Caller, clusterId: string, decide: (cluster: ClusterRecord, now: number, account: ClusterAccount) => ClusterWrite): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.updateClusters(caller.domainId, (account) => decide(requireCluster(account, clusterId), now, account), now);
  }

  /** The clusters' views, each with its fleet's federation as it is now. */
  private async views(caller: Caller, clusters: readonly ClusterRecord[], withStatus: boolean): Promise<Schemas['Cluster'][]> {
    const fleetIds = [...new Set(clusters.flatMap((c) => (c.fleetId !== undefined ? [c.fleetId] : [])))];
    const fleets = new Map((await Promise.all(fleetIds.map((id) => this.deps.store.getFleetSummary(caller.domainId, id)))).flatMap((f) => (f ? [[f.id, f] as const] : [])));
    const now = this.deps.clock.now();
    return clusters.map((c) => clusterView(c, c.fleetId !== undefined ? fleets.get(c.fleetId) : undefined, now, withStatus));
  }
}

/** The validator coerces "limit=Infinity" to a number that passes its checks; the store takes only integers. */
function requireIntegerPaging(query: { limit?: number; offset: number }): void {
  if (query.limit !== undefined && !Number.isSafeInteger(query.limit)) throw invalidQuery(`limit must be an integer, not ${query.limit}`);
  if (!Number.isSafeInteger(query.offset)) throw invalidQuery(`offset must be an integer, not ${query.offset}`);
}

/**
 * The annotations to keep, and the API server of the kubeconfig among them: the kubeconfig
 * itself is not kept, since it holds the cluster's credentials.
 */
function withoutKubeconfig(annotations: Record<string, string>): { annotations: Record<string, string>; apiEndpoint: string | undefined } {
  const { kubeconfig, ...kept } = annotations;
  return { annotations: kept, apiEndpoint: kubeconfig === undefined ? undefined : apiServerOf(kubeconfig) };
}
