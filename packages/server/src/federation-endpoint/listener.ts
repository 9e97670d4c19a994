/**
 * One fleet's federation endpoint: an HTTPS listener whose serving certificate is signed by the
 * fleet's CA and which accepts only client certificates signed by that same CA.
 *
 * Why a port per fleet: the serving certificate (which must chain to the fleet's CA) and the CA
 * that client certificates are checked against are both fixed during the TLS handshake, before
 * the URL path is sent, so one listener cannot pick them by path. SNI could carry a name, but
 * kubeconfigs name an IP address (127.0.0.1), and TLS clients send no SNI for an IP. A
 * kubeconfig gives kubectl only `server` and `certificate-authority-data`, so the host and port
 * are all that can tell fleets apart.
 */
import { createServer, type Server } from 'node:https';
import { isIP, type Socket } from 'node:net';
import type { Clock } from '../domain/clock.js';
import type { CertificateAuthority } from '@ucs-fleet/pki';
import { kubeApiHandler } from './kube-api.js';

export interface FleetListenerOptions {
  ca: CertificateAuthority;
  host: string;
  port: number;
  clock: Clock;
  /** Names the serving certificate's common name. */
  fleetName: string;
  /** Errors of the listening socket after it is open (they would otherwise crash the process). */
  onError: (err: Error) => void;
}

export interface FleetListener {
  readonly url: string;
  /** Stops listening and drops every connection, handshaking or idle. */
  close(): Promise<void>;
}

/** Listens on host:port; rejects (e.g. EADDRINUSE) when it cannot. */
export async function openFleetListener(o: FleetListenerOptions): Promise<FleetListener> {
  const serving = await o.ca.mintServingCertificate({
    hosts: servingHosts(o.host),
    commonName: `${o.fleetName} federation endpoint`,
    // The CA's own window: the listener never outlives its federation, hence its CA, and is
    // minted afresh at every start. Clients check it with their real clocks.
    notBefore: o.ca.notBefore,
    notAfter: o.ca.notAfter,
  });
  const server = createServer(
    {
      cert: serving.certPem,
      key: serving.keyPem,
      ca: [o.ca.certPem],
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
      handshakeTimeout: 10_000,
    },
    kubeApiHandler(o.clock),
  );
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  const sockets = trackSockets(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      server.on('error', o.onError);
      resolve();
    });
  });
  return {
    url: `https://${isIP(o.host) === 6 ? `[${o.host}]` : o.host}:${o.port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** The names a client may reach the endpoint by: loopback, and the host kubeconfigs name. */
export function servingHosts(host: string): string[] {
  return [...new Set(['127.0.0.1', 'localhost', host])];
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
