import type { Kubeconfig, paths, components } from '@ucs-fleet/types';
import createClient, { type Client } from 'openapi-fetch';
import { akskMiddleware, domainMiddleware, tokenMiddleware } from './auth-middleware.js';
import { UcsApiError, UcsNetworkError } from './errors.js';

type Schemas = components['schemas'];

export interface UcsClientOptions {
  /** e.g. https://ucs.myhuaweicloud.com or http://127.0.0.1:8080 */
  endpoint: string;
  token?: string;
  accessKey?: string;
  secretKey?: string;
  /** Sent as X-Domain-Id, as the official SDKs do for UCS. */
  domainId?: string;
  fetch?: typeof globalThis.fetch;
}

export interface ListFleetsQuery {
  limit?: number;
  offset?: number;
  order_by?: 'create_at' | 'update_at';
  order?: 'desc' | 'asc';
}

export type ConnectionRequest = Schemas['FederationConnectionRequest'];

/** Which workload ShowProxyUnitedWorkload and DeleteProxyUnitedWorkload address. */
export interface WorkloadQuery {
  kind: Schemas['WorkloadKind'];
  name: string;
  namespace?: string;
}
export type ListClustersQuery = NonNullable<paths['/v1/clusters']['get']['parameters']['query']>;
export type ListManagedClustersQuery = NonNullable<paths['/v1/managedclusters']['get']['parameters']['query']>;
export type ClusterAccessQuery = NonNullable<paths['/v1/clusters/{clusterid}/accessinfo']['get']['parameters']['query']>;

/** The typed UCS client: each call returns the typed body or throws UcsApiError / UcsNetworkError. */
export interface UcsClient {
  /** The underlying openapi-fetch client, typed by openapi.yaml's paths. */
  readonly raw: Client<paths>;
  createFleet(request: Schemas['RegisterClusterGroupRequest']): Promise<Schemas['RegisterClusterGroupResponse']>;
  listFleets(query?: ListFleetsQuery): Promise<Schemas['ClusterGroupList']>;
  showFleet(fleetId: string): Promise<Schemas['ClusterGroup']>;
  deleteFleet(fleetId: string): Promise<Schemas['DeleteClusterGroupResponse']>;
  enableFederation(fleetId: string): Promise<Schemas['JobAccepted']>;
  federationProgress(fleetId: string): Promise<Schemas['Job']>;
  disableFederation(fleetId: string): Promise<Schemas['JobAccepted']>;
  createConnection(fleetId: string, request: ConnectionRequest): Promise<Schemas['FederationConnectionResponse']>;
  createFederationCert(fleetId: string, request: Schemas['FederationCertRequest']): Promise<Kubeconfig>;
  downloadFederationKubeconfig(fleetId: string, request: { duration: number }): Promise<Kubeconfig>;
  /** UpdateClusterGroup: a new description for the fleet ('' clears it). */
  updateFleetDescription(fleetId: string, description: string): Promise<Schemas['EmptyObject']>;
  /** UpdateClusterGroupAssociatedClusters: adds clusters to the fleet. */
  addFleetClusters(fleetId: string, clusterIds: string[]): Promise<Schemas['EmptyObject']>;
  /** UpdateClusterGroupAssociatedRules: replaces the fleet's permission-policy bindings. */
  bindFleetRules(fleetId: string, ruleIDNamespaces: Schemas['RuleIDNamespaces'][]): Promise<Schemas['EmptyObject']>;
  /** UpdateClusterGroupAssociatedZones: replaces the root domains of the federation's domain-name access. */
  setFederationZones(fleetId: string, dnsSuffix: string[]): Promise<Schemas['EmptyObject']>;
  /** UpgradeFederation: starts upgrading the federation (to the newest allowed version when none is given). */
  upgradeFederation(fleetId: string, targetVersion?: string): Promise<Schemas['JobAccepted']>;
  /** RollbackFederation: starts taking the federation back to the version before its last upgrade. */
  rollbackFederation(fleetId: string): Promise<Schemas['JobAccepted']>;
  /** CreateProxyUnitedWorkload: stores a federated workload in the fleet's federation. */
  createWorkload(fleetId: string, workload: Schemas['MutiWorkload']): Promise<Schemas['MutiWorkload']>;
  /** ShowProxyUnitedWorkload: the workload of that kind, namespace (default: `default`) and name. */
  showWorkload(fleetId: string, query: WorkloadQuery): Promise<Schemas['MutiWorkload']>;
  /** UpdateProxyUnitedWorkload: replaces the workload the body names. */
  updateWorkload(fleetId: string, workload: Schemas['MutiWorkload']): Promise<Schemas['MutiWorkload']>;
  /** DeleteProxyUnitedWorkload: deletes the workload of that kind, namespace and name. */
  deleteWorkload(fleetId: string, query: WorkloadQuery): Promise<Schemas['EmptyObject']>;
  /** EnableClusterGroupPolicy: starts enabling the fleet's policy center. */
  enableFleetPolicy(fleetId: string, retry?: boolean): Promise<Schemas['PolicyJobAccepted']>;
  /** DisableClusterGroupPolicy: turns the fleet's policy center off, dropping its instances. */
  disableFleetPolicy(fleetId: string): Promise<Schemas['PolicyJobAccepted']>;
  /** CreateClusterGroupPolicyInstance: applies a policy definition to namespaces of the fleet. */
  createFleetPolicyInstance(fleetId: string, request: Schemas['PolicyInstanceRequest']): Promise<Schemas['PolicyJobAccepted']>;
  /** ListServerConfigs: the service configuration, with the federation upgrade map. */
  listServerConfigs(): Promise<Schemas['ServerConfigs']>;
  /** ShowQuota: the quotas of an account (the caller's own) and what of each is used. */
  showQuota(domainId: string): Promise<Schemas['ShowQuotaResponse']>;
  /** CreateClusterKubeconfig: a kubeconfig for one registered cluster, with a new client certificate. */
  createClusterKubeconfig(clusterId: string): Promise<Kubeconfig>;
  /** RegisterCluster: registers (attaches or imports) a cluster; its new ID. */
  registerCluster(request: Schemas['RegisterClusterRequest']): Promise<Schemas['RegisterClusterResponse']>;
  /** ShowClusterList: the registered clusters of the account, filtered and paged. */
  listClusters(query?: ListClustersQuery): Promise<Schemas['ClusterList']>;
  /** ShowCluster: one registered cluster. */
  showCluster(clusterId: string): Promise<Schemas['Cluster']>;
  /** UpdateCluster: country, city and annotations of an attached or on-premises cluster. */
  updateCluster(clusterId: string, request: Schemas['UpdateClusterRequest']): Promise<Schemas['EmptyObject']>;
  /** DeleteCluster: deregisters a cluster that is in no fleet. */
  deleteCluster(clusterId: string): Promise<Schemas['EmptyObject']>;
  /** ListManagedClusters: the account's CCE clusters. */
  listManagedClusters(query?: ListManagedClustersQuery): Promise<Schemas['Cluster'][]>;
  /** ShowClusterAccessInfo: the agent manifests of an attached or on-premises cluster, once per activation. */
  showClusterAccessInfo(clusterId: string, query?: ClusterAccessQuery): Promise<string[]>;
  /** JoinGroup: puts the cluster into the fleet. */
  joinFleet(clusterId: string, fleetId: string): Promise<Schemas['EmptyObject']>;
  /** LeaveGroup: takes the cluster out of its fleet. */
  leaveFleet(clusterId: string): Promise<Schemas['EmptyObject']>;
  /** ListRegisteredClusterVersions: the Kubernetes versions a registered cluster may run. */
  listRegisteredClusterVersions(): Promise<Schemas['RegisteredClusterVersions']>;
  /** RetryClusterActivation: allows one more download of the agent manifests. */
  retryClusterActivation(clusterId: string): Promise<Schemas['EmptyObject']>;
}

