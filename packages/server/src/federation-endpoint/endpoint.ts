/**
 * The federation endpoint: one HTTPS listener for every fleet, each under its own path
 * (fleet-path.ts). Its serving certificate comes from the endpoint CA (endpoint-ca.ts), since a
 * TLS handshake happens before the path is sent and cannot pick a fleet's certificate by it, and
 * kubeconfigs name an IP address, for which clients send no SNI. The handshake asks for a
 * client certificate; each request is then authenticated against the CA of the fleet its path
 * names, read from the store at that request (client-certificate.ts). Nothing here follows the
 * store in the background: a disable made elsewhere is seen at the fleet's next request, and a
 * disable of this process cuts the fleet's open connections at once (follow()).
 */
import type { X509Certificate } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { Logger } from 'pino';
import type { Clock } from '../domain/clock.js';
import type { FederationEvents } from '../domain/federation-events.js';
import { CertificateAuthority } from '@ucs-fleet/pki';
import type { CaRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { authenticate } from './client-certificate.js';
import { ParsedCas } from './parsed-cas.js';
import { FleetConnections } from './fleet-connections.js';
import { clusterPath, clusterPathPattern, fleetPath, fleetPathPattern, parseEndpointPath } from './endpoint-paths.js';
import type { FleetMembers } from './member-clusters.js';
import { clusterGroupOf } from './cluster-resource.js';
import { kubeVersion, memberKubeVersion, serveKubeApi, type KubeVersion, type ServedGroup } from './kube-api.js';
import { sendStatus } from './kube-status.js';

export interface FederationEndpointOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** The address to listen on (config.federationHost). */
  host: string;
  /** 0: any free port. */
  port: number;
  /** The base URL kubeconfigs name (config.federationUrl); default https://host:port. */
  publicUrl: string | undefined;
  ca: CaRecord;
  /** A fleet's member clusters, read at each request for its clusters. */
  members: FleetMembers;
}

export interface FederationEndpoint {
  /** The port it listens on. */
  readonly port: number;
  /** The base URL kubeconfigs name. */
  readonly url: string;
  /** base64 of the endpoint CA's PEM: kubeconfigs' certificate-authority-data. */
  readonly caData: string;
  /** A fleet's server URL, as its kubeconfigs name it. */
  fleetUrl(fleetId: string): string;
  /** A registered cluster's server URL, as its kubeconfigs name it. */
  clusterUrl(clusterId: string): string;
  /** Cuts a fleet's open connections when the domain disables its federation. */
  follow(events: FederationEvents): void;
  /** Drops every open connection (the store was emptied under them); the listener stays. */
  cutAll(): void;
  /** Stops listening and drops every connection, handshaking or idle. */
  close(): Promise<void>;
}

