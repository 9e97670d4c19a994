/**
 * Where each fleet and each member cluster lives on the one federation endpoint:
 * `/clustergroups/<fleet id>` (the fleet's federation) and `/clusters/<cluster id>` (one member
 * cluster), the prefix of every path their kubeconfigs' clients ask for (kubectl, client-go,
 * python-kubernetes and client-node all keep the path of a server URL and append theirs to it).
 */
const prefixes = { fleet: '/clustergroups/', cluster: '/clusters/' } as const;

export type EndpointTargetKind = keyof typeof prefixes;

/** How the paths look, for messages. */
export const fleetPathPattern = `${prefixes.fleet}<fleet id>`;
export const clusterPathPattern = `${prefixes.cluster}<cluster id>`;

export function fleetPath(fleetId: string): string {
  return `${prefixes.fleet}${encodeURIComponent(fleetId)}`;
}

export function clusterPath(clusterId: string): string {
  return `${prefixes.cluster}${encodeURIComponent(clusterId)}`;
}

export interface EndpointRequestPath {
  kind: EndpointTargetKind;
  /** The fleet id or the cluster id the path names. */
  id: string;
  /** The Kubernetes API path under the prefix, without query or trailing slash: `/version`. */
  apiPath: string;
}

/** The fleet or cluster and the API path a request URL names, or undefined when it names neither. */
export function parseEndpointPath(url: string | undefined): EndpointRequestPath | undefined {
  const path = (url ?? '/').split('?', 1)[0] ?? '/';
  const kind = (Object.keys(prefixes) as EndpointTargetKind[]).find((k) => path.startsWith(prefixes[k]));
  if (!kind) return undefined;
  const rest = path.slice(prefixes[kind].length);
  const slash = rest.indexOf('/');
  const segment = slash < 0 ? rest : rest.slice(0, slash);
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  if (id === '') return undefined;
  const apiPath = slash < 0 ? '/' : rest.slice(slash);
  return { kind, id, apiPath: apiPath.length > 1 && apiPath.endsWith('/') ? apiPath.slice(0, -1) : apiPath };
}
