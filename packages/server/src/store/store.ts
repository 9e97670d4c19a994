import type {
  CaRecord,
  CertificateRecord,
  ClusterAccount,
  ClusterCertificateRecord,
  ClusterEndpointRecord,
  ClusterListQuery,
  ClusterRecord,
  ClusterWrite,
  ConnectionRecord,
  FederationRecord,
  FederationTrust,
  FleetUpdate,
  PolicyInstanceRecord,
  FleetListQuery,
  FleetRecord,
  FleetSummary,
  JobRecord,
  NewFleet,
  WorkloadKey,
  WorkloadRecord,
  WorkloadWrite,
} from './records.js';

/** Why a conditional write did not happen; the domain turns it into a UCS error. */
export type CreateFleetOutcome = { ok: true } | { ok: false; reason: 'quota-exceeded' | 'name-taken' | 'id-taken' };

/**
 * The one storage interface of the server. Every state transition is a single conditional
 * write (it happens only if the fleet is still in the expected state), so concurrent requests,
 * and several processes sharing one database, cannot interleave a transition.
 * Async so that an engine with a network round trip fits behind it.
 */
export interface Store {
  createFleet(fleet: NewFleet, quota: number): Promise<CreateFleetOutcome>;
  getFleet(domainId: string, fleetId: string): Promise<FleetRecord | undefined>;
  /** The fleet without its federation's CA: one narrow read on the path of every request. */
  getFleetSummary(domainId: string, fleetId: string): Promise<FleetSummary | undefined>;
  /** The CA of a federation while it is on; undefined once it is disabled (or re-enabled under another id). */
  getCa(federationId: string): Promise<CaRecord | undefined>;
  listFleets(domainId: string, query: FleetListQuery): Promise<{ items: FleetRecord[]; total: number }>;
  /**
   * Changes a fleet of the account in one transaction that serialises the account's updates:
   * `decide` sees the fleet and every fleet of the account as they are then, and says what to
   * write (it may throw to write nothing). The fleet as written; undefined when there is none.
   */
  updateFleet(domainId: string, fleetId: string, decide: (fleet: FleetRecord, account: readonly FleetRecord[]) => FleetUpdate, now: number): Promise<FleetRecord | undefined>;
  /**
   * Writes a workload of a fleet of the account in one transaction that holds the fleet's row, so
   * that federation cannot be disabled in between: `decide` sees the fleet and the workload as they
   * are then (it may throw to write nothing). The workload put, null when deleted, undefined when
   * there is no such fleet.
   */
  changeWorkload(domainId: string, fleetId: string, key: WorkloadKey, decide: (fleet: FleetSummary, existing: WorkloadRecord | undefined) => WorkloadWrite): Promise<WorkloadRecord | null | undefined>;
  getWorkload(fleetId: string, key: WorkloadKey): Promise<WorkloadRecord | undefined>;
  /** The fleet's workloads, by kind, namespace and name. */
  listWorkloads(fleetId: string): Promise<WorkloadRecord[]>;
  /** The fleet's policy instances, oldest first. */
  listPolicyInstances(fleetId: string): Promise<PolicyInstanceRecord[]>;
  /** Deletes the fleet only while its federation is disabled and no registered cluster is its member. */
  deleteFleet(domainId: string, fleetId: string): Promise<boolean>;
  /** Starts federation only while it is disabled; records the job in the same transaction. */
  startFederation(domainId: string, fleetId: string, federation: FederationRecord, job: JobRecord, now: number): Promise<boolean>;
  /** Disables federation only while it is on (whatever its progress), dropping its CA, connection and workloads. */
  stopFederation(domainId: string, fleetId: string, job: JobRecord, now: number): Promise<boolean>;
  /** Creates the connection only while federation is ready and the fleet is not yet connected. */
  createConnection(domainId: string, fleetId: string, connection: ConnectionRecord, now: number): Promise<boolean>;
  /** A cluster of the account; another account's cluster is missing. */
  getCluster(domainId: string, clusterId: string): Promise<ClusterRecord | undefined>;
  listClusters(domainId: string, query: ClusterListQuery): Promise<{ items: ClusterRecord[]; total: number }>;
  /**
   * The registered members of a fleet of any account (the federation endpoint knows only the
   * fleet id of its path), ordered by join time, then id.
   */
  listFleetMembers(fleetId: string): Promise<ClusterRecord[]>;
  /**
   * Changes the clusters of an account in one transaction serialised with the account's fleet
   * updates: `decide` sees every cluster and fleet of the account as they are then, and says
   * what to write (it may throw to write nothing). A cluster whose fleetId changes moves between
   * the fleets' clusterIds in the same transaction. The clusters put, as written.
   */
  updateClusters(domainId: string, decide: (account: ClusterAccount) => ClusterWrite, now: number): Promise<ClusterRecord[]>;
  /** A registered cluster of any account with its CA's certificate (the federation endpoint knows only the cluster id of its path). */
  getClusterEndpoint(clusterId: string): Promise<ClusterEndpointRecord | undefined>;
  /** A registered cluster's own CA with its key, once its first kubeconfig made one: what issuing needs. */
  getClusterCa(clusterId: string): Promise<CaRecord | undefined>;
  /**
   * Stores `ca` as the cluster's CA unless it has one already; the CA it has then (concurrent
   * callers all get the first one stored), undefined when the account has no such cluster.
   * Deleting the cluster deletes its CA.
   */
  insertClusterCa(domainId: string, clusterId: string, ca: CaRecord): Promise<CaRecord | undefined>;
  recordClusterCertificate(certificate: ClusterCertificateRecord): Promise<void>;
  /** The certificates issued for a cluster, oldest first. */
  listClusterCertificates(clusterId: string): Promise<ClusterCertificateRecord[]>;
  latestJob(fleetId: string): Promise<JobRecord | undefined>;
  /**
   * Resolves once the record is committed. Records of one event-loop turn are committed in one
   * transaction; when that fails, each is written on its own, so that exactly the records that
   * cannot be written reject.
   */
  recordCertificate(certificate: CertificateRecord): Promise<void>;
  listCertificates(fleetId: string): Promise<CertificateRecord[]>;
  /** Every issued certificate of every account, oldest first (the control API lists them). */
  listAllCertificates(): Promise<CertificateRecord[]>;
  /** Deletes every fleet, job and certificate of every account, in one transaction (the control API's reset). */
  clearAll(): Promise<void>;
  /** Every federated fleet of every account. */
  listFederatedFleets(): Promise<FleetRecord[]>;
  /** The federation of a fleet of any account, with its CA's certificate only: the federation endpoint knows only the fleet id of its path. */
  getFederationTrust(fleetId: string): Promise<FederationTrust | undefined>;
  /** The CA of the federation endpoint, once one is stored. */
  getEndpointCa(): Promise<CaRecord | undefined>;
  /** Stores `ca` as the endpoint CA unless one is stored already; returns the stored one (the first replica wins). */
  insertEndpointCa(ca: CaRecord, now: number): Promise<CaRecord>;
  /** Resolves once the database has accepted a write: readiness, not only liveness. */
  ping(): Promise<void>;
  /** Idempotent: later calls wait for the first one. */
  close(): Promise<void>;
}
