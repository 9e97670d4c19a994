/** Who is calling a federation endpoint: the Kubernetes user of the verified client certificate. */
import type { TLSSocket } from 'node:tls';
import type { Clock } from '../domain/clock.js';

export interface KubeUser {
  /** The certificate's CN, as kube-apiserver's x509 authenticator reads it. */
  username: string;
  /** One group per O attribute, in order. */
  groups: string[];
}

/**
 * The user of a connection whose client certificate TLS has verified against the fleet CA, or
 * undefined when it must be answered 401. TLS already refused foreign and (by the real time)
 * expired certificates; the validity is checked again here against the server's Clock, which
 * tests move forward (an OffsetClock) and which the TLS stack cannot be given.
 */
export function peerUser(socket: TLSSocket, clock: Clock): KubeUser | undefined {
  if (!socket.authorized) return undefined;
  const cert = socket.getPeerCertificate();
  if (!cert || !cert.subject) return undefined;
  const notBefore = Date.parse(cert.valid_from);
  const notAfter = Date.parse(cert.valid_to);
  const now = clock.now();
  if (!(notBefore <= now && now <= notAfter)) return undefined;
  const [username] = values(cert.subject.CN);
  if (!username) return undefined;
  return { username, groups: values(cert.subject.O) };
}

/** Node gives a single attribute as a string and a repeated one as an array. */
function values(attribute: string | string[] | undefined): string[] {
  if (attribute === undefined) return [];
  return Array.isArray(attribute) ? attribute : [attribute];
}
