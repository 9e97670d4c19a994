/**
 * Minimal DER (X.690) encoder and reader: just what the certificate minting
 * needs.
 *
 * Why hand-written: client certificates are minted on the hot path (a fresh
 * key and certificate per request, target well under 0.5 ms). Generic ASN.1
 * libraries (@peculiar/asn1-schema, node-forge, pkijs) build an object tree
 * and serialise it through schema reflection on every call (~3 ms per
 * certificate with @peculiar/x509). None of them can fill in a precomputed
 * template. Here almost every byte of a leaf certificate is computed once per
 * CA; per request we only concatenate a handful of buffers.
 */

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Encodes a definite length (short form < 128, long form otherwise). */
function headerLength(len: number): number {
  if (len < 0x80) return 2;
  if (len < 0x100) return 3;
  if (len < 0x10000) return 4;
  if (len < 0x1000000) return 5;
  return 6;
}

function writeHeader(out: Buffer, pos: number, tag: number, len: number): number {
  out[pos++] = tag;
  if (len < 0x80) {
    out[pos++] = len;
  } else if (len < 0x100) {
    out[pos++] = 0x81;
    out[pos++] = len;
  } else if (len < 0x10000) {
    out[pos++] = 0x82;
    out[pos++] = len >>> 8;
    out[pos++] = len & 0xff;
  } else if (len < 0x1000000) {
    out[pos++] = 0x83;
    out[pos++] = len >>> 16;
    out[pos++] = (len >>> 8) & 0xff;
    out[pos++] = len & 0xff;
  } else {
    out[pos++] = 0x84;
    out.writeUInt32BE(len, pos);
    pos += 4;
  }
  return pos;
}

/** TLV whose value is the concatenation of `parts` (one allocation). */
export function tlv(tag: number, ...parts: readonly Uint8Array[]): Buffer {
  let len = 0;
  for (const p of parts) len += p.length;
  const out = Buffer.allocUnsafe(headerLength(len) + len);
  let pos = writeHeader(out, 0, tag, len);
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

export function sequence(...parts: readonly Uint8Array[]): Buffer {
  return tlv(TAG.SEQUENCE, ...parts);
}

export function set(...parts: readonly Uint8Array[]): Buffer {
  return tlv(TAG.SET, ...parts);
}

/** Context-specific constructed tag `[n] EXPLICIT`. */
export function explicit(n: number, ...parts: readonly Uint8Array[]): Buffer {
  return tlv(0xa0 | n, ...parts);
}

export function octetString(bytes: Uint8Array): Buffer {
  return tlv(TAG.OCTET_STRING, bytes);
}

/** BIT STRING; `unusedBits` is the number of unused bits in the last byte. */
export function bitString(bytes: Uint8Array, unusedBits = 0): Buffer {
  return tlv(TAG.BIT_STRING, Uint8Array.of(unusedBits), bytes);
}

export const NULL_DER: Buffer = Buffer.from([TAG.NULL, 0x00]);
export const TRUE_DER: Buffer = Buffer.from([TAG.BOOLEAN, 0x01, 0xff]);

/** INTEGER from a small non-negative JS number. */
export function smallInteger(n: number): Buffer {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`unsupported integer ${n}`);
  const bytes: number[] = [];
  do {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  } while (n > 0);
  return unsignedInteger(Uint8Array.from(bytes));
}

/**
 * INTEGER from big-endian unsigned magnitude bytes: strips redundant leading
 * zeros and adds one when the high bit is set, as DER requires (Go's
 * crypto/x509 rejects non-minimal encodings).
 */
export function unsignedInteger(bytes: Uint8Array): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const body = bytes.subarray(i);
  if (body.length === 0) return Buffer.from([TAG.INTEGER, 1, 0]);
  return (body[0]! & 0x80) !== 0 ? tlv(TAG.INTEGER, Uint8Array.of(0), body) : tlv(TAG.INTEGER, body);
}

