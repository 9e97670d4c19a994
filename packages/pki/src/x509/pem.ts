/** PEM (RFC 7468) encoding and decoding. */

/** Encodes DER as PEM with 64-character lines and a trailing newline. */
export function toPem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  let body = '';
  for (let i = 0; i < b64.length; i += 64) body += b64.slice(i, i + 64) + '\n';
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

/** Returns the DER of every PEM block with the given label, in order. */
export function fromPemAll(pem: string, label: string): Buffer[] {
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  const out: Buffer[] = [];
  for (const m of pem.matchAll(re)) {
    if (m[1] !== label) continue;
    const body = (m[2] ?? '').replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0) {
      throw new Error(`malformed base64 in PEM block ${label}`);
    }
    out.push(Buffer.from(body, 'base64'));
  }
  return out;
}

/** Returns the DER of the first PEM block with the given label. */
export function fromPem(pem: string, label: string): Buffer {
  const first = fromPemAll(pem, label)[0];
  if (!first) throw new Error(`no PEM block "${label}" found`);
  return first;
}
