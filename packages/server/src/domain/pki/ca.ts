/**
 * Creation of a fleet CA (self-signed, like kubeadm's cluster CA). Rare, so
 * it uses @peculiar/x509 over WebCrypto; loaded lazily so that processes that
 * only mint certificates never load it (nor reflect-metadata's globals).
 */
import { generateKeyPair, webcrypto } from 'node:crypto';
import { promisify } from 'node:util';
import { randomSerial } from './serial.js';
import { encodeSubjectName, nameValueBytes } from './names.js';
import { toPem } from './pem.js';
import { assertKeyType } from './keys.js';
import { PkiError, type CaMaterial, type KeyType } from './types.js';

export interface CreateFleetCaOptions {
  fleetId: string;
  fleetName: string;
  now: Date;
  /** Default 'ecdsa-p256'. */
  keyType?: KeyType;
  /** Default 3650. */
  validityDays?: number;
}

const generateKeyPairAsync = promisify(generateKeyPair);

export const CA_BACKDATE_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Subject of a fleet CA: `O=<fleetId>, CN=ucs-federation-ca:<fleetName>` (unique per fleet via the id). */
export function fleetCaSubject(fleetId: string, fleetName: string): Buffer {
  nameValueBytes(fleetId, 'fleetId');
  nameValueBytes(fleetName, 'fleetName');
  return encodeSubjectName(`ucs-federation-ca:${fleetName}`, [fleetId]);
}

/**
 * Creates a fleet CA: self-signed X.509 v3, basicConstraints CA:TRUE
 * (critical), keyUsage digitalSignature+keyCertSign+cRLSign (critical),
 * subjectKeyIdentifier; valid from `now - 5 min` for `validityDays`.
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
  const now = Math.floor(opts.now.getTime() / 1000) * 1000;
  const notBefore = new Date(now - CA_BACKDATE_MS);
  const notAfter = new Date(now + Math.round(validityDays * DAY_MS));

  await import('reflect-metadata');
  const x509 = await import('@peculiar/x509');
  const crypto = webcrypto;
  // Generated as DER (off the main thread) and imported, rather than
  // subtle.generateKey: see keys.ts about KeyObjects shared with keygen jobs.
  const { publicKey: spki, privateKey: pkcs8 } =
    keyType === 'ecdsa-p256'
      ? await generateKeyPairAsync('ec', {
          namedCurve: 'prime256v1',
          publicKeyEncoding: { type: 'spki', format: 'der' },
          privateKeyEncoding: { type: 'pkcs8', format: 'der' },
        })
      : await generateKeyPairAsync('rsa', {
          modulusLength: 2048,
          publicExponent: 0x10001,
          publicKeyEncoding: { type: 'spki', format: 'der' },
          privateKeyEncoding: { type: 'pkcs8', format: 'der' },
        });
  const importAlg =
    keyType === 'ecdsa-p256' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const keys: webcrypto.CryptoKeyPair = {
    privateKey: await crypto.subtle.importKey('pkcs8', pkcs8, importAlg, false, ['sign']),
    publicKey: await crypto.subtle.importKey('spki', spki, importAlg, true, ['verify']),
  };

  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: randomSerial().toString('hex'),
      name: new x509.Name(subject),
      notBefore,
      notAfter,
      keys,
      signingAlgorithm: keyType === 'ecdsa-p256' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' },
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature,
          true,
        ),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  return {
    certPem: toPem('CERTIFICATE', new Uint8Array(cert.rawData)),
    keyPem: toPem('PRIVATE KEY', pkcs8),
  };
}
