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
  return issueLeaf(t, { ...plan.leaf, key: takeKey(plan.keyType), extKeyUsage: t.extKeyUsageClient });
}

/** The same, waiting for the key pair (an RSA key generated off the event loop). */
export async function mintClientCertificateAsync(
  t: CaTemplate,
  takeKey: (keyType: KeyType) => Promise<EncodedKeyPair>,
  req: ClientCertificateRequest,
): Promise<IssuedCertificate> {
  const plan = clientCertificatePlan(req);
  return issueLeaf(t, { ...plan.leaf, key: await takeKey(plan.keyType), extKeyUsage: t.extKeyUsageClient });
}

/** Checks the request (before any key is taken) and encodes what does not depend on the key. */
function clientCertificatePlan(req: ClientCertificateRequest): { keyType: KeyType; leaf: { subject: Buffer; notBefore: Date; notAfter: Date } } {
  if (req === null || typeof req !== 'object') throw new PkiError('invalid_request', 'request must be an object');
  const keyType = req.keyType ?? 'ecdsa-p256';
  assertKeyType(keyType);
  const subject = encodeSubjectName(req.commonName, req.organizations ?? []);
  return { keyType, leaf: { subject, ...normalizeValidity(req.notBefore, req.notAfter) } };
}
