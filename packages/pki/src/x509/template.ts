/**
 * Per-CA certificate template and leaf assembly.
 *
 * A leaf is hand-assembled from DER pieces (see der.ts for why). Everything
 * that depends only on the CA - issuer Name bytes, signature
 * AlgorithmIdentifier, authorityKeyIdentifier, fixed extensions, the imported
 * signing KeyObject - is computed once in buildCaTemplate(); per certificate
 * only the serial, validity, subject, SPKI, SKI (and SAN) are encoded, and
 * the TBS is signed with node:crypto.
 */
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { NULL_DER, TAG, bitString, expectTag, explicit, oid, readChildren, readTime, readTlv, sequence, smallInteger, time, unsignedInteger, type Tlv } from './der.js';
import {
  KeyUsage,
  OID,
  authorityKeyIdentifierExtension,
  extKeyUsageExtension,
  keyUsageExtension,
  leafBasicConstraintsExtension,
  subjectKeyIdentifierExtension,
} from './extensions.js';
import type { EncodedKeyPair } from '../keys.js';
import { keyIdFromSpki } from './key-id.js';
import { toPem } from './pem.js';
import { timeOrderedSerial } from './serial.js';
import { PkiError, type IssuedCertificate, type KeyType } from '../types.js';

/** Fields of a CA certificate the template needs. */
export interface ParsedCaCertificate {
  der: Buffer;
  /** Raw subject Name DER: copied verbatim into leaves' issuer field. */
  subject: Buffer;
  spki: Buffer;
  /** subjectKeyIdentifier, if present. */
  subjectKeyId?: Buffer;
  isCa: boolean;
  notBefore: Date;
  notAfter: Date;
}

const OID_SKI_BYTES = oid(OID.subjectKeyIdentifier).subarray(2);
const OID_BC_BYTES = oid(OID.basicConstraints).subarray(2);

function oidEquals(der: Buffer, t: Tlv, oidBody: Buffer): boolean {
  return t.tag === TAG.OID && der.subarray(t.valueStart, t.end).equals(oidBody);
}

/** Parses the parts of a certificate the template needs (strict DER reader). */
export function parseCaCertificate(der: Buffer): ParsedCaCertificate {
  const cert = expectTag(readTlv(der, 0), TAG.SEQUENCE, 'Certificate');
  if (cert.end !== der.length) throw new PkiError('invalid_ca', 'trailing data after certificate');
  const tbs = expectTag(readChildren(der, cert)[0], TAG.SEQUENCE, 'TBSCertificate');
  const f = readChildren(der, tbs);
  let i = f[0]?.tag === 0xa0 ? 1 : 0; // version
  i += 2; // serialNumber, signature
  expectTag(f[i++], TAG.SEQUENCE, 'issuer');
  const validity = readChildren(der, expectTag(f[i++], TAG.SEQUENCE, 'validity'));
  const subject = expectTag(f[i++], TAG.SEQUENCE, 'subject');
  const spki = expectTag(f[i++], TAG.SEQUENCE, 'subjectPublicKeyInfo');
  if (!validity[0] || !validity[1]) throw new PkiError('invalid_ca', 'bad validity');

  const out: ParsedCaCertificate = {
    der: Buffer.from(der),
    subject: Buffer.from(der.subarray(subject.start, subject.end)),
    spki: Buffer.from(der.subarray(spki.start, spki.end)),
    isCa: false,
    notBefore: readTime(der, validity[0]),
    notAfter: readTime(der, validity[1]),
  };
  const extsWrapper = f.slice(i).find((t) => t.tag === 0xa3);
  if (extsWrapper) {
    const exts = expectTag(readChildren(der, extsWrapper)[0], TAG.SEQUENCE, 'extensions');
    for (const ext of readChildren(der, exts)) {
      const parts = readChildren(der, ext);
      const id = parts[0];
      const value = parts[parts.length - 1];
      if (!id || !value || value.tag !== TAG.OCTET_STRING) continue;
      if (oidEquals(der, id, OID_SKI_BYTES)) {
        const inner = expectTag(readTlv(der, value.valueStart, value.end), TAG.OCTET_STRING, 'SKI');
        out.subjectKeyId = Buffer.from(der.subarray(inner.valueStart, inner.end));
      } else if (oidEquals(der, id, OID_BC_BYTES)) {
        const bc = expectTag(readTlv(der, value.valueStart, value.end), TAG.SEQUENCE, 'basicConstraints');
        const first = readChildren(der, bc)[0];
        out.isCa = first?.tag === TAG.BOOLEAN && der[first.valueStart] !== 0;
      }
    }
  }
  return out;
}

export interface CaTemplate {
  readonly ca: ParsedCaCertificate;
  readonly signingKey: KeyObject;
  readonly hash: 'sha256' | 'sha384';
  /** Key identifier leaves reference in authorityKeyIdentifier. */
  readonly keyId: Buffer;
  // Precomputed DER pieces.
  readonly version: Buffer;
  readonly signatureAlgorithm: Buffer;
  readonly authorityKeyIdentifier: Buffer;
  readonly basicConstraints: Buffer;
  readonly keyUsageEc: Buffer;
  readonly keyUsageRsa: Buffer;
  readonly extKeyUsageClient: Buffer;
  readonly extKeyUsageServer: Buffer;
}