export function createUcsClient(options: UcsClientOptions): UcsClient {
  const raw = createRawClient(options);
  const withFleet = (clustergroupid: string) => ({ params: { path: { clustergroupid } } });
  const withCluster = (clusterid: string) => ({ params: { path: { clusterid } } });
  return {
    raw,
    createFleet: (body) => call(options, raw.POST('/v1/clustergroups', { body })),
    listFleets: (query = {}) => call(options, raw.GET('/v1/clustergroups', { params: { query } })),
    showFleet: (id) => call(options, raw.GET('/v1/clustergroups/{clustergroupid}', withFleet(id))),
    deleteFleet: (id) => call(options, raw.DELETE('/v1/clustergroups/{clustergroupid}', withFleet(id))),
    enableFederation: (id) => call(options, raw.POST('/v1/clustergroups/{clustergroupid}/federations', withFleet(id))),
    federationProgress: (id) => call(options, raw.GET('/v1/clustergroups/{clustergroupid}/federations/progress', withFleet(id))),
    disableFederation: (id) => call(options, raw.DELETE('/v1/clustergroups/{clustergroupid}/federations', withFleet(id))),
    createConnection: (id, body) => call(options, raw.POST('/v1/clustergroups/{clustergroupid}/connection', { ...withFleet(id), body })),
    createFederationCert: (id, body) => call(options, raw.POST('/v1/clustergroups/{clustergroupid}/cert', { ...withFleet(id), body })),
    downloadFederationKubeconfig: (id, body) =>
      call(options, raw.POST('/v1/clustergroups/{clustergroupid}/kubeconfig', { ...withFleet(id), body })),
    updateFleetDescription: (id, description) =>
      call(options, raw.PUT('/v1/clustergroups/{clustergroupid}/description', { ...withFleet(id), body: { description } })),
    addFleetClusters: (id, clusterIds) =>
      call(options, raw.PUT('/v1/clustergroups/{clustergroupid}/associatedclusters', { ...withFleet(id), body: { clusterIds } })),
    bindFleetRules: (id, ruleIDNamespaces) =>
      call(options, raw.PUT('/v1/clustergroups/{clustergroupid}/associatedrules', { ...withFleet(id), body: { ruleIDNamespaces } })),
    setFederationZones: (id, dnsSuffix) =>
      call(options, raw.PUT('/v1/clustergroups/{clustergroupid}/associatedzones', { ...withFleet(id), body: { dnsSuffix } })),
    upgradeFederation: (id, targetVersion) =>
      call(options, raw.POST('/v1/clustergroups/{clustergroupid}/federations/upgrade', { ...withFleet(id), body: targetVersion === undefined ? {} : { targetVersion } })),
    createWorkload: (id, body) => call(options, raw.POST('/v1/clustergroups/{clustergroupid}/unitedworkload', { ...withFleet(id), body })),
    showWorkload: (id, query) => call(options, raw.GET('/v1/clustergroups/{clustergroupid}/unitedworkload', { params: { path: { clustergroupid: id }, query } })),
    updateWorkload: (id, body) => call(options, raw.PUT('/v1/clustergroups/{clustergroupid}/unitedworkload', { ...withFleet(id), body })),
    deleteWorkload: (id, query) => call(options, raw.DELETE('/v1/clustergroups/{clustergroupid}/unitedworkload', { params: { path: { clustergroupid: id }, query } })),
    rollbackFederation: (id) => call(options, raw.POST('/v1/clustergroups/{clustergroupid}/federations/rollback', withFleet(id))),
    enableFleetPolicy: (id, retry) =>
      call(options, raw.POST('/v1/clustergroups/{clustergroupid}/policy', { params: { path: { clustergroupid: id }, ...(retry === undefined ? {} : { query: { retry: retry ? 'true' : 'false' } }) } })),
    disableFleetPolicy: (id) => call(options, raw.DELETE('/v1/clustergroups/{clustergroupid}/policy', withFleet(id))),
    createFleetPolicyInstance: (id, body) => call(options, raw.POST('/v1/clustergroups/{clustergroupid}/policyinstance', { ...withFleet(id), body })),
    listServerConfigs: () => call(options, raw.GET('/v1/serverconfig')),
    showQuota: (domainid) => call(options, raw.GET('/v1/maintenance/quota/{domainid}', { params: { path: { domainid } } })),
    createClusterKubeconfig: (clusterid) => call(options, raw.POST('/v1/clusters/{clusterid}/kubeconfig', { params: { path: { clusterid } } })),
    registerCluster: (body) => call(options, raw.POST('/v1/clusters', { body })),
    listClusters: (query = {}) => call(options, raw.GET('/v1/clusters', { params: { query } })),
    showCluster: (id) => call(options, raw.GET('/v1/clusters/{clusterid}', withCluster(id))),
    updateCluster: (id, body) => call(options, raw.PUT('/v1/clusters/{clusterid}', { ...withCluster(id), body })),
    deleteCluster: (id) => call(options, raw.DELETE('/v1/clusters/{clusterid}', withCluster(id))),
    listManagedClusters: (query = {}) => call(options, raw.GET('/v1/managedclusters', { params: { query } })),
    showClusterAccessInfo: (id, query = {}) => call(options, raw.GET('/v1/clusters/{clusterid}/accessinfo', { params: { path: { clusterid: id }, query } })),
    joinFleet: (id, clusterGroupID) => call(options, raw.POST('/v1/clusters/{clusterid}/join', { ...withCluster(id), body: { clusterGroupID } })),
    leaveFleet: (id) => call(options, raw.POST('/v1/clusters/{clusterid}/unjoin', withCluster(id))),
    listRegisteredClusterVersions: () => call(options, raw.GET('/v1/config/registeredclusterversions')),
    retryClusterActivation: (id) => call(options, raw.PUT('/v1/clusters/{clusterid}/activation', withCluster(id))),
  };
}

function createRawClient(options: UcsClientOptions): Client<paths> {
  const raw = createClient<paths>({ baseUrl: options.endpoint.replace(/\/+$/, ''), ...(options.fetch ? { fetch: options.fetch } : {}) });
  if (options.domainId) raw.use(domainMiddleware(options.domainId));
  if (options.token) raw.use(tokenMiddleware(options.token));
  if (options.accessKey || options.secretKey) {
    if (!options.accessKey || !options.secretKey) throw new TypeError('createUcsClient: accessKey and secretKey go together');
    raw.use(akskMiddleware(options.accessKey, options.secretKey));
  }
  if (!options.token && !options.accessKey) throw new TypeError('createUcsClient: give a token or an accessKey and secretKey');
  return raw;
}

async function call<T>(options: UcsClientOptions, pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (err) {
    throw new UcsNetworkError(options.endpoint, networkCode(err), { cause: err });
  }
  if (!result.response.ok || result.data === undefined) throw UcsApiError.fromResponse(result.response, result.error);
  return result.data;
}

/** The system error code (ECONNREFUSED...) or, failing that, fetch's own reason ("bad port"...). */
function networkCode(err: unknown): string | undefined {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof cause?.message === 'string' ? cause.message : undefined;
}