/** OBJECT IDENTIFIER from dotted notation. */
export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map((s) => {
    if (!/^\d+$/.test(s)) throw new RangeError(`bad OID ${dotted}`);
    return Number(s);
  });
  if (arcs.length < 2 || arcs[0]! > 2 || (arcs[0]! < 2 && arcs[1]! > 39)) throw new RangeError(`bad OID ${dotted}`);
  const out: number[] = [];
  const push = (v: number): void => {
    const tmp = [v & 0x7f];
    v = Math.floor(v / 128);
    while (v > 0) {
      tmp.unshift((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(...tmp);
  };
  push(arcs[0]! * 40 + arcs[1]!);
  for (const a of arcs.slice(2)) push(a);
  return tlv(TAG.OID, Uint8Array.from(out));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * RFC 5280 Time: UTCTime (YYMMDDHHMMSSZ) for years 1950..2049,
 * GeneralizedTime (YYYYMMDDHHMMSSZ) otherwise. Sub-second precision is
 * dropped (DER forbids fractional seconds in certificates).
 */
export function time(d: Date): Buffer {
  const y = d.getUTCFullYear();
  if (!(y >= 0 && y <= 9999)) throw new RangeError(`year ${y} cannot be encoded`);
  const rest =
    pad2(d.getUTCMonth() + 1) +
    pad2(d.getUTCDate()) +
    pad2(d.getUTCHours()) +
    pad2(d.getUTCMinutes()) +
    pad2(d.getUTCSeconds()) +
    'Z';
  if (y >= 1950 && y < 2050) return tlv(TAG.UTC_TIME, Buffer.from(pad2(y % 100) + rest, 'latin1'));
  return tlv(TAG.GENERALIZED_TIME, Buffer.from(String(y).padStart(4, '0') + rest, 'latin1'));
}

// ---------------------------------------------------------------------------
// Reader

export interface Tlv {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first value byte. */
  valueStart: number;
  /** Offset just past the value. */
  end: number;
}

export class DerError extends Error {
  override name = 'DerError';
}

/** Reads one TLV at `offset` (definite lengths, low tag numbers only). */
export function readTlv(buf: Uint8Array, offset: number, limit: number = buf.length): Tlv {
  if (offset + 2 > limit) throw new DerError('truncated DER');
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not supported');
  let pos = offset + 1;
  const first = buf[pos++]!;
  let len: number;
  if (first < 0x80) {
    len = first;
  } else {
    const n = first & 0x7f;
    if (n === 0) throw new DerError('indefinite length is not DER');
    if (n > 4) throw new DerError('length too large');
    if (pos + n > limit) throw new DerError('truncated DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[pos++]!;
    if (len < 0x80 || (n > 1 && buf[pos - n] === 0)) throw new DerError('non-minimal DER length');
  }
  const end = pos + len;
  if (end > limit) throw new DerError('truncated DER value');
  return { tag, start: offset, valueStart: pos, end };
}

/** Reads the direct children of a constructed TLV. */
export function readChildren(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let pos = parent.valueStart;
  while (pos < parent.end) {
    const t = readTlv(buf, pos, parent.end);
    out.push(t);
    pos = t.end;
  }
  return out;
}

export function expectTag(t: Tlv | undefined, tag: number, what: string): Tlv {
  if (!t || t.tag !== tag) throw new DerError(`expected ${what}`);
  return t;
}

/** Decodes a UTCTime or GeneralizedTime of the `...Z` form used in certificates. */
export function readTime(buf: Uint8Array, t: Tlv): Date {
  const s = Buffer.from(buf.subarray(t.valueStart, t.end)).toString('latin1');
  let m: RegExpExecArray | null;
  let year: number;
  if (t.tag === TAG.UTC_TIME && (m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s))) {
    const yy = Number(m[1]);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
  } else if (t.tag === TAG.GENERALIZED_TIME && (m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s))) {
    year = Number(m[1]);
  } else {
    throw new DerError(`unsupported time ${JSON.stringify(s)}`);
  }
  const d = new Date(0);
  d.setUTCFullYear(year, Number(m[2]) - 1, Number(m[3]));
  d.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6]), 0);
  return d;
}
