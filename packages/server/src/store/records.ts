/** A fleet as the store keeps it. Times are epoch milliseconds. */
export interface FleetRecord extends FleetSummary {
  federation: FederationRecord | undefined;
}

/** A fleet without its federation's CA: what every request but a CA load needs. */
export interface FleetSummary {
  id: string;
  domainId: string;
  name: string;
  description: string | undefined;
  clusterIds: string[];
  /** Root domains of the federation's domain-name access (UpdateClusterGroupAssociatedZones). */
  dnsSuffix: string[];
  /** Permission policies bound to namespaces, as UpdateClusterGroupAssociatedRules set them. */
  ruleNamespaces: RuleNamespacesRecord[];
  /** The policy center, from the moment enabling starts until it is disabled. */
  policy: PolicyRecord | undefined;
  createdAt: number;
  updatedAt: number;
  /** 1 when created, one more with every write of the fleet: its resourceVersion and generation. */
  revision: number;
  federation: FederationSummary | undefined;
  connection: ConnectionRecord | undefined;
}

/** Federation of a fleet, from the moment enabling starts until it is disabled. */
export interface FederationRecord extends FederationSummary {
  ca: CaRecord;
}

/** A federation as its endpoint checks a client: the CA's certificate, never its key. */
export interface FederationTrust extends FederationSummary {
  caCertPem: string;
}

/** A federation without its CA (the PEMs are read only when the CA cache lacks them). */
export interface FederationSummary {
  id: string;
  startedAt: number;
  /** When enabling completes; the federation state is derived from it, never from a timer. */
  readyAt: number;
  /** The version it runs, or is being upgraded to while `upgrade` is running. */
  version: string;
  upgrade: UpgradeRecord | undefined;
}

/** The latest upgrade (or rollback) of a federation; it is done once readyAt has passed. */
export interface UpgradeRecord {
  from: string;
  startedAt: number;
  readyAt: number;
}

export interface PolicyRecord {
  id: string;
  startedAt: number;
  /** When enabling completes; derived like a federation's, never from a timer. */
  readyAt: number;
  /** How many policy instances the fleet has. */
  instances: number;
}

/** A policy instance (constraint) of a fleet, kept as it was asked for. */
export interface PolicyInstanceRecord {
  id: string;
  fleetId: string;
  templateId: string;
  enforcementAction: 'warn' | 'deny';
  namespaces: string[];
  parameters: Record<string, unknown>;
  createdAt: number;
}

export interface RuleNamespacesRecord {
  ruleIDs: string[];
  namespaces: string[];
}

export interface CaRecord {
  certPem: string;
  keyPem: string;
}

export interface ConnectionRecord {
  id: string;
  projectId: string;
  vpcId: string;
  subnetId: string;
  createdAt: number;
}

export type JobType = 'CreateFederation' | 'DeleteFederation' | 'UpgradeFederation' | 'RollbackFederation';

export interface JobRecord {
  id: string;
  fleetId: string;
  type: JobType;
  federationId: string;
  startedAt: number;
  readyAt: number;
  /** The job's extra parameter: the version an upgrade or a rollback goes to. */
  extendParam?: string;
}

/** What identifies a federated workload in its fleet. */
export interface WorkloadKey {
  kind: string;
  namespace: string;
  name: string;
}

/** What a workload's create or update set beyond its identity (manifest, policies, labels), kept as sent. */
export type WorkloadContent = Record<string, unknown>;

/** A federated workload (CreateProxyUnitedWorkload) of a fleet's federation. */
export interface WorkloadRecord extends WorkloadKey {
  fleetId: string;
  uid: string;
  content: WorkloadContent;
  /** 1 when created, one more with every update. */
  generation: number;
  createdAt: number;
  updatedAt: number;
}

/** What a workload write does, decided inside its transaction. */
export type WorkloadWrite = { put: WorkloadRecord } | { delete: true };

/** What is recorded of an issued client certificate: never its private key. */
export interface CertificateRecord {
  serial: string;
  fleetId: string;
  federationId: string;
  subject: string;
  notBefore: number;
  notAfter: number;
  issuedAt: number;
}

