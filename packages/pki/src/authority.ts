/** A loaded CA: parses the CA once, keeps its certificate template, issues leaf certificates. */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { clientCertificatePlan } from './client-cert.js';
import { generateKey, type EncodedKeyPair } from './keys.js';
import { servingCertificatePlan } from './serving-cert.js';
import { inNextBatch } from './speed/batch.js';
import type { KeyPool } from './speed/key-pool.js';
import { generateP256Key } from './speed/p256.js';
import { PkiError, type CaMaterial, type ClientCertificateRequest, type IssuedCertificate, type ServingCertificateRequest } from './types.js';
import { fromPem, toPem } from './x509/pem.js';
import { buildCaTemplate, issueLeaf, type CaTemplate, type LeafPlan } from './x509/template.js';

export interface LoadCertificateAuthorityOptions {
  /** Source of fresh key pairs for requests of its keyType; other keys are generated on demand. */
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

  /** A fresh key and a client certificate for it (a kubeconfig's user); a bad request rejects with PkiError. */
  async mintClientCertificate(req: ClientCertificateRequest): Promise<IssuedCertificate> {
    return this.#mint(clientCertificatePlan(req));
  }

  /** A fresh key and a serving certificate for it (an HTTPS endpoint); a bad request rejects with PkiError. */
  async mintServingCertificate(req: ServingCertificateRequest): Promise<IssuedCertificate> {
    return this.#mint(servingCertificatePlan(req));
  }

  /**
   * Signs in a batch with the other certificates of the same event-loop turn (see
   * speed/batch.ts) and never blocks the loop on key generation: a P-256 key is made in the
   * batch; a pooled or RSA key is awaited first.
   */
  async #mint(plan: LeafPlan): Promise<IssuedCertificate> {
    const key = await this.#awaitedKey(plan);
    return inNextBatch(() => issueLeaf(this.#template, plan, key ?? generateP256Key()));
  }

  /** undefined: a P-256 key made on the spot costs less than waiting for one. */
  #awaitedKey(plan: LeafPlan): Promise<EncodedKeyPair> | undefined {
    if (this.#pool?.keyType === plan.keyType) return this.#pool.take();
    return plan.keyType === 'ecdsa-p256' ? undefined : generateKey(plan.keyType);
  }
}
