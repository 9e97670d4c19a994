import { createHmac } from 'node:crypto';
import { SIGNING_ALGORITHM } from './constants.js';
import { sha256Hex } from './canonical.js';

export function stringToSign(sdkDate: string, canonicalRequest: string): string {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequest)}`;
}

/** Lower-hex HMAC-SHA256 of the string to sign, keyed with the SK's UTF-8 bytes. */
export function computeSignature(secretKey: string, sdkDate: string, canonicalRequest: string): string {
  return createHmac('sha256', secretKey).update(stringToSign(sdkDate, canonicalRequest)).digest('hex');
}
