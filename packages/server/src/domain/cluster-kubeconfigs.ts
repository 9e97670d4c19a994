import type { Kubeconfig } from '@ucs-fleet/types';
import { CertificateAuthority, createFleetCa, validityPeriod, type KeyType } from '@ucs-fleet/pki';
import { certificateSubjectOf, type Caller } from './caller.js';
import type { Clock } from './clock.js';
import { clusterUnavailable, resourceNotFound } from './errors.js';
import { kubeconfigDocument } from './kubeconfig-document.js';
import type { ClusterRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

/** The UCS documents name no validity for a cluster's kubeconfig (CreateClusterKubeconfig takes no body). */
export const clusterKubeconfigDays = 365;

export interface ClusterKubeconfigServiceDeps {
  store: Store;
  clock: Clock;
  clientKeyType: KeyType;
  /** The URL of a cluster's path on the federation endpoint, as its kubeconfigs name it. */
  clusterUrl: (clusterId: string) => string;
  /** certificate-authority-data: the endpoint CA, which signs the serving certificate of every path. */
  endpointCaData: string;
}

/**
 * Issues kubeconfigs for one registered cluster: a fresh key and a client certificate signed by
 * the cluster's own CA, as a member cluster's API server trusts the client CA of that cluster
 * only. The fleet's CA would tie a cluster's access to its membership and let every fleet
 * kubeconfig in; the endpoint's CA is shared by every path and would let one cluster's
 * certificate into another's. The CA is made at the cluster's first kubeconfig and kept on its
 * store row, so deleting the cluster ends every kubeconfig issued for it.
 */
export class ClusterKubeconfigService {
  constructor(private readonly deps: ClusterKubeconfigServiceDeps) {}

  async issue(caller: Caller, clusterId: string): Promise<Kubeconfig> {
    const cluster = await this.deps.store.getCluster(caller.domainId, clusterId);
    if (!cluster) throw resourceNotFound(`cluster ${clusterId}`);
    if (cluster.phase !== 'Available') throw clusterUnavailable(`cluster ${cluster.name} is ${cluster.phase}; its kubeconfig is issued while it is Available (RetryClusterActivation)`);
    const ca = await this.caOf(cluster);
    const period = validityPeriod(this.deps.clock.now(), clusterKubeconfigDays);
    const minted = await ca.mintClientCertificate({
      commonName: caller.userName,
      organizations: caller.groups,
      notBefore: period.notBefore,
      notAfter: period.notAfter,
      keyType: this.deps.clientKeyType,
    });
    await this.deps.store.recordClusterCertificate({
      serial: minted.serialHex,
      clusterId,
      subject: certificateSubjectOf(caller),
      notBefore: period.notBefore.getTime(),
      notAfter: period.notAfter.getTime(),
      issuedAt: period.issuedAt.getTime(),
    });
    // Named `ucs-cluster-<name>-<id prefix>`, so that it merges beside the fleets' kubeconfigs without a clash.
    return kubeconfigDocument({
      fleetId: cluster.id,
      fleetName: `cluster-${cluster.name}`,
      userName: caller.userName,
      serverUrl: this.deps.clusterUrl(cluster.id),
      caCertData: this.deps.endpointCaData,
      clientCertPem: minted.certPem,
      clientKeyPem: minted.keyPem,
    });
  }

  /** The cluster's CA; the first kubeconfig makes it (a concurrent first one keeps the CA stored first). */
  private async caOf(cluster: ClusterRecord): Promise<CertificateAuthority> {
    let record = await this.deps.store.getClusterCa(cluster.id);
    if (!record) {
      const made = await createFleetCa({ fleetId: cluster.id, fleetName: `cluster:${cluster.name}`, now: new Date(this.deps.clock.now()), keyType: this.deps.clientKeyType });
      record = await this.deps.store.insertClusterCa(cluster.domainId, cluster.id, made);
      if (!record) throw resourceNotFound(`cluster ${cluster.id}`);
    }
    return CertificateAuthority.load(record);
  }
}
