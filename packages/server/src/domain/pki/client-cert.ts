/** Client certificates for kubeconfigs: CN = user, one O per group, clientAuth. */
import { assertKeyType, type EncodedKeyPair } from './keys.js';
import { encodeSubjectName } from './names.js';
import { issueLeaf, normalizeValidity, type CaTemplate } from './template.js';
import { PkiError, type ClientCertificateRequest, type IssuedCertificate, type KeyType } from './types.js';

export function mintClientCertificate(
  t: CaTemplate,
  takeKey: (keyType: KeyType) => EncodedKeyPair,
  req: ClientCertificateRequest,
): IssuedCertificate {
  const plan = clientCertificatePlan(req);
  return issueClientCertificate(t, plan, takeKey(plan.keyType));
}

/** Signs a planned client certificate with a key pair. */
export function issueClientCertificate(t: CaTemplate, plan: ClientCertificatePlan, key: EncodedKeyPair): IssuedCertificate {
  return issueLeaf(t, { ...plan.leaf, key, extKeyUsage: t.extKeyUsageClient });
}

export interface ClientCertificatePlan {
  keyType: KeyType;
  leaf: { subject: Buffer; notBefore: Date; notAfter: Date };
}

/** Checks the request (before any key is taken) and encodes what does not depend on the key. */
export function clientCertificatePlan(req: ClientCertificateRequest): ClientCertificatePlan {
  if (req === null || typeof req !== 'object') throw new PkiError('invalid_request', 'request must be an object');
  const keyType = req.keyType ?? 'ecdsa-p256';
  assertKeyType(keyType);
  const subject = encodeSubjectName(req.commonName, req.organizations ?? []);
  return { keyType, leaf: { subject, ...normalizeValidity(req.notBefore, req.notAfter) } };
}
