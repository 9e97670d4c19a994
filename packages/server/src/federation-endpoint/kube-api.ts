/**
 * The slice of the Kubernetes API a path of the endpoint serves: enough for kubectl to connect
 * (`kubectl version`, discovery, `kubectl auth whoami`), plus the API groups the caller adds (a
 * fleet's path adds Karmada's clusters). Everything else is a Status 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../domain/clock.js';
import { rfc3339 } from '../domain/time-format.js';
import type { KubeUser } from './client-certificate.js';
import { aggregatedDiscoveryAsked, discoveryContentType, groupDiscoveryList, type DiscoveredGroup, type ListedResource } from './aggregated-discovery.js';
import { sendJson, sendStatus, sendText } from './kube-status.js';

/**
 * The apiserver version the endpoints report. The gcloud kubectl on PATH is a dispatcher that
 * asks GET /version first and runs the kubectl build matching the server's minor version.
 */
export const kubeVersion: Readonly<KubeVersion> = Object.freeze({
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.4',
  gitCommit: 'a78aa47129b8539636eb86a9d00e31b2720fe06b',
  gitTreeState: 'clean',
  buildDate: '2024-12-10T18:35:37Z',
  goVersion: 'go1.22.10',
  compiler: 'gc',
  platform: 'linux/amd64',
});

/** The body of GET /version (apimachinery's version.Info). */
export interface KubeVersion {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

/**
 * What a registered cluster's path answers to /version: its Kubernetes version as UCS keeps it
 * (`v1.27`, patch 0 when none is kept), the endpoint's own when it is not a version.
 */
export function memberKubeVersion(version: string | undefined): Readonly<KubeVersion> {
  const m = /^v(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version ?? '');
  if (!m) return kubeVersion;
  return { ...kubeVersion, major: m[1]!, minor: m[2]!, gitVersion: `v${m[1]}.${m[2]}.${m[3] ?? '0'}` };
}

const authGroup = 'authentication.k8s.io';
/** SelfSubjectReview is v1 from Kubernetes 1.28; kubectl 1.27's `auth whoami` asks for v1beta1. */
const authVersions = ['v1', 'v1beta1'];
const authResources: ListedResource[] = [{ name: 'selfsubjectreviews', singularName: 'selfsubjectreview', namespaced: false, kind: 'SelfSubjectReview', verbs: ['create'] }];
const authDiscovery: DiscoveredGroup = { name: authGroup, versions: authVersions.map((version) => ({ version, resources: authResources })) };
/** A SelfSubjectReview has no input; a larger body is not one. */
const maxBodyBytes = 64 * 1024;

export interface KubeRequest {
  user: KubeUser;
  /** What /version answers on this path. */
  version: Readonly<KubeVersion>;
  req: IncomingMessage;
  res: ServerResponse;
  clock: Clock;
}

type Route = (r: KubeRequest) => void | Promise<void>;

/** An API group served beside the built-in ones: listed by discovery, its paths answered by `serve`. */
export interface ServedGroup {
  name: string;
  version: string;
  resources: readonly ListedResource[];
  /** Answers a request for `/apis/<name>/<version><resourcePath>` (resourcePath starts with `/`). */
  serve(r: KubeRequest, resourcePath: string): Promise<void>;
}

const healthOk: Route = ({ res }) => sendText(res, 200, 'ok');

const routes = new Map<string, Partial<Record<string, Route>>>(Object.entries({
  '/version': { GET: ({ res, version }) => sendJson(res, 200, version) },
  '/healthz': { GET: healthOk },
  '/readyz': { GET: healthOk },
  '/livez': { GET: healthOk },
  // No core (v1) resource is served, so the legacy group lists no version: kubectl's discovery
  // reports an advertised version with no resources as an error.
  '/api': {
    GET: ({ req, res }) => {
      const aggregated = aggregatedDiscoveryAsked(req.headers.accept);
      if (aggregated) sendJson(res, 200, groupDiscoveryList(aggregated, []), discoveryContentType(aggregated));
      else sendJson(res, 200, { kind: 'APIVersions', versions: [], serverAddressByClientCIDRs: [] });
    },
  },
  [`/apis/${authGroup}`]: { GET: ({ res }) => sendJson(res, 200, { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(authGroup, authVersions) }) },
  ...Object.fromEntries(authVersions.flatMap((v) => [
    [`/apis/${authGroup}/${v}`, {
      GET: ({ res }: KubeRequest) =>
        sendJson(res, 200, { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: `${authGroup}/${v}`, resources: authResources }),
    }],
    [`/apis/${authGroup}/${v}/selfsubjectreviews`, { POST: (r: KubeRequest) => selfSubjectReview(r, `${authGroup}/${v}`) }],
  ])),
}));

/** An APIGroup of discovery; the first version is the preferred one. */
function apiGroup(name: string, versions: readonly string[]): Record<string, unknown> {
  const listed = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions: listed, preferredVersion: listed[0] };
}

