/**
 * P-256 key pairs serialised without OpenSSL's encoders: the SPKI and PKCS#8 forms of a P-256
 * key are fixed framings around the private scalar and the public point, so they are
 * concatenated here instead of exported from a KeyObject (KeyObject.export({type: 'spki' |
 * 'pkcs8'}) goes through OpenSSL 3's encoder machinery, ~0.1 ms each: more than keygen and
 * signature together). Nothing here is needed for correctness; keys.ts says why it is used.
 */
import { createECDH, createHash, type JsonWebKey } from 'node:crypto';
import type { EncodedKeyPair } from '../keys.js';
import { toPem } from '../x509/pem.js';

// SubjectPublicKeyInfo / PKCS#8 framing for id-ecPublicKey + prime256v1,
// byte-identical to what OpenSSL (and KeyObject.export) produces.
const P256_SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');
const P256_PKCS8_PREFIX = Buffer.from('308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420', 'hex');
const P256_PKCS8_MIDDLE = Buffer.from('a144034200', 'hex');

/**
 * One ECDH context, re-keyed for every key pair. ECDH.generateKeys() is the same OpenSSL EC key
 * generation as generateKeyPair('ec') (a CSPRNG scalar in [1, n-1], its point d*G) without a
 * KeyObject or a job around it: ~15 us against ~60 us for generateKeyPairSync with JWK output,
 * so on the request path it costs less than handing a key over from the threadpool.
 */
const p256 = createECDH('prime256v1');

/** A fresh P-256 key pair, on the calling thread (~15 us). */
export function generateP256Key(): EncodedKeyPair {
  const point = p256.generateKeys();
  return encodeP256(padTo32(p256.getPrivateKey()), point);
}

/** SPKI and PKCS#8 for a P-256 private JWK (what generateKeyPair gives on the threadpool). */
export function encodeP256Jwk(jwk: JsonWebKey): EncodedKeyPair {
  const point = Buffer.concat([Uint8Array.of(0x04), fixed32(jwk.x), fixed32(jwk.y)]);
  return encodeP256(fixed32(jwk.d), point);
}

/** SPKI and PKCS#8 for a P-256 private scalar (32 bytes) and its uncompressed public point. */
function encodeP256(scalar: Buffer, point: Buffer): EncodedKeyPair {
  const spki = Buffer.concat([P256_SPKI_PREFIX, point]);
  const pkcs8 = Buffer.concat([P256_PKCS8_PREFIX, scalar, P256_PKCS8_MIDDLE, point]);
  return { spki, pkcs8Pem: toPem('PRIVATE KEY', pkcs8), keyId: createHash('sha1').update(point).digest(), isRsa: false };
}

function fixed32(b64url: string | undefined): Buffer {
  const b = Buffer.from(b64url ?? '', 'base64url');
  if (b.length === 0 || b.length > 32) throw new Error('unexpected P-256 JWK member length');
  return padTo32(b);
}

function padTo32(b: Buffer): Buffer {
  if (b.length === 32) return b;
  const out = Buffer.alloc(32);
  b.copy(out, 32 - b.length);
  return out;
}
