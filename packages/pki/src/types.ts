/** Public types of the package. */

export type KeyType = 'ecdsa-p256' | 'rsa-2048';

export const KEY_TYPES: readonly KeyType[] = ['ecdsa-p256', 'rsa-2048'];

/** What the store keeps for a fleet CA. */
export interface CaMaterial {
  certPem: string;
  /** PKCS#8 PEM (SEC1 / PKCS#1 PEM are accepted on load too). */
  keyPem: string;
}

export interface IssuedCertificate {
  certPem: string;
  /** PKCS#8 PEM of the freshly generated private key. */
  keyPem: string;
  /** Upper-case hex, 32 digits (16 bytes), as printed by openssl / node. */
  serialHex: string;
  /** The validity actually encoded (the requested dates, truncated to whole seconds). */
  notBefore: Date;
  notAfter: Date;
}

export interface ClientCertificateRequest {
  /** Kubernetes user name. Must be non-empty. */
  commonName: string;
  /** Kubernetes groups; one O= attribute each, in order. */
  organizations: readonly string[];
  notBefore: Date;
  notAfter: Date;
  /** Key type of the fresh key pair; default 'ecdsa-p256'. */
  keyType?: KeyType;
}

export interface ServingCertificateRequest {
  /** IP addresses (v4/v6) and DNS names, e.g. ['127.0.0.1', 'localhost']. At least one. */
  hosts: readonly string[];
  commonName: string;
  notBefore: Date;
  notAfter: Date;
  /** Key type of the fresh key pair; default 'ecdsa-p256'. */
  keyType?: KeyType;
}

export type PkiErrorCode = 'invalid_request' | 'invalid_ca';

/** Thrown for invalid requests (bad names, dates, hosts) and unusable CA material. */
export class PkiError extends Error {
  override name = 'PkiError';
  constructor(
    readonly code: PkiErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
