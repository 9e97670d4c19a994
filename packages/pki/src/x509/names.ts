/**
 * Distinguished-name encoding. Values are encoded verbatim as UTF8String:
 * nothing is parsed or unescaped (no RFC 4514 string syntax is involved), so
 * a value like `a,b=c+"d"\#` ends up in the certificate byte for byte.
 */
import { TAG, oid, sequence, set, tlv } from './der.js';
import { PkiError } from '../types.js';

const OID_CN = oid('2.5.4.3');
const OID_O = oid('2.5.4.10');

/** Upper bound on the UTF-8 size of one attribute value (RFC 5280's ub-common-name of 64 is not enforced: Kubernetes user names are often longer, and Go/OpenSSL accept them). */
const MAX_NAME_VALUE_BYTES = 1024;

// Lone surrogates would be silently replaced by U+FFFD when encoding UTF-8;
// control characters (NUL in particular) enable name-confusion tricks.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Validates one attribute value; returns its UTF-8 bytes. */
export function nameValueBytes(value: unknown, what: string): Buffer {
  if (typeof value !== 'string') throw new PkiError('invalid_request', `${what} must be a string`);
  if (value.length === 0) throw new PkiError('invalid_request', `${what} must not be empty`);
  if (LONE_SURROGATE.test(value)) throw new PkiError('invalid_request', `${what} is not well-formed Unicode`);
  if (CONTROL.test(value)) throw new PkiError('invalid_request', `${what} must not contain control characters`);
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > MAX_NAME_VALUE_BYTES) {
    throw new PkiError('invalid_request', `${what} is longer than ${MAX_NAME_VALUE_BYTES} bytes`);
  }
  return bytes;
}

/** One single-valued RDN: SET { SEQUENCE { type, UTF8String value } }. */
function rdn(type: Buffer, valueUtf8: Buffer): Buffer {
  return set(sequence(type, tlv(TAG.UTF8_STRING, valueUtf8)));
}

/**
 * Encodes the Name `O=<org1>, O=<org2>, ..., CN=<commonName>` (the order Go's
 * pkix.Name uses, as in kubeadm's `O = system:masters, CN = kubernetes-admin`),
 * one RDN per attribute. Kubernetes reads the user from CN and one group per O.
 */
export function encodeSubjectName(commonName: string, organizations: readonly string[] = []): Buffer {
  if (!Array.isArray(organizations)) throw new PkiError('invalid_request', 'organizations must be an array of strings');
  const cn = nameValueBytes(commonName, 'commonName');
  const rdns: Buffer[] = [];
  organizations.forEach((o, i) => rdns.push(rdn(OID_O, nameValueBytes(o, `organizations[${i}]`))));
  rdns.push(rdn(OID_CN, cn));
  return sequence(...rdns);
}
