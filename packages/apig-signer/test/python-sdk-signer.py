#!/usr/bin/env python3
"""SDK-HMAC-SHA256 signing the way the official Python SDK (huaweicloudsdkcore, auth/signer.py,
class Signer) does it, written from its algorithm with the standard library only, so that tests
can check the verifier against Python's canonical path without the SDK installed.

The one point where the SDKs differ: the canonical URI is built from urllib.parse.unquote(path),
each segment then quoted with safe='~' (the Node SDK encodes the path as sent, without decoding).

stdin: a JSON list of {method, path, query: [[k, v], ...], headers: {name: value}, body, ak, sk, date}
stdout: a JSON list of {canonicalUri, authorization}; every given header is signed.
"""
import hashlib
import hmac
import json
import sys
from urllib.parse import quote, unquote


def url_encode(s):
    return quote(s, safe='~')


def canonical_uri(path):
    url_path = '/'.join(url_encode(segment) for segment in unquote(path).split('/'))
    return url_path if url_path.endswith('/') else url_path + '/'


def canonical_query(pairs):
    by_key = {}
    for key, value in pairs:
        by_key.setdefault(key, []).append(value)
    parts = []
    for key in sorted(by_key):
        for value in sorted(by_key[key]):
            parts.append(url_encode(key) + '=' + url_encode(value))
    return '&'.join(parts)


def sign(r):
    headers = {name.lower(): value.strip() for name, value in r['headers'].items()}
    headers['x-sdk-date'] = r['date']
    signed = sorted(headers)
    body = r.get('body', '').encode('utf-8')
    if headers.get('x-sdk-content-sha256') == 'UNSIGNED-PAYLOAD':
        payload_hash = 'UNSIGNED-PAYLOAD'
    else:
        payload_hash = hashlib.sha256(body).hexdigest()
    uri = canonical_uri(r['path'])
    canonical = '%s\n%s\n%s\n%s\n%s\n%s' % (
        r['method'].upper(),
        uri,
        canonical_query(r.get('query', [])),
        ''.join('%s:%s\n' % (name, headers[name]) for name in signed),
        ';'.join(signed),
        payload_hash,
    )
    string_to_sign = 'SDK-HMAC-SHA256\n%s\n%s' % (r['date'], hashlib.sha256(canonical.encode('utf-8')).hexdigest())
    signature = hmac.new(r['sk'].encode('utf-8'), string_to_sign.encode('utf-8'), hashlib.sha256).hexdigest()
    return {
        'canonicalUri': uri,
        'authorization': 'SDK-HMAC-SHA256 Access=%s, SignedHeaders=%s, Signature=%s' % (r['ak'], ';'.join(signed), signature),
    }


json.dump([sign(r) for r in json.load(sys.stdin)], sys.stdout)