export type NewFleet = Pick<FleetRecord, 'id' | 'domainId' | 'name' | 'description' | 'clusterIds' | 'createdAt'>;

/** The fields of a fleet that its update operations change; an absent field is left as it is. */
export interface FleetChange {
  /** null clears the description. */
  description?: string | null;
  clusterIds?: string[];
  dnsSuffix?: string[];
  ruleNamespaces?: RuleNamespacesRecord[];
  /** The policy center; null turns it off and drops its instances. */
  policy?: PolicyRecord | null;
  /** An upgrade of the fleet's federation, which must be on: its target becomes the version. */
  upgrade?: { to: string; record: UpgradeRecord };
}

/** What an update writes, decided on the fleet as it is inside the update's transaction, and the job it records. */
export interface FleetUpdate {
  change: FleetChange;
  job?: JobRecord;
  policyInstance?: PolicyInstanceRecord;
}

export interface FleetListQuery {
  /** At most this many; every fleet when absent. */
  limit?: number;
  offset: number;
  orderBy: 'create_at' | 'update_at';
  order: 'asc' | 'desc';
}

/** The phase of a registered cluster (ClusterStatus.phase). */
export type ClusterPhase = 'Available' | 'Unavailable';

/**
 * A registered cluster of an account, as the store keeps it. Times are epoch milliseconds. A
 * member of a fleet has `fleetId` and `joinedAt`; the fleet's `clusterIds` lists it too, and the
 * store keeps the two in step (every membership change is one transaction, see updateClusters).
 */
export interface ClusterRecord {
  id: string;
  domainId: string;
  name: string;
  /** The fleet it is a member of; undefined while it is in none (manageType discrete). */
  fleetId: string | undefined;
  /** When it joined its fleet; undefined while it is in none. */
  joinedAt: number | undefined;
  /** `self`, `attachedcluster` or `onpremise` (ClusterSpec.category). */
  category: string;
  /** `cce`, `turbo`, `ack`, `eks`, ... (ClusterSpec.type). */
  clusterType: string;
  provider: string;
  /** e.g. `v1.31` (ClusterStatus.kubernetesVersion). */
  kubernetesVersion: string;
  phase: ClusterPhase;
  /** Its API server's address, when known (an attached cluster's kubeconfig names it). */
  apiEndpoint: string | undefined;
  country: string;
  city: string | undefined;
  region: string | undefined;
  projectId: string | undefined;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Whether its agent manifests were downloaded (ShowClusterAccessInfo, once per activation). */
  agentDownloaded: boolean;
  createdAt: number;
  updatedAt: number;
}

/** The clusters and fleets of one account, as an update of its clusters sees them. */
export interface ClusterAccount {
  clusters: readonly ClusterRecord[];
  fleets: readonly FleetSummary[];
}

/**
 * What an update of an account's clusters writes. A cluster in `put` is inserted, or replaces
 * the stored one of its id whole; the store moves it between the fleets' `clusterIds` when its
 * `fleetId` changes, and drops a deleted cluster from its fleet's list.
 */
export interface ClusterWrite {
  put?: ClusterRecord[];
  delete?: string[];
}

export interface ClusterListQuery {
  /** At most this many; every cluster when absent. */
  limit?: number;
  offset: number;
  orderBy: 'create_at' | 'update_at';
  order: 'asc' | 'desc';
  category?: string;
  /** Only the members of this fleet. */
  fleetId?: string;
  /** `grouped`: only members of a fleet; `discrete`: only clusters in none. */
  manageType?: 'grouped' | 'discrete';
  /** Only these clusters. */
  ids?: readonly string[];
}

/** A registered cluster of any account as its path on the federation endpoint needs it. */
export interface ClusterEndpointRecord {
  id: string;
  name: string;
  kubernetesVersion: string;
  phase: ClusterPhase;
  /** Its own CA's certificate, once its first kubeconfig made the CA: the endpoint checks clients with it, and never reads the key. */
  caCertPem: string | undefined;
}

/** What is recorded of a client certificate issued for a cluster: never its private key. */
export interface ClusterCertificateRecord {
  serial: string;
  clusterId: string;
  subject: string;
  notBefore: number;
  notAfter: number;
  issuedAt: number;
}
