/** Where the endpoint and credentials come from: flag > environment > profile, with the profile file's safety checks. */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createUcsClient } from '@ucs-fleet/client';
import type { RunningServer } from '@ucs-fleet/server';
import { closedPort } from '../../server/test/support/http.js';
import { otherAccountToken, startTestServer, token } from '../../server/test/support/test-server.js';
import { resolveSettings } from '../src/credentials.js';
import { cleanEnv, tempHome, ucs, ucsInProcess, type CliResult } from './support/cli.js';

/** The fleet names a `fleet list -o json` run saw: tells which account's credentials were used. */
function fleetNames(r: CliResult): string[] {
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as { items: { metadata: { name: string } }[] }).items.map((f) => f.metadata.name).sort();
}

function writeProfiles(home: string, text: string, mode = 0o600): string {
  const dir = join(home, '.config', 'ucs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'config.yaml');
  writeFileSync(file, text);
  chmodSync(file, mode);
  return file;
}

describe('credentials: flag > environment > profile', () => {
  let server: RunningServer;
  let deadEndpoint: string;
  before(async () => {
    server = await startTestServer();
    deadEndpoint = `http://127.0.0.1:${await closedPort()}`;
    // Account d2 (other-account-token) gets a fleet of its own, so each account's list is recognisable.
    await createUcsClient({ endpoint: server.url, token: otherAccountToken }).createFleet({ metadata: { name: 'bobs' } });
  });
  after(() => server.close());

  test('each level wins over the ones below it (real ucs processes)', async () => {
    const home = tempHome('precedence');
    writeProfiles(home, `profiles:\n  default:\n    endpoint: ${deadEndpoint}\n    token: ${token}\n`);
    const list = ['fleet', 'list', '-o', 'json'];

    // Profile alone: its token (account d1) - but its endpoint is dead, so the environment's endpoint is used.
    assert.deepEqual(fleetNames(await ucs(list, cleanEnv(home, { UCS_ENDPOINT: server.url }))), ['demo']);
    // Environment over profile: UCS_TOKEN of account d2 wins over the profile's d1 token.
    assert.deepEqual(fleetNames(await ucs(list, cleanEnv(home, { UCS_ENDPOINT: server.url, UCS_TOKEN: otherAccountToken }))), ['bobs']);
    // Flag over environment: --token and --endpoint win over UCS_TOKEN and a dead UCS_ENDPOINT.
    const flagged = await ucs([...list, '--token', token, '--endpoint', server.url], cleanEnv(home, { UCS_ENDPOINT: deadEndpoint, UCS_TOKEN: otherAccountToken }));
    assert.deepEqual(fleetNames(flagged), ['demo']);
    assert.match(flagged.stderr, /warning: --token on the command line is visible to other local users/);
    // And the profile's dead endpoint is really what is used when nothing overrides it: network error.
    const fromProfile = await ucs(list, cleanEnv(home));
    assert.equal(fromProfile.code, 4, fromProfile.stderr);
    assert.match(fromProfile.stderr, new RegExp(`cannot reach the UCS API at ${deadEndpoint}`));
  });

  test('config show says where each setting came from, with secrets masked', async () => {
    const home = tempHome('show');
    writeProfiles(home, `profiles:\n  default:\n    endpoint: ${server.url}\n    token: ${token}\n    domain-id: d1\n`);
    const r = await ucs(['config', 'show'], cleanEnv(home, { UCS_TOKEN: 'env-token-value-1234' }));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`endpoint\\s+${server.url}  \\(from profile "default"`));
    assert.match(r.stdout, /token\s+en\*\*\*\*34 \(20 chars\)  \(from UCS_TOKEN\)/);
    assert.match(r.stdout, /domain id\s+d1  \(from profile "default"/);
    assert.doesNotMatch(r.stdout, /env-token-value-1234/);
  });

  test('--profile beats UCS_PROFILE, which beats current-profile; AK/SK and domain id from a profile work', async () => {
    const home = tempHome('profiles');
    writeProfiles(
      home,
      [
        'current-profile: broken',
        'profiles:',
        `  broken: { endpoint: "${deadEndpoint}", token: ${token} }`,
        `  bob: { endpoint: "${server.url}", token: ${otherAccountToken} }`,
        `  signed: { endpoint: "${server.url}", access-key: DEVAKEXAMPLE00000001, secret-key: dev-secret-key-change-me, domain-id: d1 }`,
        '',
      ].join('\n'),
    );
    const list = ['fleet', 'list', '-o', 'json'];
    assert.equal((await ucsInProcess(list, cleanEnv(home), home)).code, 4, 'current-profile is used by default');
    assert.deepEqual(fleetNames(await ucsInProcess(list, cleanEnv(home, { UCS_PROFILE: 'bob' }), home)), ['bobs']);
    assert.deepEqual(fleetNames(await ucsInProcess([...list, '--profile', 'signed'], cleanEnv(home, { UCS_PROFILE: 'bob' }), home)), ['demo']);
    // The environment's domain id wins over the profile's: d2 is not the access key's account.
    const wrongDomain = await ucsInProcess([...list, '--profile', 'signed'], cleanEnv(home, { UCS_DOMAIN_ID: 'd2' }), home);
    assert.equal(wrongDomain.code, 3);
    assert.match(wrongDomain.stderr, /UCS\.00000004/);
    const missing = await ucsInProcess([...list, '--profile', 'nope'], cleanEnv(home), home);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--profile names profile "nope", which .*config\.yaml does not have\n  profiles in the file: broken, bob, signed/);
  });

  test('a profile file with secrets that others can read gets a warning; a broken one is a file error', async () => {
    const home = tempHome('perm');
    const file = writeProfiles(home, `profiles:\n  default: { endpoint: "${server.url}", token: ${token} }\n`, 0o644);
    const loose = await ucsInProcess(['fleet', 'list', '-o', 'json'], cleanEnv(home), home);
    assert.deepEqual(fleetNames(loose), ['demo']);
    assert.match(loose.stderr, new RegExp(`warning: the profile file ${file} holds secrets and is readable by group/others \\(mode 0644\\); run: chmod 600`));
    chmodSync(file, 0o600);
    assert.equal((await ucsInProcess(['fleet', 'list', '-o', 'json'], cleanEnv(home), home)).stderr, '');
    writeFileSync(file, 'profiles: [\n');
    const broken = await ucsInProcess(['fleet', 'list'], cleanEnv(home), home);
    assert.equal(broken.code, 6);
    assert.match(broken.stderr, /cannot parse the profile file/);
    writeFileSync(file, 'profiles:\n  default: { endpoint: x, acces-key: y }\n');
    const typo = await ucsInProcess(['fleet', 'list'], cleanEnv(home), home);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /profile "default" has an unknown key "acces-key"/);
  });

  test('UCS_CONFIG points at another profile file', async () => {
    const home = tempHome('ucs-config');
    const file = join(home, 'elsewhere.yaml');
    writeFileSync(file, `profiles:\n  default: { endpoint: "${server.url}", token: ${token} }\n`, { mode: 0o600 });
    assert.deepEqual(fleetNames(await ucsInProcess(['fleet', 'list', '-o', 'json'], cleanEnv(home, { UCS_CONFIG: file }), home)), ['demo']);
  });
});

