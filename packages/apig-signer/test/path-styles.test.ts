import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalUriFor, signRequest, verifyRequest, type PathStyle } from '@ucs-fleet/apig-signer';
import { officialSdkRequest } from './official-signer.js';
import { signLikePythonSdk } from './python-signer.js';

const AK = 'HPUAEXAMPLEAK1234567';
const SK = 'exampleSecretKey0123456789abcdefghijklmn';
const lookup = (ak: string): string | undefined => (ak === AK ? SK : undefined);
const now = new Date('2025-06-01T12:00:00Z');
const host = 'ucs.myhuaweicloud.com';
const body = '{"duration":30}';
const baseHeaders = { host, 'content-type': 'application/json', 'x-domain-id': 'domain-1' };

/** Fleet ids with characters outside A-Za-z0-9-_.~, sent as clients send path parameters (encodeURIComponent). */
const ids = ['no such fleet', 'a+b', 'a/b', '50%', 'flotte-ü', '艦隊'];
/** Ids holding escape text: their decoded path still has a `%XX`, so only the node-sdk form is accepted. */
const escapeTextIds = ['%41', 'x%C3%28', 'no%20such'];
const wirePath = (id: string): string => `/v1/clustergroups/${encodeURIComponent(id)}/kubeconfig`;
/** Python's signatures, made by python3 from the SDK's algorithm, for these paths. */
const pythonPaths = [...ids, ...escapeTextIds].map(wirePath).concat(['/v1/clustergroups/bad%C3%28utf8/kubeconfig', '/v1/clustergroups/50%/kubeconfig']);
const pythonSigned = signLikePythonSdk(
  pythonPaths.map((path) => ({
    method: 'POST',
    path,
    headers: baseHeaders,
    body,
    ak: AK,
    sk: SK,
    date: now,
  })),
);

const received = (path: string, added: Record<string, string>) => ({
  method: 'POST',
  path,
  query: '',
  headers: { ...baseHeaders, 'x-sdk-date': added['X-Sdk-Date']!, authorization: added['Authorization']! },
  rawBody: Buffer.from(body),
});

test('the python-sdk canonical URI is what urllib.parse makes of the path (vectors from python3)', () => {
  pythonPaths.forEach((path, i) => assert.equal(canonicalUriFor(path, 'python-sdk'), pythonSigned[i]!.canonicalUri, path));
  // The two forms differ for every id here: the reason both must be accepted.
  for (const id of ids) assert.notEqual(canonicalUriFor(wirePath(id), 'node-sdk'), canonicalUriFor(wirePath(id), 'python-sdk'), id);
});

test('signRequest with pathStyle python-sdk gives the Python SDK algorithm\'s Authorization', () => {
  pythonPaths.forEach((path, i) => {
    const ours = signRequest({ method: 'POST', path, headers: baseHeaders, body }, { accessKey: AK, secretKey: SK }, { date: now, pathStyle: 'python-sdk', signedHeaders: ['content-type', 'host', 'x-domain-id', 'x-sdk-date'] });
    assert.equal(ours['Authorization'], pythonSigned[i]!.headers.Authorization, path);
  });
});

const signers: { name: string; style: PathStyle; sign: (id: string) => { path: string; added: Record<string, string> } }[] = [
  {
    name: 'Python SDK algorithm (python3)',
    style: 'python-sdk',
    sign: (id) => ({ path: wirePath(id), added: pythonSigned[pythonPaths.indexOf(wirePath(id))]!.headers }),
  },
  {
    name: 'our signer, node-sdk style',
    style: 'node-sdk',
    sign: (id) => ({ path: wirePath(id), added: signRequest({ method: 'POST', path: wirePath(id), headers: baseHeaders, body }, { accessKey: AK, secretKey: SK }, { date: now }) }),
  },
  {
    // HcClient puts the raw id into the URL; axios sends the WHATWG-encoded path.
    name: 'official Node SDK',
    style: 'node-sdk',
    sign: (id) => {
      const url = `https://${host}/v1/clustergroups/${id}/kubeconfig`;
      const signed = officialSdkRequest({ method: 'POST', url, headers: { 'content-type': 'application/json', 'X-Domain-Id': 'domain-1' }, body, ak: AK, sk: SK, date: now });
      return { path: new URL(url).pathname, added: signed.headers };
    },
  },
];

for (const signer of signers) {
  test(`verifyRequest accepts the ${signer.name} for ids with space, +, /, %, non-ASCII`, () => {
    for (const id of ids) {
      const { path, added } = signer.sign(id);
      const result = verifyRequest(received(path, added), lookup, { now });
      assert.equal(result.ok, true, `${id}: ${result.ok ? '' : result.message}`);
      // The official Node SDK signs a non-ASCII id once, as the Python form does.
      const expected = canonicalUriFor(path, 'node-sdk') === canonicalUriFor(path, 'python-sdk') ? 'node-sdk' : signer.name === 'official Node SDK' && /[^\x00-\x7f]/.test(id) ? 'python-sdk' : signer.style;
      if (result.ok) assert.equal(result.pathStyle, expected, id);
    }
  });
}

test('accepting both forms does not let a signature cover another id', () => {
  for (const signer of signers) {
    const { added } = signer.sign('no such fleet');
    for (const other of ['no+such+fleet', 'no%2520such%2520fleet', 'no%20such%20flee', 'no%2Bsuch%2Bfleet']) {
      const result = verifyRequest(received(`/v1/clustergroups/${other}/kubeconfig`, added), lookup, { now });
      assert.equal(result.ok, false, `${signer.name}: signed for "no such fleet", sent as ${other}`);
      if (!result.ok) assert.equal(result.reason, 'bad-signature');
    }
  }
});

test('ids holding escape text: the node-sdk form is accepted, the python-sdk form refused', () => {
  for (const id of escapeTextIds) {
    const [python, node] = [signers[0]!, signers[1]!].map((s) => s.sign(id));
    assert.equal(verifyRequest(received(python!.path, python!.added), lookup, { now }).ok, false, `python-sdk ${id}`);
    assert.equal(verifyRequest(received(node!.path, node!.added), lookup, { now }).ok, true, `node-sdk ${id}`);
  }
});
