import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openapiYamlText, operationTable } from '@ucs-fleet/types';
import { startStub, type Stub } from '@ucs-fleet/server';
import { parse } from 'yaml';
import { callApi } from './support/http.js';

interface SpecOperation {
  operationId: string;
  security?: unknown[];
  'x-ucs-static'?: boolean;
  responses: Record<string, { content?: Record<string, unknown> }>;
}
const spec = parse(openapiYamlText) as { paths: Record<string, Record<string, SpecOperation>> };
const staticOperations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([, op]) => op['x-ucs-static'] === true)
    .map(([method, op]) => ({ path, method, op })),
);

describe('the server serves its contract', () => {
  let stub: Stub;
  before(async () => {
    stub = await startStub();
  });
  after(() => stub.close());

  test('openapi.yaml names the four contract documents, public and marked x-ucs-static', () => {
    assert.deepEqual(staticOperations.map((s) => `${s.method.toUpperCase()} ${s.path}`).sort(), [
      'GET /docs',
      'GET /docs/redoc.standalone.js',
      'GET /openapi.json',
      'GET /openapi.yaml',
    ]);
    for (const { op } of staticOperations) {
      assert.deepEqual(op.security, [], `${op.operationId} needs no credentials`);
      assert.equal(operationTable[op.operationId as keyof typeof operationTable].static, true, `${op.operationId} is static in the generated table`);
    }
    const marked = Object.entries(operationTable).filter(([, r]) => r.static).map(([id]) => id);
    assert.deepEqual(marked.sort(), staticOperations.map((s) => s.op.operationId).sort());
  });

  test('each answers 200 without credentials, in the media type openapi.yaml gives it, with a request id', async () => {
    for (const { path, op } of staticOperations) {
      const response = await fetch(`${stub.url}${path}`);
      await response.arrayBuffer();
      assert.equal(response.status, 200, path);
      const mediaTypes = Object.keys(op.responses['200']?.content ?? {});
      const contentType = (response.headers.get('content-type') ?? '').split(';')[0];
      assert.deepEqual([contentType], mediaTypes, `${path} is ${contentType}`);
      assert.ok(response.headers.get('x-request-id'), `${path} has X-Request-Id`);
    }
  });

  test('a conditional or ranged GET is answered in full with 200, as openapi.yaml lists no 304, 412 or 206 (documents and API alike)', async () => {
    const conditional: Record<string, string>[] = [
      { 'If-None-Match': '*' },
      { 'If-None-Match': '"x"', 'If-Modified-Since': new Date(Date.now() + 86_400_000).toUTCString() },
      { 'If-Match': '"x"' },
      { 'If-Unmodified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' },
      { Range: 'bytes=0-9' },
      { Range: 'bytes=0-9', 'If-Range': new Date().toUTCString() },
    ];
    const targets = [...staticOperations.map((s) => ({ path: s.path, headers: {} as Record<string, string> })), { path: operationTable.ListClusterGroup.path, headers: { 'X-Auth-Token': stub.token } }];
    for (const { path, headers } of targets) {
      const full = await (await fetch(`${stub.url}${path}`, { headers })).arrayBuffer();
      for (const extra of conditional) {
        const response = await fetch(`${stub.url}${path}`, { headers: { ...headers, ...extra } });
        const body = await response.arrayBuffer();
        assert.equal(response.status, 200, `${path} with ${JSON.stringify(extra)}`);
        assert.equal(body.byteLength, full.byteLength, `${path} with ${JSON.stringify(extra)}: the whole answer`);
        assert.equal(response.headers.get('content-range'), null, `${path} with ${JSON.stringify(extra)}: no part`);
      }
    }
  });

  test('/openapi.yaml is the embedded spec byte for byte, /openapi.json the same document', async () => {
    assert.equal(await (await fetch(`${stub.url}/openapi.yaml`)).text(), openapiYamlText);
    assert.deepEqual(await (await fetch(`${stub.url}/openapi.json`)).json(), spec);
  });

  test('/docs loads nothing from another origin', async () => {
    const response = await fetch(`${stub.url}/docs`);
    const html = await response.text();
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    const references = [...html.matchAll(/\b(?:src|href|spec-url)="([^"]*)"/g)].map((m) => m[1]!);
    assert.ok(references.length >= 2, html);
    for (const ref of references) {
      if (ref.startsWith('data:')) continue;
      assert.match(ref, /^\/[^/]/, `${ref} is a path on this server`);
      assert.ok(ref in spec.paths, `${ref} is a path of openapi.yaml`);
      assert.equal((await fetch(`${stub.url}${ref}`)).status, 200, ref);
    }
  });

  test('the renderer is Redoc\'s standalone bundle, MIT', async () => {
    const script = await (await fetch(`${stub.url}/docs/redoc.standalone.js`)).text();
    assert.match(script.slice(0, 300), /@license MIT/);
    assert.match(script, /export\s*\{[^}]*\binit\b/);
  });

  test('another method on these paths is a 405 UCS error, as anywhere in the API (HEAD and OPTIONS too)', async () => {
    for (const { path } of staticOperations) {
      for (const method of ['POST', 'DELETE', 'OPTIONS']) {
        const response = await callApi(stub.url, { method, path, ...(method === 'POST' ? { body: {} } : {}) });
        assert.equal(response.status, 405, `${method} ${path}`);
        assert.deepEqual((response.body as { error_code: string }).error_code, 'UCS.00000013');
      }
      const head = await fetch(`${stub.url}${path}`, { method: 'HEAD' });
      assert.equal(head.status, 405, `HEAD ${path}`);
    }
  });
});
