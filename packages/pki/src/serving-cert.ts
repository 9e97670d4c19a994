/** Serving certificates for a federation HTTPS endpoint: serverAuth + subjectAltName. */
import { assertKeyType } from './keys.js';
import { PkiError, type ServingCertificateRequest } from './types.js';
import { subjectAltNameExtension } from './x509/extensions.js';
import { parseHost, type HostEntry } from './x509/hosts.js';
import { encodeSubjectName } from './x509/names.js';
import { normalizeValidity, type LeafPlan } from './x509/template.js';

/** Checks the request (before any key is taken) and encodes what does not depend on the key. */
export function servingCertificatePlan(req: ServingCertificateRequest): LeafPlan {
  if (req === null || typeof req !== 'object') throw new PkiError('invalid_request', 'request must be an object');
  const keyType = req.keyType ?? 'ecdsa-p256';
  assertKeyType(keyType);
  if (!Array.isArray(req.hosts) || req.hosts.length === 0) {
    throw new PkiError('invalid_request', 'hosts must be a non-empty array');
  }
  const subject = encodeSubjectName(req.commonName);
  const validity = normalizeValidity(req.notBefore, req.notAfter);
  return { keyType, subject, ...validity, usage: 'server', subjectAltName: subjectAltNameExtension(distinctHosts(req.hosts)) };
}

/** Parses every host and drops exact duplicates, keeping the order. */
function distinctHosts(hosts: readonly string[]): HostEntry[] {
  const seen = new Set<string>();
  const out: HostEntry[] = [];
  for (const h of hosts) {
    const e = parseHost(h);
    const k = e.kind === 'ip' ? `ip:${e.bytes.toString('hex')}` : `dns:${e.name.toLowerCase()}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(e);
    }
  }
  return out;
}
