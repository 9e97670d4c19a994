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
  federation: FederationSummary | undefined;
  connection: ConnectionRecord | undefined;
}

/** Federation of a fleet, from the moment enabling starts until it is disabled. */
export interface FederationRecord extends FederationSummary {
  ca: CaRecord;
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

/** The latest upgrade of a federation; it is done once readyAt has passed. */
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

export type JobType = 'CreateFederation' | 'DeleteFederation' | 'UpgradeFederation';

export interface JobRecord {
  id: string;
  fleetId: string;
  type: JobType;
  federationId: string;
  startedAt: number;
  readyAt: number;
}

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
