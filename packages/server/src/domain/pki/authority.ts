/** A loaded fleet CA: parses the CA once, caches the template, mints leaf certificates. */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { inNextBatch } from './batch.js';
import { clientCertificatePlan, issueClientCertificate, mintClientCertificate } from './client-cert.js';
import type { KeyPool } from './key-pool.js';
import { generateEncoded, generateEncodedSync, type EncodedKeyPair } from './keys.js';
import { fromPem, toPem } from './pem.js';
import { mintServingCertificate } from './serving-cert.js';
import { buildCaTemplate, type CaTemplate } from './template.js';
import {
  PkiError,
  type CaMaterial,
  type ClientCertificateRequest,
  type IssuedCertificate,
  type KeyType,
  type ServingCertificateRequest,
} from './types.js';

export interface LoadCertificateAuthorityOptions {
  /** Source of fresh key pairs when its keyType matches the request's; otherwise keys are generated synchronously. */
  keyPool?: KeyPool;
}

export class CertificateAuthority {
  /** The CA certificate (normalised PEM), e.g. for certificate-authority-data. */
  readonly certPem: string;
  /** base64 of certPem: kubeconfigs' certificate-authority-data. */
  readonly certPemBase64: string;
  /** Hex of the CA's key identifier (its SKI; leaves' AKI). */
  readonly keyIdHex: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly #template: CaTemplate;
  readonly #pool: KeyPool | undefined;
  readonly #takeKey = (keyType: KeyType): EncodedKeyPair =>
    this.#pool && this.#pool.keyType === keyType
      ? this.#pool.takeEncoded()
      : generateEncodedSync(keyType);
  readonly #takeKeyAsync = (keyType: KeyType): Promise<EncodedKeyPair> =>
    this.#pool && this.#pool.keyType === keyType
      ? this.#pool.takeEncodedAsync()
      : generateEncoded(keyType);

  private constructor(template: CaTemplate, pool: KeyPool | undefined) {
    this.#template = template;
    this.#pool = pool;
    this.certPem = toPem('CERTIFICATE', template.ca.der);
    this.certPemBase64 = Buffer.from(this.certPem, 'utf8').toString('base64');
    this.keyIdHex = template.keyId.toString('hex');
    this.notBefore = template.ca.notBefore;
    this.notAfter = template.ca.notAfter;
  }

  /** Parses the CA (first CERTIFICATE block) and its key; throws PkiError('invalid_ca') when unusable. */
  static load(ca: CaMaterial, opts: LoadCertificateAuthorityOptions = {}): CertificateAuthority {
    if (!ca || typeof ca.certPem !== 'string' || typeof ca.keyPem !== 'string') {
      throw new PkiError('invalid_ca', 'CA material must have certPem and keyPem strings');
    }
    let der: Buffer;
    let key: KeyObject;
    try {
      der = fromPem(ca.certPem, 'CERTIFICATE');
      key = createPrivateKey(ca.keyPem);
    } catch (err) {
      throw new PkiError('invalid_ca', `cannot read CA material: ${(err as Error).message}`, { cause: err });
    }
    return new CertificateAuthority(buildCaTemplate(der, key), opts.keyPool);
  }

  /** Synchronous. Key pair from the pool when possible. */
  mintClientCertificate(req: ClientCertificateRequest): IssuedCertificate {
    return mintClientCertificate(this.#template, this.#takeKey, req);
  }

  /**
   * What the request path uses: signs in a batch with the other requests of the same event-loop
   * turn (see batch.ts), and never blocks the loop on key generation. A P-256 key is made in the
   * batch too; an RSA key is awaited first (from the pool, or the threadpool when it is empty).
   */
  async mintClientCertificateAsync(req: ClientCertificateRequest): Promise<IssuedCertificate> {
    const plan = clientCertificatePlan(req);
    const key = plan.keyType === 'ecdsa-p256' ? undefined : await this.#takeKeyAsync(plan.keyType);
    return inNextBatch(() => issueClientCertificate(this.#template, plan, key ?? this.#takeKey(plan.keyType)));
  }

  /** Synchronous. */
  mintServingCertificate(req: ServingCertificateRequest): IssuedCertificate {
    return mintServingCertificate(this.#template, this.#takeKey, req);
  }
}
