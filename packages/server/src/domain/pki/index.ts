/** PKI of the reference server: fleet CAs, kubeconfig client certificates, serving certificates. */
export type {
  CaMaterial,
  ClientCertificateRequest,
  IssuedCertificate,
  KeyType,
  PkiErrorCode,
  ServingCertificateRequest,
} from './types.js';
export { KEY_TYPES, PkiError } from './types.js';
export { createFleetCa, fleetCaSubject, type CreateFleetCaOptions } from './ca.js';
export { validityPeriod, type ValidityPeriod } from './validity.js';
export { CertificateAuthority, type LoadCertificateAuthorityOptions } from './authority.js';
export { KeyPool, MAX_KEY_POOL_SIZE, type KeyPoolOptions, type KeyPoolStats } from './key-pool.js';
export { toPem, fromPem, fromPemAll } from './pem.js';
