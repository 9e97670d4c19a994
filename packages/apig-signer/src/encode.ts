const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;

/**
 * Percent-encodes everything except the RFC 3986 unreserved characters, byte by byte over UTF-8,
 * with upper-case hex — the encoder all Huawei Cloud SDK signers use for path segments and query parts.
 */
export function percentEncode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += UNRESERVED.test(ch) ? ch : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
