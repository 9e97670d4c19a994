/**
 * X.509 for the UCS fleet tools: fleet CAs, kubeconfig client certificates and serving
 * certificates that kubectl and OpenSSL accept. One async API; see README.md.
 */
export type { CaMaterial, ClientCertificateRequest, IssuedCertificate, KeyType, PkiErrorCode, ServingCertificateRequest } from './types.js';
export { KEY_TYPES, PkiError } from './types.js';
export { createFleetCa, type CreateFleetCaOptions } from './ca.js';
export { CertificateAuthority, type LoadCertificateAuthorityOptions } from './authority.js';
export { KeyPool, MAX_KEY_POOL_SIZE, type KeyPoolOptions, type KeyPoolStats } from './speed/key-pool.js';
export { validityPeriod, type ValidityPeriod } from './validity.js';
