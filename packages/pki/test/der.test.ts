import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import {
  DerError,
  oid,
  readChildren,
  readTime,
  readTlv,
  sequence,
  smallInteger,
  time,
  tlv,
  unsignedInteger,
} from '../src/x509/der.js';
import { KeyUsage, keyUsageExtension } from '../src/x509/extensions.js';
import { ipv6Bytes, parseHost } from '../src/x509/hosts.js';
import { generateKey, generateOnThreadpool } from '../src/keys.js';
import { encodeP256Jwk } from '../src/speed/p256.js';
import { keyIdFromSpki } from '../src/x509/key-id.js';
import { encodeSubjectName } from '../src/x509/names.js';
import { fromPem, fromPemAll, toPem } from '../src/x509/pem.js';
import { timeOrderedSerial } from '../src/x509/serial.js';
import { PkiError } from '../src/types.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

test('DER lengths: short and long forms', () => {
  assert.equal(hex(tlv(0x04, Buffer.alloc(0))), '0400');
  assert.equal(hex(tlv(0x04, Buffer.alloc(127)).subarray(0, 2)), '047f');
  assert.equal(hex(tlv(0x04, Buffer.alloc(128)).subarray(0, 3)), '048180');
  assert.equal(hex(tlv(0x04, Buffer.alloc(255)).subarray(0, 3)), '0481ff');
  assert.equal(hex(tlv(0x04, Buffer.alloc(256)).subarray(0, 4)), '04820100');
  assert.equal(hex(tlv(0x04, Buffer.alloc(70000)).subarray(0, 5)), '0483011170');
  for (const n of [0, 1, 127, 128, 255, 256, 65535, 65536, 70000]) {
    const t = readTlv(tlv(0x04, Buffer.alloc(n)), 0);
    assert.equal(t.end - t.valueStart, n);
  }
});

test('DER INTEGER is minimal and positive', () => {
  assert.equal(hex(smallInteger(0)), '020100');
  assert.equal(hex(smallInteger(2)), '020102');
  assert.equal(hex(smallInteger(128)), '02020080');
  assert.equal(hex(smallInteger(256)), '02020100');
  assert.equal(hex(unsignedInteger(Buffer.from('0000ff', 'hex'))), '020200ff');
  assert.equal(hex(unsignedInteger(Buffer.from('00007f', 'hex'))), '02017f');
  assert.equal(hex(unsignedInteger(Buffer.from('0000', 'hex'))), '020100');
});

test('OIDs encode as in the RFCs', () => {
  assert.equal(hex(oid('2.5.4.3')), '0603550403');
  assert.equal(hex(oid('1.2.840.10045.4.3.2')), '06082a8648ce3d040302');
  assert.equal(hex(oid('1.2.840.113549.1.1.11')), '06092a864886f70d01010b');
  assert.equal(hex(oid('1.3.6.1.5.5.7.3.2')), '06082b06010505070302');
  assert.throws(() => oid('1'), RangeError);
  assert.throws(() => oid('1.40.1'), RangeError);
});

test('Time: UTCTime for 1950..2049, GeneralizedTime otherwise, whole seconds', () => {
  const cases: Array<[string, string]> = [
    ['2049-12-31T23:59:59.999Z', '170d3439313233313233353935395a'],
    ['2050-01-01T00:00:00Z', '180f32303530303130313030303030305a'],
    ['1950-01-01T00:00:00Z', '170d3530303130313030303030305a'],
    ['1949-12-31T23:59:59Z', '180f31393439313233313233353935395a'],
  ];
  for (const [iso, der] of cases) {
    const enc = time(new Date(iso));
    assert.equal(hex(enc), der, iso);
    const back = readTime(enc, readTlv(enc, 0));
    assert.equal(back.getTime(), Math.floor(new Date(iso).getTime() / 1000) * 1000);
  }
  assert.throws(() => time(new Date('+010000-01-01T00:00:00Z')), RangeError);
});