/** Listens on host:port; rejects (e.g. EADDRINUSE) when it cannot. */
export async function openFederationEndpoint(o: FederationEndpointOptions): Promise<FederationEndpoint> {
  const ca = CertificateAuthority.load(o.ca);
  const cas = new ParsedCas();
  const connections = new FleetConnections();
  const server = createServer(
    { ...(await servingCertificate(ca, o)), requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.2', handshakeTimeout: 10_000 },
    (req, res) => void answer(req, res, { ...o, cas, connections }),
  );
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  const sockets = trackSockets(server);
  await listen(server, o);
  const port = (server.address() as AddressInfo).port;
  const url = (o.publicUrl ?? `https://${hostForUrl(o.host)}:${port}`).replace(/\/$/, '');
  const unfollow: (() => void)[] = [];
  return {
    port,
    url,
    caData: ca.certPemBase64,
    fleetUrl: (fleetId) => `${url}${fleetPath(fleetId)}`,
    clusterUrl: (clusterId) => `${url}${clusterPath(clusterId)}`,
    follow: (events) => {
      unfollow.push(
        events.on('disabled', ({ fleetId, federationId }) => {
          cas.forget(`fleet:${federationId}`);
          const cut = connections.cut(fleetId);
          o.logger.info({ fleetId, connections: cut }, 'federation disabled: its endpoint connections are cut');
        }),
      );
    },
    cutAll: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        for (const stop of unfollow.splice(0)) stop();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

interface Answering extends FederationEndpointOptions {
  cas: ParsedCas;
  connections: FleetConnections;
}

async function answer(req: IncomingMessage, res: ServerResponse, o: Answering): Promise<void> {
  try {
    const target = parseEndpointPath(req.url);
    if (!target) {
      sendStatus(res, 404, 'NotFound', `nothing at this path: a fleet's kubeconfig names its server as ${fleetPathPattern} on this endpoint, a cluster's as ${clusterPathPattern}`);
      return;
    }
    let access: PathAccess;
    try {
      access = target.kind === 'fleet' ? await fleetAccess(o, target.id) : await clusterAccess(o, target.id);
    } catch (err) {
      o.logger.warn({ err, [`${target.kind}Id`]: target.id }, 'federation endpoint: cannot read the path\'s fleet or cluster from the store');
      sendStatus(res, 503, 'ServiceUnavailable', 'the server cannot read its store now; try again');
      return;
    }
    const socket = req.socket as TLSSocket;
    const auth = authenticate(socket.getPeerX509Certificate(), target, access.ca, o.clock);
    if (!auth.ok) {
      sendStatus(res, 401, 'Unauthorized', auth.message);
      return;
    }
    if (target.kind === 'fleet') o.connections.add(target.id, socket);
    await serveKubeApi({ req, res, user: auth.user, clock: o.clock, apiPath: target.apiPath, version: access.version, groups: access.groups });
  } catch (err) {
    o.logger.error({ err }, 'federation endpoint: request failed');
    if (!res.headersSent) sendStatus(res, 500, 'InternalError', 'an internal error occurred');
    else res.destroy();
  }
}

/** What a path trusts and serves, read from the store at each request. */
interface PathAccess {
  /** The CA its client certificates must chain to; undefined: none is valid. */
  ca: X509Certificate | undefined;
  /** What its /version answers. */
  version: Readonly<KubeVersion>;
  groups: ServedGroup[];
}

/** A fleet's path: its federation's CA, and its members as Karmada clusters. */
async function fleetAccess(o: Answering, fleetId: string): Promise<PathAccess> {
  const federation = await o.store.getFederationTrust(fleetId);
  return { ca: federation && o.cas.get(`fleet:${federation.id}`, federation.caCertPem), version: kubeVersion, groups: [clusterGroupOf(() => o.members(fleetId))] };
}

/** A registered cluster's path: its own CA, and its Kubernetes version (kubectl's dispatcher picks its client by it). */
async function clusterAccess(o: Answering, clusterId: string): Promise<PathAccess> {
  const cluster = await o.store.getClusterEndpoint(clusterId);
  return { ca: cluster?.caCertPem === undefined ? undefined : o.cas.get(`cluster:${cluster.id}`, cluster.caCertPem), version: memberKubeVersion(cluster?.kubernetesVersion), groups: [] };
}

/** Minted at every start from the stored CA: its key never leaves this process. */
async function servingCertificate(ca: CertificateAuthority, o: FederationEndpointOptions): Promise<{ cert: string; key: string }> {
  const serving = await ca.mintServingCertificate({
    hosts: servingHosts(o.host, o.publicUrl),
    commonName: 'ucs federation endpoint',
    // The CA's own window; clients check it with their real clocks.
    notBefore: ca.notBefore,
    notAfter: ca.notAfter,
  });
  return { cert: serving.certPem, key: serving.keyPem };
}

/** The names a client may reach the endpoint by: loopback, the listen host and the public URL's host. */
export function servingHosts(host: string, publicUrl: string | undefined): string[] {
  const publicHost = publicUrl ? new URL(publicUrl).hostname.replace(/^\[(.*)\]$/, '$1') : undefined;
  return [...new Set(['127.0.0.1', 'localhost', host, ...(publicHost ? [publicHost] : [])])];
}

function listen(server: Server, o: FederationEndpointOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      server.on('error', (err) => o.logger.error({ err }, 'federation endpoint error'));
      resolve();
    });
  });
}

/** Raw TCP sockets, tracked from accept: server.close() would otherwise wait for them. */
function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return sockets;
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
