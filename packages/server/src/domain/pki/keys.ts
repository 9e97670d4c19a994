/**
 * Key generation for leaf certificates, producing the serialised forms a
 * certificate needs (SPKI DER, PKCS#8 PEM, key identifier).
 *
 * P-256 keys on the calling thread come from an ECDH context (see
 * generateP256). The others (RSA, and the key pool's background P-256 keys)
 * are generated with encoding options, never as KeyObjects that are exported
 * afterwards, for two reasons:
 * - speed: KeyObject.export({type:'spki'|'pkcs8'}) goes through OpenSSL 3's
 *   encoder machinery (~0.1 ms each for P-256, more than keygen + signature);
 *   a JWK export plus fixed DER prefixes costs a few microseconds;
 * - a Node 20 deadlock: generateKeyPairSync's job object shares a mutex
 *   with the KeyObjects it returns and locks it in its destructor, which runs
 *   when the GC collects the job. Exporting such a KeyObject as JWK (or
 *   reading asymmetricKeyDetails) allocates JS strings while holding that
 *   mutex; if that allocation triggers the GC that collects the job, the main
 *   thread blocks on a mutex it already holds. Observed here about once per
 *   few thousand mints. With encoding options the export runs inside the
 *   job, while it is still referenced.
 */
import {
  createECDH,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  type RSAKeyPairOptions,
} from 'node:crypto';
import { readChildren, readTlv, expectTag, TAG } from './der.js';
import { toPem } from './pem.js';
import { PkiError, type KeyType, KEY_TYPES } from './types.js';

export interface KeyPairObjects {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

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
    throw new PkiError(
      'invalid_request',
      `unsupported keyType ${JSON.stringify(keyType)}; expected one of ${KEY_TYPES.join(', ')}`,
    );
  }
}

// SubjectPublicKeyInfo / PKCS#8 framing for id-ecPublicKey + prime256v1,
// byte-identical to what OpenSSL (and KeyObject.export) produces.
const P256_SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');
const P256_PKCS8_PREFIX = Buffer.from(
  '308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420',
  'hex',
);
const P256_PKCS8_MIDDLE = Buffer.from('a144034200', 'hex');

function fixed32(b64url: string | undefined): Buffer {
  const b = Buffer.from(b64url ?? '', 'base64url');
  if (b.length === 32) return b;
  if (b.length === 0 || b.length > 32) throw new Error('unexpected P-256 JWK member length');
  return padTo32(b);
}

function sha1(data: Uint8Array): Buffer {
  return createHash('sha1').update(data).digest();
}

/** Builds SPKI and PKCS#8 for a P-256 private JWK. */
export function encodeP256Jwk(jwk: JsonWebKey): EncodedKeyPair {
  const point = Buffer.concat([Uint8Array.of(0x04), fixed32(jwk.x), fixed32(jwk.y)]);
  return encodeP256(fixed32(jwk.d), point);
}

/** Builds SPKI and PKCS#8 for a P-256 private scalar (32 bytes) and its uncompressed public point. */
export function encodeP256(scalar: Buffer, point: Buffer): EncodedKeyPair {
  const spki = Buffer.concat([P256_SPKI_PREFIX, point]);
  const pkcs8 = Buffer.concat([P256_PKCS8_PREFIX, scalar, P256_PKCS8_MIDDLE, point]);
  return { spki, pkcs8Pem: toPem('PRIVATE KEY', pkcs8), keyId: sha1(point), isRsa: false };
}

/**
 * One ECDH context, re-keyed for every key pair. ECDH.generateKeys() is the
 * same OpenSSL EC key generation as generateKeyPair('ec') (a CSPRNG scalar in
 * [1, n-1], its point d*G) without a KeyObject or a job around it: ~15 us
 * against ~60 us for generateKeyPairSync with JWK output, so on the request
 * path it costs less than a pooled key's async generation did.
 */
const p256 = createECDH('prime256v1');

function generateP256(): EncodedKeyPair {
  const point = p256.generateKeys();
  const scalar = p256.getPrivateKey();
  return encodeP256(scalar.length === 32 ? scalar : padTo32(scalar), point);
}

function padTo32(b: Buffer): Buffer {
  const out = Buffer.alloc(32);
  b.copy(out, 32 - b.length);
  return out;
}

function encodeRsa(spki: Buffer, pkcs8Pem: string): EncodedKeyPair {
  return { spki, pkcs8Pem, keyId: keyIdFromSpki(spki), isRsa: true };
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

/** Generates and serialises a key pair on the calling thread (~0.02 ms for P-256, 50-300 ms for RSA-2048). */
export function generateEncodedSync(keyType: KeyType): EncodedKeyPair {
  if (keyType === 'ecdsa-p256') return generateP256();
  const pair = generateKeyPairSync('rsa', RSA_OPTIONS);
  return encodeRsa(pair.publicKey, pair.privateKey);
}

/** Same, with the generation on the libuv threadpool. */
export function generateEncodedAsync(keyType: KeyType, cb: (err: Error | null, key?: EncodedKeyPair) => void): void {
  const finish = (err: Error | null, make: () => EncodedKeyPair): void => {
    if (err) return cb(err);
    let key: EncodedKeyPair;
    try {
      key = make();
    } catch (e) {
      return cb(e as Error);
    }
    cb(null, key);
  };
  if (keyType === 'ecdsa-p256') {
    generateJwkPair('ec', EC_OPTIONS, (err, _pub, priv) => finish(err, () => encodeP256Jwk(priv)));
  } else {
    generateKeyPair('rsa', RSA_OPTIONS, (err, pub, priv) => finish(err, () => encodeRsa(pub, priv)));
  }
}

/** generateEncodedAsync as a promise. A P-256 key is generated on the spot: it costs less than the hand-over. */
export function generateEncoded(keyType: KeyType): Promise<EncodedKeyPair> {
  if (keyType === 'ecdsa-p256') return Promise.resolve(generateP256());
  return new Promise((resolve, reject) => generateEncodedAsync(keyType, (err, key) => (err || !key ? reject(err ?? new Error('key generation failed')) : resolve(key))));
}

/** Independent KeyObjects for an encoded pair. */
export function decodeKeyPair(key: EncodedKeyPair): KeyPairObjects {
  return {
    privateKey: createPrivateKey(key.pkcs8Pem),
    publicKey: createPublicKey({ key: key.spki, format: 'der', type: 'spki' }),
  };
}

/** SHA-1 of the subjectPublicKey BIT STRING contents (RFC 5280 4.2.1.2 method 1, as Go and OpenSSL do). */
export function keyIdFromSpki(spki: Uint8Array): Buffer {
  const top = expectTag(readTlv(spki, 0), TAG.SEQUENCE, 'SubjectPublicKeyInfo');
  const bits = expectTag(readChildren(spki, top)[1], TAG.BIT_STRING, 'subjectPublicKey');
  return sha1(spki.subarray(bits.valueStart + 1, bits.end));
}