test('DER reader rejects non-DER input', () => {
  assert.throws(() => readTlv(Buffer.from('3080', 'hex'), 0), DerError); // indefinite
  assert.throws(() => readTlv(Buffer.from('04810100', 'hex'), 0), DerError); // non-minimal length
  assert.throws(() => readTlv(Buffer.from('0405000000', 'hex'), 0), DerError); // truncated
  assert.throws(() => readTlv(Buffer.from('1f0100', 'hex'), 0), DerError); // high tag
  const s = sequence(smallInteger(1), smallInteger(2));
  assert.equal(readChildren(s, readTlv(s, 0)).length, 2);
});

test('keyUsage named bit strings drop trailing zero bits', () => {
  const value = (ext: Buffer): string => hex(ext.subarray(ext.length - 4));
  assert.equal(value(keyUsageExtension([KeyUsage.digitalSignature])), '03020780');
  assert.equal(value(keyUsageExtension([KeyUsage.digitalSignature, KeyUsage.keyEncipherment])), '030205a0');
  assert.equal(
    value(keyUsageExtension([KeyUsage.digitalSignature, KeyUsage.keyCertSign, KeyUsage.cRLSign])),
    '03020186',
  );
});

test('IPv6 parsing', () => {
  assert.equal(hex(ipv6Bytes('::1')), '00000000000000000000000000000001');
  assert.equal(hex(ipv6Bytes('::')), '00000000000000000000000000000000');
  assert.equal(hex(ipv6Bytes('fe80::1:2')), 'fe800000000000000000000000010002');
  assert.equal(hex(ipv6Bytes('2001:db8:0:0:1:0:0:1')), '20010db8000000000001000000000001');
  assert.equal(hex(ipv6Bytes('::ffff:192.0.2.1')), '00000000000000000000ffffc0000201');
  assert.equal(hex(ipv6Bytes('1:2:3:4:5:6:7.8.9.10')), '0001000200030004000500060708090a');
  assert.equal(hex(ipv6Bytes('1::')), '00010000000000000000000000000000');
});

test('hosts: IPs, DNS names, IDNs, wildcards; garbage rejected', () => {
  assert.deepEqual(parseHost('127.0.0.1'), { kind: 'ip', bytes: Buffer.from([127, 0, 0, 1]) });
  assert.equal(parseHost('[::1]').kind, 'ip');
  assert.deepEqual(parseHost('localhost'), { kind: 'dns', name: 'localhost' });
  assert.deepEqual(parseHost('*.fleet.example.com'), { kind: 'dns', name: '*.fleet.example.com' });
  assert.deepEqual(parseHost('bücher.example'), { kind: 'dns', name: 'xn--bcher-kva.example' });
  for (const bad of ['', '1.2.3.256', '10.0.0.1.5', 'a b', 'foo..bar', '-x.com', 'x.com.', 'fe80::1%eth0', '*', 'a.*.com', 'x/y', 42]) {
    assert.throws(() => parseHost(bad), PkiError, String(bad));
  }
});

test('names: values are encoded verbatim as UTF8String; bad values rejected', () => {
  const tricky = 'a,b=c+"d"\\#<é>;漢字 🚀';
  const der = encodeSubjectName(tricky, ['system:masters', ' spaced ']);
  assert.ok(der.includes(Buffer.from(tricky, 'utf8')));
  assert.ok(der.includes(Buffer.from(' spaced ', 'utf8')));
  assert.throws(() => encodeSubjectName(''), PkiError);
  assert.throws(() => encodeSubjectName('x', ['']), PkiError);
  assert.throws(() => encodeSubjectName('a\u0000b'), PkiError);
  assert.throws(() => encodeSubjectName('a\ud800b'), PkiError);
  assert.throws(() => encodeSubjectName('x'.repeat(2000)), PkiError);
  assert.throws(() => encodeSubjectName(undefined as unknown as string), PkiError);
  assert.throws(() => encodeSubjectName('x', 'grp' as unknown as string[]), PkiError);
});

