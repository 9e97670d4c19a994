/**
 * Aggregated discovery (apidiscovery.k8s.io, Kubernetes 1.26+): every group, version and
 * resource of `/api` or `/apis` in one answer, for a client that asks for it first (kubectl
 * 1.27 asks for v2beta1, 1.30+ for v2 then v2beta1). Any other client gets the legacy lists.
 */
import { acceptsJson, mediaRanges } from './media-ranges.js';

export type DiscoveryVersion = 'v2' | 'v2beta1';

/** A resource as the legacy APIResourceList lists it; `name` `clusters/status` is a subresource. */
export interface ListedResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  kind: string;
  verbs: readonly string[];
}

export interface DiscoveredGroup {
  name: string;
  /** The preferred version first. */
  versions: readonly { version: string; resources: readonly ListedResource[] }[];
}

export function aggregatedDiscoveryAsked(accept: string | undefined): DiscoveryVersion | undefined {
  for (const range of mediaRanges(accept).filter(acceptsJson)) {
    if (!range.params.has('as')) return undefined;
    const version = range.params.get('v');
    if (range.params.get('as') === 'APIGroupDiscoveryList' && range.params.get('g') === 'apidiscovery.k8s.io' && (version === 'v2' || version === 'v2beta1')) return version;
  }
  return undefined;
}

export function discoveryContentType(version: DiscoveryVersion): string {
  return `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;
}

export function groupDiscoveryList(version: DiscoveryVersion, groups: readonly DiscoveredGroup[]): Record<string, unknown> {
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: groups.map((g) => ({
      metadata: { name: g.name },
      versions: g.versions.map((v) => ({ version: v.version, resources: resourcesOf(g.name, v.version, v.resources), freshness: 'Current' })),
    })),
  };
}

/** Subresources (`clusters/status`) go under their resource, as APIResourceDiscovery nests them. */
function resourcesOf(group: string, version: string, listed: readonly ListedResource[]): Record<string, unknown>[] {
  const kind = (r: ListedResource) => ({ group, version, kind: r.kind });
  return listed
    .filter((r) => !r.name.includes('/'))
    .map((r) => {
      const subresources = listed
        .filter((s) => s.name.startsWith(`${r.name}/`))
        .map((s) => ({ subresource: s.name.slice(r.name.length + 1), responseKind: kind(s), verbs: s.verbs }));
      return {
        resource: r.name,
        responseKind: kind(r),
        scope: r.namespaced ? 'Namespaced' : 'Cluster',
        singularResource: r.singularName,
        verbs: r.verbs,
        ...(subresources.length > 0 ? { subresources } : {}),
      };
    });
}