/** What `kubectl auth whoami` asks: the caller as the apiserver authenticated it. */
async function selfSubjectReview({ req, res, user, clock }: KubeRequest, apiVersion: string): Promise<void> {
  if (!(await drainBody(req, maxBodyBytes))) {
    sendStatus(res, 413, 'RequestEntityTooLarge', 'the request body is too large for a SelfSubjectReview');
    return;
  }
  sendJson(res, 201, {
    kind: 'SelfSubjectReview',
    apiVersion,
    metadata: { creationTimestamp: rfc3339(clock.now()) },
    // Like kube-apiserver, every authenticated user is also in system:authenticated.
    status: { userInfo: { username: user.username, groups: [...user.groups, 'system:authenticated'] } },
  });
}

/** Reads and discards the body; false once it grows past the limit. */
function drainBody(req: IncomingMessage, limit: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(false);
      }
    });
    req.once('end', () => resolve(size <= limit));
    req.once('error', reject);
  });
}

/** Answers an authenticated request for `apiPath` (the path under the fleet's or cluster's prefix). */
export async function serveKubeApi(r: KubeRequest & { apiPath: string; groups: readonly ServedGroup[] }): Promise<void> {
  const route = routes.get(r.apiPath)?.[r.req.method ?? 'GET'] ?? groupRoute(r.apiPath, r.req.method ?? 'GET', r.groups);
  if (!route) {
    sendStatus(r.res, 404, 'NotFound', 'the server could not find the requested resource');
    return;
  }
  await route(r);
}

/** Discovery of the added groups, and their resources' paths. */
function groupRoute(apiPath: string, method: string, groups: readonly ServedGroup[]): Route | undefined {
  if (apiPath === '/apis') {
    if (method !== 'GET') return undefined;
    return ({ req, res }) => {
      const aggregated = aggregatedDiscoveryAsked(req.headers.accept);
      if (aggregated) {
        const discovered = [authDiscovery, ...groups.map((g) => ({ name: g.name, versions: [{ version: g.version, resources: g.resources }] }))];
        sendJson(res, 200, groupDiscoveryList(aggregated, discovered), discoveryContentType(aggregated));
        return;
      }
      sendJson(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [apiGroup(authGroup, authVersions), ...groups.map((g) => apiGroup(g.name, [g.version]))] });
    };
  }
  for (const g of groups) {
    const base = `/apis/${g.name}/${g.version}`;
    if (apiPath === `/apis/${g.name}` && method === 'GET') return ({ res }) => sendJson(res, 200, { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(g.name, [g.version]) });
    if (apiPath === base && method === 'GET') {
      return ({ res }) => sendJson(res, 200, { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: `${g.name}/${g.version}`, resources: g.resources });
    }
    if (apiPath.startsWith(`${base}/`)) return (r) => g.serve(r, apiPath.slice(base.length));
  }
  return undefined;
}
