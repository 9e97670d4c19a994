/** Random certificate serial numbers. */
import { randomFillSync } from 'node:crypto';

const BATCH = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * 16 random bytes usable as a positive, minimally encoded DER INTEGER: the
 * first bit is cleared (positive) and the first byte is never 0 (otherwise
 * the DER encoding would have to drop it and be shorter than 16 bytes).
 * ~127 bits of entropy, well above the CA/B Forum's 64.
 *
 * Bytes come from a CSPRNG batch (one randomFillSync per 256 serials; a
 * randomBytes(16) call per certificate costs ~8 us). Each batch is a fresh
 * buffer, so returned serials are never overwritten.
 */
export function randomSerial(): Buffer {
  if (offset + 16 > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafeSlow(BATCH));
    offset = 0;
  }
  const s = pool.subarray(offset, offset + 16);
  offset += 16;
  s[0] = s[0]! & 0x7f || 0x01;
  return s;
}
