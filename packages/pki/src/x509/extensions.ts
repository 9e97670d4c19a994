/** X.509 v3 extension encoders (RFC 5280 section 4.2). */
import { TRUE_DER, bitString, octetString, oid, sequence, tlv } from './der.js';
import type { HostEntry } from './hosts.js';

export const OID = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

const OID_DER = {
  subjectKeyIdentifier: oid(OID.subjectKeyIdentifier),
  subjectAltName: oid(OID.subjectAltName),
};

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
export function extension(extnId: string | Buffer, critical: boolean, value: Uint8Array): Buffer {
  const id = typeof extnId === 'string' ? oid(extnId) : extnId;
  return critical ? sequence(id, TRUE_DER, octetString(value)) : sequence(id, octetString(value));
}

/** keyUsage bit positions. */
export const KeyUsage = {
  digitalSignature: 0,
  keyEncipherment: 2,
  keyCertSign: 5,
  cRLSign: 6,
} as const;

/** keyUsage, critical; DER named BIT STRING (trailing zero bits removed). */
export function keyUsageExtension(bits: readonly number[]): Buffer {
  let value = 0;
  for (const b of bits) value |= 0x8000 >>> b;
  let bytes = value & 0xff ? [value >>> 8, value & 0xff] : [value >>> 8];
  if (value === 0) bytes = [];
  let unused = 0;
  if (bytes.length > 0) {
    const last = bytes[bytes.length - 1]!;
    while (((last >>> unused) & 1) === 0) unused++;
  }
  return extension(OID.keyUsage, true, bitString(Uint8Array.from(bytes), unused));
}

export function extKeyUsageExtension(purposes: readonly string[]): Buffer {
  return extension(OID.extKeyUsage, false, sequence(...purposes.map((p) => oid(p))));
}

/** basicConstraints critical with cA FALSE: an empty SEQUENCE (DER omits DEFAULT values). */
export function leafBasicConstraintsExtension(): Buffer {
  return extension(OID.basicConstraints, true, sequence());
}

/** basicConstraints critical with cA TRUE and no pathLenConstraint. */
export function caBasicConstraintsExtension(): Buffer {
  return extension(OID.basicConstraints, true, sequence(TRUE_DER));
}

/** authorityKeyIdentifier with keyIdentifier [0] only. */
export function authorityKeyIdentifierExtension(keyId: Uint8Array): Buffer {
  return extension(OID.authorityKeyIdentifier, false, sequence(tlv(0x80, keyId)));
}

export function subjectKeyIdentifierExtension(keyId: Uint8Array): Buffer {
  return extension(OID_DER.subjectKeyIdentifier, false, octetString(keyId));
}

/** subjectAltName (non-critical: the subject is never empty): dNSName [2] IA5String, iPAddress [7] OCTET STRING. */
export function subjectAltNameExtension(hosts: readonly HostEntry[]): Buffer {
  const names = hosts.map((h) => (h.kind === 'ip' ? tlv(0x87, h.bytes) : tlv(0x82, Buffer.from(h.name, 'latin1'))));
  return extension(OID_DER.subjectAltName, false, sequence(...names));
}
