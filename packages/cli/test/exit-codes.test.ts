/** What a user sees when something goes wrong: distinct exit codes, the UCS code and request id, no stack trace. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Command } from 'commander';
import type { RunningServer } from '@ucs-fleet/server';
import { closedPort } from '../../server/test/support/http.js';
import { startTestServer } from '../../server/test/support/test-server.js';
import { createContext } from '../src/context.js';
import { buildProgram } from '../src/program.js';
import { cleanEnv, stackTraceLine, tempHome, ucs, ucsInProcess } from './support/cli.js';

describe('exit codes', () => {
  let server: RunningServer;
  const home = tempHome('exit');
  let env: Record<string, string>;
  before(async () => {
    server = await startTestServer();
    env = cleanEnv(home, { UCS_ENDPOINT: server.url, UCS_TOKEN: 'dev-token' });
  });
  after(() => server.close());

  test('usage error: 2, with the reason and a pointer to --help', async () => {
    const r = await ucs(['fleet', 'lsit'], env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /ucs: error: unknown command 'lsit'/);
    assert.match(r.stderr, /Did you mean list\?/);
    assert.doesNotMatch(r.stderr, stackTraceLine);
  });

  const usageCases: [string, string[], RegExp][] = [
    ['a missing argument', ['fleet', 'show'], /missing required argument 'fleet'/],
    ['an unknown option', ['fleet', 'list', '--colour'], /unknown option '--colour'/],
    ['a bad output format', ['fleet', 'list', '-o', 'xml'], /Allowed choices are table, json, yaml/],
    ['a duration out of range', ['kubeconfig', 'get', 'demo', '--duration', '1826'], /whole number of days from 1 to 1825/],
    ['a bad timeout', ['federation', 'enable', 'demo', '--wait', '--timeout', 'soon'], /"soon" is not a duration/],
    ['a missing required option', ['connection', 'create', 'demo', '--vpc-id', 'v', '--subnet-id', 's'], /required option '--project-id <id>' not specified/],
    ['--dry-run without --merge', ['kubeconfig', 'get', 'demo', '--dry-run'], /--dry-run only works with --merge/],
    ['-o with --merge', ['kubeconfig', 'get', 'demo', '--merge', '-o', 'json'], /does not go with --merge/],
    ['no command', [], /Usage: ucs/],
  ];
  for (const [what, args, message] of usageCases) {
    test(`usage error for ${what}: 2`, async () => {
      const r = await ucsInProcess(args, env, home);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }

  test('no endpoint or no credentials: 2, saying where to set them', async () => {
    const noEndpoint = await ucsInProcess(['fleet', 'list'], cleanEnv(home, { UCS_TOKEN: 'dev-token' }), home);
    assert.equal(noEndpoint.code, 2);
    assert.match(noEndpoint.stderr, /no UCS endpoint: give --endpoint URL, set UCS_ENDPOINT, or add endpoint to a profile/);
    const noCredentials = await ucsInProcess(['fleet', 'list'], cleanEnv(home, { UCS_ENDPOINT: server.url }), home);
    assert.equal(noCredentials.code, 2);
    assert.match(noCredentials.stderr, /no credentials: give --token, or --access-key and --secret-key/);
    const badUrl = await ucsInProcess(['fleet', 'list', '--endpoint', 'ucs.example.com'], env, home);
    assert.equal(badUrl.code, 2);
    assert.match(badUrl.stderr, /--endpoint: "ucs.example.com" is not a URL/);
  });

  test('API error: 3, with the UCS code, message, HTTP status and request id', async () => {
    const r = await ucs(['fleet', 'show', 'no-such-fleet'], env);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /^ucs: error: the UCS API refused the request: UCS\.00000013: .*no-such-fleet/m);
    assert.match(r.stderr, /HTTP status: 404/);
    assert.match(r.stderr, /request id:\s+[0-9a-f-]{36}\n/);
    assert.doesNotMatch(r.stderr, stackTraceLine);
    assert.equal(r.stdout, '');
  });

  test('API errors of other kinds: bad token (401), state conflict (400)', async () => {
    const unauthorized = await ucsInProcess(['fleet', 'list'], { ...env, UCS_TOKEN: 'not-a-token' }, home);
    assert.equal(unauthorized.code, 3);
    assert.match(unauthorized.stderr, /UCS\.00000018/);
    assert.match(unauthorized.stderr, /the credentials were not accepted/);
    const conflict = await ucsInProcess(['federation', 'enable', 'demo'], env, home);
    assert.equal(conflict.code, 3);
    assert.match(conflict.stderr, /UCS\.00000003: .*already enabled/);
    const badName = await ucsInProcess(['fleet', 'create', 'Not_A_Name'], env, home);
    assert.equal(badName.code, 3);
    assert.match(badName.stderr, /UCS\.00000012/);
  });

  test('network error: 4, naming the endpoint; no stack trace', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const r = await ucs(['fleet', 'list', '--endpoint', endpoint], env);
    assert.equal(r.code, 4);
    assert.match(r.stderr, new RegExp(`ucs: error: cannot reach the UCS API at ${endpoint} \\(ECONNREFUSED\\)`));
    assert.doesNotMatch(r.stderr, stackTraceLine);
  });

  test('--help of the program lists the exit codes and the credential sources', async () => {
    const r = await ucs(['--help'], env);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Exit codes:\n  0  success\n  2  usage error/);
    for (const code of ['3', '4', '5', '6']) assert.match(r.stdout, new RegExp(`\\n  ${code}  `));
    assert.match(r.stdout, /UCS_ENDPOINT, UCS_TOKEN, UCS_ACCESS_KEY, UCS_SECRET_KEY, UCS_DOMAIN_ID/);
  });

  test('every command has --help with examples', async () => {
    const commands: string[][] = [];
    const walk = (command: Command, path: string[]) => {
      for (const sub of command.commands) {
        commands.push([...path, sub.name()]);
        walk(sub, [...path, sub.name()]);
      }
    };
    walk(buildProgram(createContext({ stdout: { write: () => true }, stderr: { write: () => true }, env: {}, home })), []);
    assert.ok(commands.length >= 14, commands.map((c) => c.join(' ')).join(', '));
    for (const path of commands) {
      const r = await ucsInProcess([...path, '--help'], env, home);
      assert.equal(r.code, 0, `${path.join(' ')} --help`);
      assert.match(r.stdout, /\nExamples:\n  \$ ucs /, `${path.join(' ')} --help shows examples`);
    }
  });
});
