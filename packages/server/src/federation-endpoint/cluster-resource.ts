/**
 * `cluster.karmada.io/v1alpha1` on a fleet's path: its members as Karmada `Cluster` objects,
 * read from the store at every request. Reads only: the members change through the UCS API
 * (JoinGroup, LeaveGroup), so every write is a Status 405.
 */
import { clusterCells, clusterColumns, clusterGroup, clusterResources, karmadaCluster, karmadaClusterList } from './karmada-cluster.js';
import type { KubeRequest, ServedGroup } from './kube-api.js';
import { sendJson, sendStatus } from './kube-status.js';
import { acceptedRepresentation, kubeTable, tableContentType, type KubeObject, type Representation } from './kube-table.js';
import type { MemberCluster } from './member-clusters.js';

/** The group for one fleet's request; `members` is read only when a cluster path is asked for. */
export function clusterGroupOf(members: () => Promise<MemberCluster[]>): ServedGroup {
  return {
    name: clusterGroup,
    version: 'v1alpha1',
    resources: clusterResources,
    serve: (r, resourcePath) => serveClusters(r, resourcePath, members),
  };
}

async function serveClusters(r: KubeRequest, resourcePath: string, members: () => Promise<MemberCluster[]>): Promise<void> {
  const [resource, name, subresource, ...rest] = resourcePath.slice(1).split('/').map(decodeSegment);
  if (resource !== 'clusters' || rest.length > 0 || (subresource !== undefined && subresource !== 'status') || name === '' || name === null) {
    sendStatus(r.res, 404, 'NotFound', 'the server could not find the requested resource');
    return;
  }
  if (r.req.method !== 'GET' || (name === undefined && new URL(r.req.url ?? '/', 'https://x').searchParams.get('watch') === 'true')) {
    // kube-apiserver's words for a verb a resource does not serve; members change through the UCS API (JoinGroup, LeaveGroup).
    sendStatus(r.res, 405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', { group: clusterGroup, kind: 'clusters', ...(name ? { name } : {}) });
    return;
  }
  const representation = acceptedRepresentation(r.req.headers.accept);
  if (!representation) {
    sendStatus(r.res, 406, 'NotAcceptable', 'only the following media types are accepted: application/json, application/json;as=Table;v=v1;g=meta.k8s.io, application/json;as=Table;v=v1beta1;g=meta.k8s.io');
    return;
  }
  // Karmada lists from etcd, whose keys order the clusters by name.
  const all = (await members()).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (name === undefined) {
    sendMembers(r, representation, all, karmadaClusterList(all));
    return;
  }
  const member = all.find((m) => m.name === name);
  if (!member) {
    sendStatus(r.res, 404, 'NotFound', `clusters.${clusterGroup} "${name}" not found`, { name, group: clusterGroup, kind: 'clusters' });
    return;
  }
  sendMembers(r, representation, [member], karmadaCluster(member));
}

function sendMembers(r: KubeRequest, representation: Representation, members: MemberCluster[], plain: KubeObject): void {
  if (representation === 'json') {
    sendJson(r.res, 200, plain);
    return;
  }
  const now = r.clock.now();
  const rows = members.map((m) => ({ cells: clusterCells(m, now), object: karmadaCluster(m) }));
  sendJson(r.res, 200, kubeTable(representation.table, clusterColumns, rows, r.req), tableContentType(representation.table));
}

/** A path segment decoded; null when it is not valid percent-encoding. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
