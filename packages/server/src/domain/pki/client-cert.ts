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
  if (req === null || typeof req !== 'object') throw new PkiError('invalid_request', 'request must be an object');
  const keyType = req.keyType ?? 'ecdsa-p256';
  assertKeyType(keyType);
  const subject = encodeSubjectName(req.commonName, req.organizations ?? []);
  const validity = normalizeValidity(req.notBefore, req.notAfter);
  const key = takeKey(keyType);
  return issueLeaf(t, { subject, ...validity, key, extKeyUsage: t.extKeyUsageClient });
}
