/**
 * Who is calling a fleet's path on the federation endpoint: the Kubernetes user of a client
 * certificate that the fleet's CA issued, checked as kube-apiserver's x509 authenticator does
 * (issuer and signature, validity window, clientAuth usage). TLS only asks for the certificate:
 * one handshake serves every fleet and cannot know which CA the path will name, and it checks
 * validity by the real time, where the server's Clock (which tests move) is the one that counts.
 */
import type { X509Certificate } from 'node:crypto';
import type { Clock } from '../domain/clock.js';

export interface KubeUser {
  /** The certificate's CN, as kube-apiserver's x509 authenticator reads it. */
  username: string;
  /** One group per O attribute, in order. */
  groups: string[];
}

export type Authentication = { ok: true; user: KubeUser } | { ok: false; message: string };

const clientAuthOid = '1.3.6.1.5.5.7.3.2';

/** What a path names: a fleet's federation or one registered cluster. */
export interface PathTarget {
  kind: 'fleet' | 'cluster';
  id: string;
}

/**
 * `ca` is the CA the path trusts: the fleet's, or the cluster's own. It is undefined when the
 * fleet is unknown or its federation is not enabled, or the cluster is unknown or has issued no
 * kubeconfig yet: that case reads the same as a certificate of another fleet or cluster, so a
 * caller learns nothing about what is not theirs.
 */
export function authenticate(peer: X509Certificate | undefined, target: PathTarget, ca: X509Certificate | undefined, clock: Clock): Authentication {
  if (!peer) return refused(`no client certificate was presented: use the client certificate of the ${target.kind}'s kubeconfig`);
  if (!ca || !peer.checkIssued(ca) || !peer.verify(ca.publicKey)) {
    return refused(
      target.kind === 'fleet'
        ? `the client certificate is not valid for fleet ${target.id}: the fleet is unknown, its federation is not enabled, or another CA issued the certificate`
        : `the client certificate is not valid for cluster ${target.id}: the cluster is unknown, or another CA issued the certificate`,
    );
  }
  const now = clock.now();
  const notAfter = Date.parse(peer.validTo);
  if (!(now <= notAfter)) return refused(`the client certificate expired at ${new Date(notAfter).toISOString()}`);
  const notBefore = Date.parse(peer.validFrom);
  if (!(notBefore <= now)) return refused(`the client certificate is not valid before ${new Date(notBefore).toISOString()}`);
  if (!(peer.keyUsage ?? []).includes(clientAuthOid)) return refused('the client certificate is not for client authentication (no clientAuth extended key usage)');
  const subject = subjectAttributes(peer.subject);
  const [username] = subject.get('CN') ?? [];
  if (!username) return refused('the client certificate names no user (no CN)');
  return { ok: true, user: { username, groups: subject.get('O') ?? [] } };
}

function refused(message: string): Authentication {
  return { ok: false, message };
}

/**
 * X509Certificate.subject is one `KEY=value` per line, values escaped as RFC 2253 says
 * (`a\,b`). Control characters, which it would write as `\HH`, are refused in our names
 * (pki/names.ts), so undoing the escapes is dropping each backslash.
 */
function subjectAttributes(subject: string): Map<string, string[]> {
  const attributes = new Map<string, string[]>();
  for (const line of subject.split('\n')) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq);
    attributes.set(key, [...(attributes.get(key) ?? []), line.slice(eq + 1).replace(/\\(.)/g, '$1')]);
  }
  return attributes;
}
