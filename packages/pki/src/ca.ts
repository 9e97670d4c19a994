/**
 * Creation of a fleet CA (self-signed, like kubeadm's cluster CA), assembled with the same DER
 * helpers as the leaves (see x509/der.ts): a generic X.509 library would add ~200 modules and
 * ~10 MB to every server process for one certificate per fleet. The tests read these CAs back
 * with @peculiar/x509, node:crypto and openssl.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { assertKeyType, generateKey } from './keys.js';
import { PkiError, type CaMaterial, type KeyType } from './types.js';
import { validityPeriod } from './validity.js';
import { bitString, explicit, sequence, smallInteger, time, unsignedInteger } from './x509/der.js';
import { KeyUsage, caBasicConstraintsExtension, keyUsageExtension, subjectKeyIdentifierExtension } from './x509/extensions.js';
import { encodeSubjectName, nameValueBytes } from './x509/names.js';
import { toPem } from './x509/pem.js';
import { timeOrderedSerial } from './x509/serial.js';
import { signatureAlgorithmFor } from './x509/template.js';

export interface CreateFleetCaOptions {
  fleetId: string;
  fleetName: string;
  now: Date;
  /** Default 'ecdsa-p256'. */
  keyType?: KeyType;
  /** Default 3650. */
  validityDays?: number;
}

/** Subject of a fleet CA: `O=<fleetId>, CN=ucs-federation-ca:<fleetName>` (unique per fleet via the id). */
export function fleetCaSubject(fleetId: string, fleetName: string): Buffer {
  nameValueBytes(fleetId, 'fleetId');
  nameValueBytes(fleetName, 'fleetName');
  return encodeSubjectName(`ucs-federation-ca:${fleetName}`, [fleetId]);
}

/**
 * Creates a fleet CA: self-signed X.509 v3, basicConstraints CA:TRUE (critical), keyUsage
 * digitalSignature+keyCertSign+cRLSign (critical), subjectKeyIdentifier; valid for
 * `validityDays` (see validity.ts). Its key is made as the leaves' keys are (keys.ts).
 */
export async function createFleetCa(opts: CreateFleetCaOptions): Promise<CaMaterial> {
  const keyType = opts.keyType ?? 'ecdsa-p256';
  assertKeyType(keyType);
  const validityDays = opts.validityDays ?? 3650;
  if (typeof validityDays !== 'number' || !Number.isFinite(validityDays) || validityDays <= 0 || validityDays > 100 * 366) {
    throw new PkiError('invalid_request', 'validityDays must be a positive number of days (at most 100 years)');
  }
  if (!(opts.now instanceof Date) || Number.isNaN(opts.now.getTime())) {
    throw new PkiError('invalid_request', 'now must be a valid Date');
  }
  const subject = fleetCaSubject(opts.fleetId, opts.fleetName);
  const { notBefore, notAfter } = validityPeriod(opts.now.getTime(), validityDays);
  const key = await generateKey(keyType);
  const signingKey = createPrivateKey(key.pkcs8Pem);
  const alg = signatureAlgorithmFor(signingKey);
  const tbs = sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(timeOrderedSerial()),
    alg.der,
    subject,
    sequence(time(notBefore), time(notAfter)),
    subject,
    key.spki,
    explicit(
      3,
      sequence(
        caBasicConstraintsExtension(),
        keyUsageExtension([KeyUsage.digitalSignature, KeyUsage.keyCertSign, KeyUsage.cRLSign]),
        subjectKeyIdentifierExtension(key.keyId),
      ),
    ),
  );
  const certificate = sequence(tbs, alg.der, bitString(sign(alg.hash, tbs, signingKey)));
  return { certPem: toPem('CERTIFICATE', certificate), keyPem: key.pkcs8Pem };
}
