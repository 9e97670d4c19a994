/**
 * Member clusters as Karmada serves them: `Cluster` objects of `cluster.karmada.io/v1alpha1`
 * (karmada pkg/apis/cluster/v1alpha1/types.go), cluster-scoped, and the Table its aggregated
 * apiserver prints for `kubectl get clusters` (karmada pkg/printers/internalversion/printers.go).
 */
import { rfc3339 } from '../domain/time-format.js';
import type { ListedResource } from './aggregated-discovery.js';
import { humanDuration } from './human-duration.js';
import type { KubeObject } from './kube-table.js';
import type { MemberCluster } from './member-clusters.js';

export const clusterGroup = 'cluster.karmada.io';
export const clusterGroupVersion = `${clusterGroup}/v1alpha1`;

/** The group's resources as karmada-aggregated-apiserver lists them (clusters/proxy is not served here). */
export const clusterResources: ListedResource[] = [
  { name: 'clusters', singularName: 'cluster', namespaced: false, kind: 'Cluster', verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] },
  { name: 'clusters/status', singularName: '', namespaced: false, kind: 'Cluster', verbs: ['get', 'patch', 'update'] },
];

/** Set by Karmada's cluster controller on every Cluster it manages. */
const clusterFinalizer = 'karmada.io/cluster-controller';

/** Reason and message of the Ready condition, as Karmada's cluster status controller writes them. */
const readyCondition = {
  True: { reason: 'ClusterReady', message: 'cluster is healthy and ready to accept workloads' },
  False: { reason: 'ClusterNotReachable', message: 'cluster is not reachable' },
} as const;

export function clusterMetadata(m: MemberCluster): Record<string, unknown> {
  return { name: m.name, uid: m.uid, creationTimestamp: rfc3339(m.createdAt), finalizers: [clusterFinalizer] };
}

/** A member as `kubectl get cluster NAME -o yaml` shows it. */
export function karmadaCluster(m: MemberCluster): KubeObject {
  return {
    apiVersion: clusterGroupVersion,
    kind: 'Cluster',
    metadata: clusterMetadata(m),
    spec: { id: m.uid, syncMode: m.syncMode, ...(m.apiEndpoint ? { apiEndpoint: m.apiEndpoint } : {}) },
    status: {
      ...(m.kubernetesVersion ? { kubernetesVersion: m.kubernetesVersion } : {}),
      // Karmada writes no Ready condition before its first probe: kubectl's READY then says Unknown.
      ...(m.ready === 'Unknown' ? {} : { conditions: [{ type: 'Ready', status: m.ready, ...readyCondition[m.ready], lastTransitionTime: rfc3339(m.createdAt) }] }),
    },
  };
}

export function karmadaClusterList(members: MemberCluster[]): KubeObject {
  return { apiVersion: clusterGroupVersion, kind: 'ClusterList', metadata: {}, items: members.map(karmadaCluster) };
}

/** The columns of Karmada's cluster printer; the apiserver fills every one (Wide) and kubectl hides priority 1 without `-o wide`. */
export const clusterColumns = [
  { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 },
  { name: 'Version', type: 'string', format: '', description: 'KubernetesVersion represents version of the member cluster.', priority: 0 },
  { name: 'Mode', type: 'string', format: '', description: 'SyncMode describes how a cluster sync resources from karmada control plane.', priority: 0 },
  { name: 'Ready', type: 'string', format: '', description: 'The aggregate readiness state of this cluster for accepting workloads.', priority: 0 },
  { name: 'Age', type: 'string', format: '', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.', priority: 0 },
  { name: 'Zones', type: 'string', format: '', description: 'Zones represents the failure zones(also called availability zones) of the member cluster.', priority: 1 },
  { name: 'Region', type: 'string', format: '', description: 'Region represents the region of the member cluster locate in.', priority: 1 },
  { name: 'Provider', type: 'string', format: '', description: 'Provider represents the cloud provider name of the member cluster.', priority: 1 },
  { name: 'API-Endpoint', type: 'string', format: '', description: 'The API endpoint of the member cluster.', priority: 1 },
  { name: 'Proxy-URL', type: 'string', format: '', description: 'ProxyURL is the proxy URL for the cluster.', priority: 1 },
];

/** One row's cells, as Karmada's printCluster writes them (`<none>` for an empty optional field). */
export function clusterCells(m: MemberCluster, now: number): string[] {
  return [m.name, m.kubernetesVersion, m.syncMode, m.ready, humanDuration(now - m.createdAt), '<none>', '<none>', '<none>', m.apiEndpoint, '<none>'];
}