test('P-256 keys: our SPKI/PKCS#8 are byte-identical to OpenSSL/node exports, and every key is new', async () => {
  // 2000 keys: about 8 of them have a private scalar with a leading zero byte (padded to 32).
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const k = await generateKey('ecdsa-p256');
    seen.add(hex(k.spki));
    const priv = createPrivateKey(k.pkcs8Pem);
    assert.equal(priv.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    assert.equal(hex(priv.export({ type: 'pkcs8', format: 'der' })), hex(fromPem(k.pkcs8Pem, 'PRIVATE KEY')));
    assert.equal(hex(createPublicKey(priv).export({ type: 'spki', format: 'der' })), hex(k.spki));
    // key id = SHA-1 of the uncompressed point
    assert.equal(hex(k.keyId), createHash('sha1').update(k.spki.subarray(26)).digest('hex'));
    assert.equal(hex(keyIdFromSpki(k.spki)), hex(k.keyId));
  }
  assert.equal(seen.size, 2000);
  // JWK -> encoded -> KeyObject -> JWK
  const jwk = createPrivateKey((await generateKey('ecdsa-p256')).pkcs8Pem).export({ format: 'jwk' });
  const enc = encodeP256Jwk(jwk);
  assert.deepEqual(createPrivateKey(enc.pkcs8Pem).export({ format: 'jwk' }), jwk);
  assert.equal(hex(createPublicKey(createPrivateKey(enc.pkcs8Pem)).export({ type: 'spki', format: 'der' })), hex(enc.spki));
  // and the pool's background P-256 keys, which come through a JWK
  const background = await generateOnThreadpool('ecdsa-p256');
  assert.equal(hex(createPublicKey(createPrivateKey(background.pkcs8Pem)).export({ type: 'spki', format: 'der' })), hex(background.spki));
});

test('RSA keys round-trip', async () => {
  const k = await generateKey('rsa-2048');
  assert.equal(k.isRsa, true);
  const priv = createPrivateKey(k.pkcs8Pem);
  assert.equal(priv.asymmetricKeyDetails?.modulusLength, 2048);
  assert.equal(hex(createPublicKey(priv).export({ type: 'spki', format: 'der' })), hex(k.spki));
});

test('serials: 16 bytes, positive, first byte non-zero, distinct', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 5000; i++) {
    const s = timeOrderedSerial();
    assert.equal(s.length, 16);
    assert.ok(s[0]! >= 1 && s[0]! <= 0x7f);
    seen.add(hex(s));
  }
  assert.equal(seen.size, 5000);
});

test('serials: ordered by the millisecond they were made in, random after it', () => {
  const earlier = hex(timeOrderedSerial(Date.UTC(2026, 0, 1)));
  const later = hex(timeOrderedSerial(Date.UTC(2026, 0, 1) + 1));
  assert.ok(earlier < later, `${earlier} sorts before ${later}`);
  const sameMs = [timeOrderedSerial(5), timeOrderedSerial(5)].map(hex);
  assert.equal(sameMs[0]!.slice(0, 12), sameMs[1]!.slice(0, 12));
  assert.notEqual(sameMs[0]!.slice(12), sameMs[1]!.slice(12));
});

test('PEM round trip', () => {
  const der = Buffer.from(Array.from({ length: 200 }, (_, i) => i));
  const pem = toPem('CERTIFICATE', der);
  assert.match(pem, /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/);
  assert.deepEqual(fromPem(pem, 'CERTIFICATE'), der);
  assert.equal(fromPemAll(pem + pem.replace(/\n/g, '\r\n'), 'CERTIFICATE').length, 2);
  assert.throws(() => fromPem(pem, 'PRIVATE KEY'));
});
