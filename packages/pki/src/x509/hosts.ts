/** Parsing of serving-certificate hosts into subjectAltName entries. */
import { isIPv4, isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';
import { PkiError } from '../types.js';

export type HostEntry = { kind: 'ip'; bytes: Buffer } | { kind: 'dns'; name: string };

function ipv4Bytes(s: string): number[] {
  return s.split('.').map(Number);
}

/** 16 bytes of an IPv6 address (syntax already validated by node:net; no zone id). */
export function ipv6Bytes(s: string): Buffer {
  let str = s;
  let tail: number[] | undefined;
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.', lastColon)) {
    // Embedded IPv4 (e.g. ::ffff:192.0.2.1): parse it as two placeholder groups.
    tail = ipv4Bytes(s.slice(lastColon + 1));
    str = s.slice(0, lastColon + 1) + '0:0';
  }
  let groups: string[];
  const dbl = str.indexOf('::');
  if (dbl >= 0) {
    const left = str.slice(0, dbl).split(':').filter((g) => g !== '');
    const right = str.slice(dbl + 2).split(':').filter((g) => g !== '');
    groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  } else {
    groups = str.split(':');
  }
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) {
    throw new PkiError('invalid_request', `invalid IPv6 address ${s}`);
  }
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  if (tail) out.set(tail, 12);
  return out;
}

const DNS_LABEL = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/i;

/** Classifies and validates one host. IPs become iPAddress, names dNSName (IDNs in A-label form). */
export function parseHost(host: unknown): HostEntry {
  if (typeof host !== 'string' || host.length === 0) {
    throw new PkiError('invalid_request', 'hosts entries must be non-empty strings');
  }
  if (isIPv4(host)) return { kind: 'ip', bytes: Buffer.from(ipv4Bytes(host)) };
  // Allow the bracketed URL form too.
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare.includes('%')) throw new PkiError('invalid_request', `IPv6 zone identifiers are not allowed: ${host}`);
  if (isIPv6(bare)) return { kind: 'ip', bytes: ipv6Bytes(bare) };

  const wildcard = host.startsWith('*.');
  const rest = wildcard ? host.slice(2) : host;
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(rest) ? rest : domainToASCII(rest);
  const labels = ascii.split('.');
  // An all-numeric last label is never a real name (RFC 3696 s2) but usually a mistyped IP.
  if (
    ascii.length === 0 ||
    ascii.length > 253 ||
    !labels.every((l) => DNS_LABEL.test(l)) ||
    /^\d+$/.test(labels[labels.length - 1]!)
  ) {
    throw new PkiError('invalid_request', `invalid host name ${JSON.stringify(host)}`);
  }
  return { kind: 'dns', name: (wildcard ? '*.' : '') + ascii };
}
