/** Client certificates for kubeconfigs: CN = user, one O per group, clientAuth. */
import { assertKeyType } from './keys.js';
import { PkiError, type ClientCertificateRequest } from './types.js';
import { encodeSubjectName } from './x509/names.js';
import { normalizeValidity, type LeafPlan } from './x509/template.js';

/** Checks the request (before any key is taken) and encodes what does not depend on the key. */
export function clientCertificatePlan(req: ClientCertificateRequest): LeafPlan {
  if (req === null || typeof req !== 'object') throw new PkiError('invalid_request', 'request must be an object');
  const keyType = req.keyType ?? 'ecdsa-p256';
  assertKeyType(keyType);
  const subject = encodeSubjectName(req.commonName, req.organizations ?? []);
  return { keyType, subject, ...normalizeValidity(req.notBefore, req.notAfter), usage: 'client' };
}