describe('resolveSettings', () => {
  const home = tempHome('resolve');
  const profileHome = tempHome('resolve-profile');
  writeProfiles(profileHome, 'profiles:\n  default: { endpoint: "https://p", access-key: PAK, secret-key: PSK, token: ptok }\n');

  test('the credential comes whole from the first place that names one', () => {
    const s = resolveSettings({ accessKey: 'FAK' }, { UCS_ENDPOINT: 'https://e', UCS_TOKEN: 'etok', UCS_SECRET_KEY: 'ESK' }, home);
    assert.equal(s.token, undefined, 'the environment token is not mixed with the flag access key');
    assert.deepEqual([s.accessKey?.value, s.accessKey?.source], ['FAK', '--access-key']);
    assert.deepEqual([s.secretKey?.value, s.secretKey?.source], ['ESK', 'UCS_SECRET_KEY'], 'the secret key goes with the access key');
    const p = resolveSettings({}, {}, profileHome);
    assert.deepEqual([p.token?.value, p.accessKey?.value, p.secretKey?.value, p.endpoint.value], ['ptok', 'PAK', 'PSK', 'https://p']);
    const e = resolveSettings({}, { UCS_TOKEN: 'etok' }, profileHome);
    assert.deepEqual([e.token?.value, e.accessKey, e.endpoint.value], ['etok', undefined, 'https://p']);
  });

  test('an access key without a secret key, or an empty variable, is handled', () => {
    assert.throws(() => resolveSettings({ accessKey: 'AK' }, { UCS_ENDPOINT: 'https://e' }, home), /no secret key goes with it/);
    assert.throws(() => resolveSettings({}, { UCS_ENDPOINT: 'https://e', UCS_TOKEN: '' }, home), /no credentials/);
    assert.throws(() => resolveSettings({ token: 't' }, { UCS_ENDPOINT: 'ftp://e' }, home), /must be an http:\/\/ or https:\/\/ URL/);
  });
});
