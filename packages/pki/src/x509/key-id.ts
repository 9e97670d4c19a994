import { createHash } from 'node:crypto';
import { TAG, expectTag, readChildren, readTlv } from './der.js';

/** SHA-1 of the subjectPublicKey BIT STRING contents (RFC 5280 4.2.1.2 method 1, as Go and OpenSSL do). */
export function keyIdFromSpki(spki: Uint8Array): Buffer {
  const top = expectTag(readTlv(spki, 0), TAG.SEQUENCE, 'SubjectPublicKeyInfo');
  const bits = expectTag(readChildren(spki, top)[1], TAG.BIT_STRING, 'subjectPublicKey');
  return createHash('sha1').update(spki.subarray(bits.valueStart + 1, bits.end)).digest();
}
