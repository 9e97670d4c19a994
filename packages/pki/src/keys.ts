/**
 * Key pairs for certificates, in the serialised forms a certificate needs (SPKI DER, PKCS#8 PEM,
 * key identifier).
 *
 * P-256 keys on the calling thread come from an ECDH context (speed/p256.ts). Keys made on the
 * libuv threadpool (RSA, and the key pool's background P-256 keys) are generated with encoding
 * options, never as KeyObjects exported afterwards, for two reasons:
 * - speed: KeyObject.export({type:'spki'|'pkcs8'}) goes through OpenSSL 3's encoder machinery
 *   (~0.1 ms each for P-256, more than keygen + signature); a JWK export plus fixed DER
 *   prefixes costs a few microseconds;
 * - a Node 20 deadlock: generateKeyPairSync's job object shares a mutex with the KeyObjects it
 *   returns and locks it in its destructor, which runs when the GC collects the job. Exporting
 *   such a KeyObject as JWK (or reading asymmetricKeyDetails) allocates JS strings while holding
 *   that mutex; if that allocation triggers the GC that collects the job, the main thread blocks
 *   on a mutex it already holds. Observed here about once per few thousand mints. With encoding
 *   options the export runs inside the job, while it is still referenced.
 */
import { generateKeyPair, type JsonWebKey, type RSAKeyPairOptions } from 'node:crypto';
import { encodeP256Jwk, generateP256Key } from './speed/p256.js';
import { PkiError, KEY_TYPES, type KeyType } from './types.js';
import { keyIdFromSpki } from './x509/key-id.js';

/** The serialised forms of a fresh key pair that a certificate needs. */
export interface EncodedKeyPair {
  /** SubjectPublicKeyInfo DER. */
  spki: Buffer;
  /** PKCS#8 PEM of the private key. */
  pkcs8Pem: string;
  /** RFC 5280 method-1 key identifier: SHA-1 of the subjectPublicKey bits. */
  keyId: Buffer;
  isRsa: boolean;
}

export function assertKeyType(keyType: unknown): asserts keyType is KeyType {
  if (!KEY_TYPES.includes(keyType as KeyType)) {
    throw new PkiError('invalid_request', `unsupported keyType ${JSON.stringify(keyType)}; expected one of ${KEY_TYPES.join(', ')}`);
  }
}

/** A fresh key pair. A P-256 key is made on the spot (it costs less than a hand-over); an RSA key on the threadpool. */
export function generateKey(keyType: KeyType): Promise<EncodedKeyPair> {
  if (keyType === 'ecdsa-p256') return Promise.resolve(generateP256Key());
  return generateOnThreadpool(keyType);
}

const EC_OPTIONS = {
  namedCurve: 'prime256v1',
  publicKeyEncoding: { format: 'jwk' },
  privateKeyEncoding: { format: 'jwk' },
} as const;

const RSA_OPTIONS: RSAKeyPairOptions<'der', 'pem'> = {
  modulusLength: 2048,
  publicExponent: 0x10001,
  publicKeyEncoding: { type: 'spki', format: 'der' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
};

// @types/node 20 has no overloads for JWK key-pair encodings.
const generateJwkPair = generateKeyPair as unknown as (
  type: 'ec',
  options: typeof EC_OPTIONS,
  cb: (err: Error | null, publicKey: JsonWebKey, privateKey: JsonWebKey) => void,
) => void;

/** A fresh key pair generated on the libuv threadpool (50-500 ms for RSA-2048; the loop goes on meanwhile). */
export function generateOnThreadpool(keyType: KeyType): Promise<EncodedKeyPair> {
  return new Promise((resolve, reject) => {
    const settle = (err: Error | null, encode: () => EncodedKeyPair): void => {
      if (err) return reject(err);
      try {
        resolve(encode());
      } catch (e) {
        reject(e as Error);
      }
    };
    if (keyType === 'ecdsa-p256') {
      generateJwkPair('ec', EC_OPTIONS, (err, _pub, priv) => settle(err, () => encodeP256Jwk(priv)));
    } else {
      generateKeyPair('rsa', RSA_OPTIONS, (err, spki, pkcs8Pem) => settle(err, () => ({ spki, pkcs8Pem, keyId: keyIdFromSpki(spki), isRsa: true })));
    }
  });
}