/** The signature AlgorithmIdentifier DER and hash for a CA key (P-256, P-384 or RSA ≥ 2048). */
export function signatureAlgorithmFor(key: KeyObject): { hash: 'sha256' | 'sha384'; der: Buffer } {
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1') return { hash: 'sha256', der: sequence(oid('1.2.840.10045.4.3.2')) };
    if (curve === 'secp384r1') return { hash: 'sha384', der: sequence(oid('1.2.840.10045.4.3.3')) };
    throw new PkiError('invalid_ca', `unsupported CA curve ${String(curve)}`);
  }
  if (key.asymmetricKeyType === 'rsa') {
    if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new PkiError('invalid_ca', 'CA RSA key is shorter than 2048 bits');
    return { hash: 'sha256', der: sequence(oid('1.2.840.113549.1.1.11'), NULL_DER) };
  }
  throw new PkiError('invalid_ca', `unsupported CA key type ${String(key.asymmetricKeyType)}`);
}

/** Builds the template; checks that the certificate is a CA and that the key belongs to it. */
export function buildCaTemplate(certDer: Buffer, signingKey: KeyObject): CaTemplate {
  let ca: ParsedCaCertificate;
  try {
    ca = parseCaCertificate(certDer);
  } catch (err) {
    if (err instanceof PkiError) throw err;
    throw new PkiError('invalid_ca', `cannot parse CA certificate: ${(err as Error).message}`, { cause: err });
  }
  if (!ca.isCa) throw new PkiError('invalid_ca', 'certificate is not a CA (basicConstraints cA is not TRUE)');
  if (signingKey.type !== 'private') throw new PkiError('invalid_ca', 'CA key is not a private key');
  const alg = signatureAlgorithmFor(signingKey);
  const probe = Buffer.from('ucs-fleet-ca-key-check');
  const certKey = createPublicKey({ key: ca.spki, format: 'der', type: 'spki' });
  if (!verify(alg.hash, probe, certKey, sign(alg.hash, probe, signingKey))) {
    throw new PkiError('invalid_ca', 'CA private key does not match the CA certificate');
  }
  const keyId = ca.subjectKeyId ?? keyIdFromSpki(ca.spki);
  return {
    ca,
    signingKey,
    hash: alg.hash,
    keyId,
    version: explicit(0, smallInteger(2)),
    signatureAlgorithm: alg.der,
    authorityKeyIdentifier: authorityKeyIdentifierExtension(keyId),
    basicConstraints: leafBasicConstraintsExtension(),
    keyUsageEc: keyUsageExtension([KeyUsage.digitalSignature]),
    keyUsageRsa: keyUsageExtension([KeyUsage.digitalSignature, KeyUsage.keyEncipherment]),
    extKeyUsageClient: extKeyUsageExtension([OID.clientAuth]),
    extKeyUsageServer: extKeyUsageExtension([OID.serverAuth]),
  };
}

/** Validates dates and truncates them to whole seconds. */
export function normalizeValidity(notBefore: unknown, notAfter: unknown): { notBefore: Date; notAfter: Date } {
  const check = (d: unknown, what: string): Date => {
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new PkiError('invalid_request', `${what} must be a valid Date`);
    const t = Math.floor(d.getTime() / 1000) * 1000;
    const y = new Date(t).getUTCFullYear();
    if (y < 0 || y > 9999) throw new PkiError('invalid_request', `${what} is out of range`);
    return new Date(t);
  };
  const nb = check(notBefore, 'notBefore');
  const na = check(notAfter, 'notAfter');
  if (na.getTime() <= nb.getTime()) throw new PkiError('invalid_request', 'notAfter must be after notBefore');
  return { notBefore: nb, notAfter: na };
}

/** A leaf certificate checked and encoded as far as it can be before its key exists. */
export interface LeafPlan {
  keyType: KeyType;
  subject: Buffer;
  notBefore: Date;
  notAfter: Date;
  usage: 'client' | 'server';
  subjectAltName?: Buffer;
}

/** Assembles and signs one leaf certificate for a fresh key pair. */
export function issueLeaf(t: CaTemplate, p: LeafPlan, key: EncodedKeyPair): IssuedCertificate {
  const serial = timeOrderedSerial();
  const exts: Buffer[] = [
    key.isRsa ? t.keyUsageRsa : t.keyUsageEc,
    p.usage === 'client' ? t.extKeyUsageClient : t.extKeyUsageServer,
    t.basicConstraints,
    subjectKeyIdentifierExtension(key.keyId),
    t.authorityKeyIdentifier,
  ];
  if (p.subjectAltName) exts.push(p.subjectAltName);
  const tbs = sequence(
    t.version,
    unsignedInteger(serial),
    t.signatureAlgorithm,
    t.ca.subject,
    sequence(time(p.notBefore), time(p.notAfter)),
    p.subject,
    key.spki,
    explicit(3, sequence(...exts)),
  );
  const signature = sign(t.hash, tbs, t.signingKey);
  return {
    certPem: toPem('CERTIFICATE', sequence(tbs, t.signatureAlgorithm, bitString(signature))),
    keyPem: key.pkcs8Pem,
    serialHex: serial.toString('hex').toUpperCase(),
    notBefore: p.notBefore,
    notAfter: p.notAfter,
  };
}
