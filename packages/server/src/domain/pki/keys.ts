/** Key generation and fast key serialisation for leaf certificates. */
import { createHash, generateKeyPair, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readChildren, readTlv, expectTag, TAG } from './der.js';
import { toPem } from './pem.js';
import { PkiError, type KeyType, KEY_TYPES } from './types.js';

export interface KeyPairObjects {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function assertKeyType(keyType: unknown): asserts keyType is KeyType {
  if (!KEY_TYPES.includes(keyType as KeyType)) {
    throw new PkiError('invalid_request', `unsupported keyType ${JSON.stringify(keyType)}; expected one of ${KEY_TYPES.join(', ')}`);
  }
}

export function generateKeyPairSyncOf(keyType: KeyType): KeyPairObjects {
  return keyType === 'ecdsa-p256'
    ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    : generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
}

export function generateKeyPairAsyncOf(
  keyType: KeyType,
  cb: (err: Error | null, pair?: KeyPairObjects) => void,
): void {
  const done = (err: Error | null, publicKey: KeyObject, privateKey: KeyObject): void =>
    err ? cb(err) : cb(null, { publicKey, privateKey });
  if (keyType === 'ecdsa-p256') generateKeyPair('ec', { namedCurve: 'prime256v1' }, done);
  else generateKeyPair('rsa', { modulusLength: 2048, publicExponent: 0x10001 }, done);
}

/** The serialised forms a certificate needs. */
export interface EncodedKeyPair {
  /** SubjectPublicKeyInfo DER. */
  spki: Buffer;
  /** PKCS#8 PEM of the private key. */
  pkcs8Pem: string;
  /** RFC 5280 method-1 key identifier: SHA-1 of the subjectPublicKey bits. */
  keyId: Buffer;
  isRsa: boolean;
}

// SubjectPublicKeyInfo / PKCS#8 prefixes for id-ecPublicKey + prime256v1,
// byte-identical to what OpenSSL (and node's KeyObject.export) produces.
const P256_SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');
const P256_PKCS8_PREFIX = Buffer.from('308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420', 'hex');
const P256_PKCS8_MIDDLE = Buffer.from('a144034200', 'hex');

function fixed32(b64url: string | undefined): Buffer {
  const b = Buffer.from(b64url ?? '', 'base64url');
  if (b.length === 32) return b;
  if (b.length > 32) throw new Error('unexpected P-256 coordinate length');
  const out = Buffer.alloc(32);
  b.copy(out, 32 - b.length);
  return out;
}

/**
 * Serialises a fresh key pair. For P-256 this goes through a JWK export
 * (~7 us) and fixed DER prefixes: OpenSSL 3's encoder path behind
 * `export({type:'spki'|'pkcs8'})` costs ~0.25 ms for the two, more than
 * the key generation and the signature together.
 */
export function encodeKeyPair(pair: KeyPairObjects): EncodedKeyPair {
  const { privateKey } = pair;
  if (privateKey.asymmetricKeyType === 'ec' && privateKey.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
    const jwk = privateKey.export({ format: 'jwk' });
    const point = Buffer.concat([Uint8Array.of(0x04), fixed32(jwk.x), fixed32(jwk.y)]);
    const spki = Buffer.concat([P256_SPKI_PREFIX, point]);
    const pkcs8 = Buffer.concat([P256_PKCS8_PREFIX, fixed32(jwk.d), P256_PKCS8_MIDDLE, point]);
    return { spki, pkcs8Pem: toPem('PRIVATE KEY', pkcs8), keyId: sha1(point), isRsa: false };
  }
  const spki = pair.publicKey.export({ type: 'spki', format: 'der' });
  return {
    spki,
    pkcs8Pem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    keyId: keyIdFromSpki(spki),
    isRsa: privateKey.asymmetricKeyType === 'rsa',
  };
}

function sha1(data: Uint8Array): Buffer {
  return createHash('sha1').update(data).digest();
}

/** SHA-1 of the subjectPublicKey BIT STRING contents (RFC 5280 4.2.1.2 method 1, as Go and OpenSSL do). */
export function keyIdFromSpki(spki: Uint8Array): Buffer {
  const top = expectTag(readTlv(spki, 0), TAG.SEQUENCE, 'SubjectPublicKeyInfo');
  const bits = expectTag(readChildren(spki, top)[1], TAG.BIT_STRING, 'subjectPublicKey');
  return sha1(spki.subarray(bits.valueStart + 1, bits.end));
}
