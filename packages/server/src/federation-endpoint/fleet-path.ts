/**
 * Where each fleet lives on the one federation endpoint: `/clustergroups/<fleet id>`, the
 * prefix of every path its kubeconfig's clients ask for (kubectl, client-go, python-kubernetes
 * and client-node all keep the path of a server URL and append theirs to it).
 */
const prefix = '/clustergroups/';

/** How the paths look, for messages. */
export const fleetPathPattern = `${prefix}<fleet id>`;

export function fleetPath(fleetId: string): string {
  return `${prefix}${encodeURIComponent(fleetId)}`;
}

export interface FleetRequestPath {
  fleetId: string;
  /** The Kubernetes API path under the fleet's prefix, without query or trailing slash: `/version`. */
  apiPath: string;
}

/** The fleet and API path a request URL names, or undefined when it names no fleet. */
export function parseFleetPath(url: string | undefined): FleetRequestPath | undefined {
  const path = (url ?? '/').split('?', 1)[0] ?? '/';
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  const slash = rest.indexOf('/');
  const segment = slash < 0 ? rest : rest.slice(0, slash);
  let fleetId: string;
  try {
    fleetId = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  if (fleetId === '') return undefined;
  const apiPath = slash < 0 ? '/' : rest.slice(slash);
  return { fleetId, apiPath: apiPath.length > 1 && apiPath.endsWith('/') ? apiPath.slice(0, -1) : apiPath };
}
