import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as OpenApiValidator from 'express-openapi-validator';
import { memoiseValidatorRouteLookup, validatorFailure } from '../src/http/validator.js';

type Compiled = { regexp: RegExp; keys: { name: string }[] };
type Compile = (path: string, options?: Record<string, unknown>) => Compiled;

const validatorsCopy = (): { pathToRegexp: Compile } =>
  createRequire(createRequire(import.meta.url).resolve('express-openapi-validator'))('path-to-regexp') as { pathToRegexp: Compile };

test("the validator's route lookup compiles each route once and still matches exactly as before", () => {
  const original = validatorsCopy().pathToRegexp;
  memoiseValidatorRouteLookup();
  memoiseValidatorRouteLookup(); // idempotent: not wrapped twice
  const compile = validatorsCopy().pathToRegexp;
  const route = '/v1/clustergroups/:clustergroupid/kubeconfig';
  const opts = { sensitive: true, strict: true };
  const first = compile(route, opts);
  assert.equal(compile(route, { ...opts }), first, 'the same route and options give the cached result');
  assert.notEqual(compile(route, { sensitive: false, strict: true }), first, 'other options are another entry');
  const fresh = original(route, opts);
  assert.equal(first.regexp.source, fresh.regexp.source);
  assert.equal(first.regexp.flags, fresh.regexp.flags);
  assert.deepEqual(first.keys, fresh.keys);
  for (const path of ['/v1/clustergroups/abc/kubeconfig', '/v1/clustergroups/abc/kubeconfig/', '/V1/clustergroups/abc/kubeconfig', '/v1/clustergroups//kubeconfig']) {
    assert.deepEqual(first.regexp.exec(path)?.slice(1) ?? null, fresh.regexp.exec(path)?.slice(1) ?? null, path);
  }
  // Calls with options the validator never passes are not cached.
  assert.notEqual(compile(route, { end: false }), compile(route, { end: false }));
});

test("the validator's errors are told by their class, not by their shape", () => {
  const thrown = new OpenApiValidator.error.BadRequest({ path: '/body/duration', message: 'must be integer' });
  assert.deepEqual(validatorFailure(thrown), { status: 400, path: '/body/duration', message: 'must be integer' });
  const notFound = new OpenApiValidator.error.NotFound({ path: '/v1/nothing', message: 'not found' });
  assert.deepEqual(validatorFailure(notFound), { status: 404, path: '/v1/nothing', message: 'not found' });
  // Another library's error of the same shape is not taken for one.
  assert.equal(validatorFailure(Object.assign(new Error('x'), { status: 400, errors: [{ path: '/body', message: 'x' }] })), undefined);
  assert.equal(validatorFailure(undefined), undefined);
});
