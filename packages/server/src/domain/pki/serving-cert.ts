/** Serving certificates for a fleet's federation HTTPS endpoint: serverAuth + subjectAltName. */
import { subjectAltNameExtension } from './extensions.js';
import { parseHost, type HostEntry } from './hosts.js';
import { assertKeyType, type EncodedKeyPair } from './keys.js';
import { encodeSubjectName } from './names.js';
import { issueLeaf, normalizeValidity, type CaTemplate } from './template.js';
import { PkiError, type IssuedCertificate, type KeyType, type ServingCertificateRequest } from './types.js';

export function mintServingCertificate(
  t: CaTemplate,
  takeKey: (keyType: KeyType) => EncodedKeyPair,
  req: ServingCertificateRequest,
): IssuedCertificate {
  if (req === null || typeof req !== 'object') throw new PkiError('invalid_request', 'request must be an object');
  const keyType = req.keyType ?? 'ecdsa-p256';
  assertKeyType(keyType);
  if (!Array.isArray(req.hosts) || req.hosts.length === 0) {
    throw new PkiError('invalid_request', 'hosts must be a non-empty array');
  }
  // Parse all, drop exact duplicates, keep order.
  const seen = new Set<string>();
  const hosts: HostEntry[] = [];
  for (const h of req.hosts) {
    const e = parseHost(h);
    const k = e.kind === 'ip' ? `ip:${e.bytes.toString('hex')}` : `dns:${e.name.toLowerCase()}`;
    if (!seen.has(k)) {
      seen.add(k);
      hosts.push(e);
    }
  }
  const subject = encodeSubjectName(req.commonName);
  const validity = normalizeValidity(req.notBefore, req.notAfter);
  const key = takeKey(keyType);
  return issueLeaf(t, {
    subject,
    ...validity,
    key,
    extKeyUsage: t.extKeyUsageServer,
    subjectAltName: subjectAltNameExtension(hosts),
  });
}
