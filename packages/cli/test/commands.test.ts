/** The fleet, federation and connection commands, in process through run(argv, io). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { parse } from 'yaml';
import type { RunningServer } from '@ucs-fleet/server';
import { readyFleetId, startTestServer } from '../../server/test/support/test-server.js';
import { formatDuration, parseDuration } from '../src/duration.js';
import { elapsedText } from '../src/progress.js';
import { cleanEnv, tempHome, ucsInProcess } from './support/cli.js';

describe('fleet, federation and connection commands', () => {
  let server: RunningServer;
  const home = tempHome('commands');
  let env: Record<string, string>;
  const ucs = (...args: string[]) => ucsInProcess(args, env, home);
  before(async () => {
    // Enabling takes a moment, so that `status --wait` finds the job still running.
    server = await startTestServer({ config: { federationDelayMs: 600 } });
    env = cleanEnv(home, { UCS_ENDPOINT: server.url, UCS_TOKEN: 'dev-token' });
  });
  after(() => server.close());

  test('fleet list: a table by default, or JSON / YAML', async () => {
    const t = await ucs('fleet', 'list');
    assert.equal(t.code, 0, t.stderr);
    const [header, row] = t.stdout.split('\n');
    assert.match(header!, /^NAME\s+ID\s+FEDERATION\s+CONNECTION\s+CREATED\s+DESCRIPTION$/);
    assert.match(row!, new RegExp(`^demo\\s+${readyFleetId}\\s+Available\\s+[0-9a-f-]{36}\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$`));
    const json = JSON.parse((await ucs('fleet', 'list', '-o', 'json')).stdout) as { total: number };
    assert.equal(json.total, 1);
    const yaml = parse((await ucs('fleet', 'list', '-o', 'yaml')).stdout) as { items: { metadata: { name: string } }[] };
    assert.equal(yaml.items[0]!.metadata.name, 'demo');
  });

  test('fleet create / show / delete, by name or ID; federation enable, status, disable; connection create', async () => {
    const created = await ucs('fleet', 'create', 'lifecycle', '--description', 'for the test');
    assert.equal(created.code, 0, created.stderr);
    const id = created.stdout.trim();
    assert.match(created.stderr, new RegExp(`created fleet lifecycle \\(${id}\\)`));

    const shown = parse((await ucs('fleet', 'show', 'lifecycle')).stdout) as { metadata: { uid: string }; spec: { description: string } };
    assert.equal(shown.metadata.uid, id);
    assert.equal(shown.spec.description, 'for the test');

    const noJob = await ucs('federation', 'status', 'lifecycle');
    assert.equal(noJob.code, 0, noJob.stderr);
    assert.match(noJob.stdout, /federation:\s+Unavailable/);
    assert.match(noJob.stdout, /job:\s+none/);

    const enabled = await ucs('federation', 'enable', id);
    assert.equal(enabled.code, 0, enabled.stderr);
    assert.match(enabled.stdout, /federation of fleet lifecycle is being enabled \(job \S+\)/);
    assert.match(enabled.stderr, /follow it with: ucs federation status lifecycle --wait/);

    const status = await ucs('federation', 'status', 'lifecycle', '--wait', '--interval', '50ms');
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stderr, /CreateFederation|InstallFederationChart/, 'it waited');
    assert.match(status.stdout, /federation:\s+Available - /, 'the state after the wait, not the one read before it');
    assert.match(status.stdout, /job:\s+\S+ CreateFederation Success/);
    for (const step of ['InstallFederationChart', 'CreateFederationCertificates', 'StartFederationApiServer', 'JoinFederationClusters']) {
      assert.match(status.stdout, new RegExp(`  ${step}\\s+Success`));
    }
    const statusJson = JSON.parse((await ucs('federation', 'status', 'lifecycle', '-o', 'json')).stdout) as { job: { status: { phase: string } } };
    assert.equal(statusJson.job.status.phase, 'Success');

    const connected = await ucs('connection', 'create', 'lifecycle', '--project-id', 'p', '--vpc-id', 'v', '--subnet-id', 's', '-o', 'json');
    assert.equal(connected.code, 0, connected.stderr);
    const endpointId = (JSON.parse(connected.stdout) as { id: string }).id;
    assert.match((await ucs('fleet', 'list')).stdout, new RegExp(`lifecycle\\s+${id}\\s+Available\\s+${endpointId}`));

    const stillEnabled = await ucs('fleet', 'delete', 'lifecycle', '--yes');
    assert.equal(stillEnabled.code, 3, 'a fleet with federation cannot be deleted');

    // Without a terminal and without --yes, nothing that destroys is done.
    const unconfirmed = await ucs('federation', 'disable', 'lifecycle');
    assert.equal(unconfirmed.code, 2, unconfirmed.stderr);
    assert.match(unconfirmed.stderr, /refusing to disable the federation of fleet lifecycle without confirmation: there is no terminal to ask; add --yes/);
    assert.match((await ucs('federation', 'status', 'lifecycle')).stdout, /federation:\s+Available/, 'still enabled');

    const disabled = await ucs('federation', 'disable', 'lifecycle', '--yes', '--wait', '--interval', '50ms');
    assert.equal(disabled.code, 0, disabled.stderr);
    assert.match(disabled.stderr, /DeleteFederation: Success/);
    assert.match(disabled.stdout, /^federation of fleet lifecycle is disabled \(job \S+\)\n$/);
    assert.match((await ucs('federation', 'status', 'lifecycle')).stdout, /federation:\s+Unavailable/);

    const undeleted = await ucs('fleet', 'delete', 'lifecycle');
    assert.equal(undeleted.code, 2, undeleted.stderr);
    assert.match(undeleted.stderr, new RegExp(`refusing to delete fleet lifecycle \\(${id}\\) without confirmation`));
    assert.equal((await ucs('fleet', 'show', id)).code, 0, 'the fleet is still there');
    const deleted = await ucs('fleet', 'delete', 'lifecycle', '--yes');
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.equal(deleted.stdout, `deleted fleet lifecycle (${id})\n`);
    assert.equal((await ucs('fleet', 'show', id)).code, 3);
  });

  test('workload create / show / update / delete from YAML and JSON files; clear errors for a bad file and a fleet without federation', async () => {
    const yamlFile = join(home, 'web.yaml');
    writeFileSync(yamlFile, 'kind: Deployment\napiVersion: apps/v1\nmetadata:\n  name: web\n  labels: { app: web }\ntemplate:\n  spec: { replicas: 2 }\npropagationPolicy:\n  spec:\n    placement:\n      clusterAffinity: { clusterNames: [member-1] }\n');
    const created = await ucs('workload', 'create', 'demo', '-f', yamlFile);
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.stdout, 'created Deployment default/web in fleet demo (generation 1)\n');
    const shown = parse((await ucs('workload', 'show', 'demo', 'Deployment', 'web')).stdout) as { metadata: { labels: Record<string, string> }; template: unknown };
    assert.deepEqual([shown.metadata.labels, shown.template], [{ app: 'web' }, { spec: { replicas: 2 } }]);
    const tableOut = await ucs('workload', 'show', 'demo', 'Deployment', 'web', '-o', 'table');
    assert.match(tableOut.stdout, /^KIND\s+NAMESPACE\s+NAME\s+GENERATION\s+CLUSTERS\s+UPDATED\nDeployment\s+default\s+web\s+1\s+member-1\s/);

    const jsonFile = join(home, 'web.json');
    writeFileSync(jsonFile, JSON.stringify({ kind: 'Deployment', metadata: { name: 'web' }, template: { spec: { replicas: 3 } } }));
    const updated = await ucs('workload', 'update', 'demo', '-f', jsonFile, '-o', 'json');
    assert.equal(updated.code, 0, updated.stderr);
    assert.equal((JSON.parse(updated.stdout) as { metadata: { generation: string } }).metadata.generation, '2');

    const again = await ucs('workload', 'create', 'demo', '-f', yamlFile);
    assert.equal(again.code, 3, 'the API refuses a second create');
    assert.match(again.stderr, /already exists/);
    writeFileSync(join(home, 'broken.yaml'), 'kind: [');
    const broken = await ucs('workload', 'create', 'demo', '-f', join(home, 'broken.yaml'));
    assert.equal(broken.code, 6, broken.stderr);
    assert.match(broken.stderr, /neither YAML nor JSON/);
    writeFileSync(join(home, 'nameless.yaml'), 'kind: Deployment\n');
    assert.match((await ucs('workload', 'create', 'demo', '-f', join(home, 'nameless.yaml'))).stderr, /kind and metadata\.name are needed/);
    const badKind = await ucs('workload', 'show', 'demo', 'Pod', 'web');
    assert.equal(badKind.code, 2);
    assert.match(badKind.stderr, /Allowed choices are Deployment/);

    assert.equal((await ucs('fleet', 'create', 'no-federation')).code, 0);
    const off = await ucs('workload', 'show', 'no-federation', 'Deployment', 'web');
    assert.equal(off.code, 3);
    assert.match(off.stderr, /UCS\.01080006|not federated/);

    const deleted = await ucs('workload', 'delete', 'demo', 'Deployment', 'web', '--yes');
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.equal(deleted.stdout, 'deleted Deployment default/web from fleet demo\n');
    assert.equal((await ucs('workload', 'show', 'demo', 'Deployment', 'web')).code, 3, 'gone');
  });

  test('fleet add-clusters / bind-rules, federation zones, policy enable / instance / disable: each change shows in the fleet; bad flags are usage errors', async () => {
    assert.equal((await ucs('fleet', 'create', 'associated')).code, 0);
    // A fleet is given registered clusters only.
    const [c1, c2, c3] = await Promise.all(['c-1', 'c-2', 'c-3'].map(async (name) => (await ucs('cluster', 'register', name, '--category', 'self', '--type', 'cce')).stdout.trim()));
    const added = await ucs('fleet', 'add-clusters', 'associated', c1!, c2!);
    assert.equal(added.code, 0, added.stderr);
    assert.equal(added.stdout, 'fleet associated holds 2 clusters\n');
    assert.equal((await ucs('fleet', 'add-clusters', 'associated', c2!, c3!)).stdout, 'fleet associated holds 3 clusters\n');

    const bound = await ucs('fleet', 'bind-rules', 'associated', '--bind', 'r-1,r-2=default,kube-system', '--bind', 'r-3=apps');
    assert.equal(bound.code, 0, bound.stderr);
    assert.equal(bound.stdout, 'fleet associated: 2 bindings, namespaces apps, default, kube-system\n');
    const malformed = await ucs('fleet', 'bind-rules', 'associated', '--bind', 'r-1');
    assert.equal(malformed.code, 2);
    assert.match(malformed.stderr, /expected RULE\[,RULE\.\.\.\]=NAMESPACE/);
    assert.equal((await ucs('fleet', 'bind-rules', 'associated')).code, 2, 'neither --bind nor --none');
    assert.equal((await ucs('fleet', 'bind-rules', 'associated', '--none')).stdout, 'fleet associated: 0 bindings, namespaces none\n');

    const zones = await ucs('federation', 'zones', 'demo', '--set', 'example.com', '--set', 'apps.example.org');
    assert.equal(zones.code, 0, zones.stderr);
    assert.equal((await ucs('federation', 'zones', 'demo')).stdout, 'example.com\napps.example.org\n');
    assert.equal((await ucs('federation', 'zones', 'demo', '--clear')).stdout, 'root domains of fleet demo: none\n');
    const noFederation = await ucs('federation', 'zones', 'associated', '--set', 'example.com');
    assert.equal(noFederation.code, 3, 'the API refuses a fleet without federation');
    assert.match(noFederation.stderr, /not enabled/);

    const before = await ucs('policy', 'instance', 'associated', '--template', 't-1');
    assert.equal(before.code, 3, 'no policy center yet');
    assert.match(before.stderr, /UCS\.00150006|not enabled/);
    const enabled = await ucs('policy', 'enable', 'associated');
    assert.equal(enabled.code, 0, enabled.stderr);
    assert.match(enabled.stdout, /^policy center of fleet associated is being enabled \(job \S+\)\n$/);
    const fleet = async () => JSON.parse((await ucs('fleet', 'show', 'associated', '-o', 'json')).stdout) as { metadata: { uid: string }; status: { conditions: { type: string; status: string }[] } };
    // Enabling takes the test server's federation delay: wait for the Policy condition the operator would watch.
    while ((await fleet()).status.conditions.find((c) => c.type === 'Policy')?.status !== 'Running') await setTimeout(50);
    const badParameters = await ucs('policy', 'instance', 'associated', '--template', 't-1', '--parameters', '{nope');
    assert.equal(badParameters.code, 2);
    assert.match(badParameters.stderr, /--parameters is not JSON/);
    const paramsFile = join(home, 'params.yaml');
    writeFileSync(paramsFile, 'volumes: [configMap]\n');
    const instance = await ucs('policy', 'instance', 'associated', '--template', 't-1', '--action', 'warn', '--namespace', 'default', '--parameters', `@${paramsFile}`);
    assert.equal(instance.code, 0, instance.stderr);
    const id = (await fleet()).metadata.uid;
    const [kept] = await server.store.listPolicyInstances(id);
    assert.deepEqual([kept?.templateId, kept?.enforcementAction, kept?.namespaces, kept?.parameters], ['t-1', 'warn', ['default'], { volumes: ['configMap'] }]);
    const disabled = await ucs('policy', 'disable', 'associated', '--yes');
    assert.equal(disabled.code, 0, disabled.stderr);
    assert.deepEqual(await server.store.listPolicyInstances(id), []);
  });

  test('fleet describe prints and --set changes the description; federation versions; quota', async () => {
    assert.equal((await ucs('fleet', 'create', 'described', '--description', 'before')).code, 0);
    assert.equal((await ucs('fleet', 'describe', 'described')).stdout, 'before\n');
    const set = await ucs('fleet', 'describe', 'described', '--set', 'after');
    assert.equal(set.code, 0, set.stderr);
    assert.equal(set.stdout, 'description of fleet described changed\n');
    assert.equal((await ucs('fleet', 'describe', 'described')).stdout, 'after\n');
    assert.equal((await ucs('fleet', 'describe', 'described', '--set', '')).stdout, 'description of fleet described cleared\n');
    assert.equal((await ucs('fleet', 'describe', 'described')).stdout, '\n');

    const versions = await ucs('federation', 'versions');
    assert.equal(versions.code, 0, versions.stderr);
    assert.match(versions.stdout, /^VERSION\s+UPGRADES TO\n/);
    const ofDemo = JSON.parse((await ucs('federation', 'versions', 'demo', '-o', 'json')).stdout) as { version: string; upgradesTo: string[] }[];
    assert.equal(ofDemo.length, 1);
    assert.ok(ofDemo[0]!.upgradesTo.length > 0);
    const noFederation = await ucs('federation', 'versions', 'described');
    assert.equal(noFederation.code, 2, 'a fleet without federation has no version');
    assert.match(noFederation.stderr, /no federation/);

    const upgraded = await ucs('federation', 'upgrade', 'demo', '--to', ofDemo[0]!.upgradesTo[0]!, '--wait', '--interval', '50ms');
    assert.equal(upgraded.code, 0, upgraded.stderr);
    assert.equal(upgraded.stdout.split('\n').at(-2), `federation of fleet demo is at ${ofDemo[0]!.upgradesTo[0]} (job ${upgraded.stdout.match(/job (\S+)\)/)![1]})`);
    const status = await ucs('federation', 'status', 'demo');
    assert.match(status.stdout, /job:\s+\S+ UpgradeFederation Success/);
    const rolledBack = await ucs('federation', 'rollback', 'demo', '--wait', '--interval', '50ms');
    assert.equal(rolledBack.code, 0, rolledBack.stderr);
    assert.equal(rolledBack.stdout.split('\n').at(-2), `federation of fleet demo is back at ${ofDemo[0]!.version} (job ${rolledBack.stdout.match(/job (\S+)\)/)![1]})`);
    assert.match((await ucs('federation', 'status', 'demo')).stdout, /job:\s+\S+ RollbackFederation Success/);
    const twice = await ucs('federation', 'rollback', 'demo');
    assert.equal(twice.code, 3, 'the API refuses a second rollback');
    assert.match(twice.stderr, /nothing to roll back/);

    const withoutDomain = await ucs('quota');
    assert.equal(withoutDomain.code, 2);
    assert.match(withoutDomain.stderr, /--domain-id/);
    const quota = await ucs('quota', '--domain-id', 'd1');
    assert.equal(quota.code, 0, quota.stderr);
    assert.match(quota.stdout, /^TYPE\s+USED\s+QUOTA\s+MIN\s+MAX\n/);
    assert.match(quota.stdout, /\nclustergroup\s+\d+\s+50\s+20\s+100\n/);
    const foreign = await ucs('quota', '--domain-id', 'd2');
    assert.equal(foreign.code, 3, 'the API refuses another account');
    assert.match(foreign.stderr, /UCS\.00000004/);
  });
});

describe('durations', () => {
  test('parseDuration and formatDuration', () => {
    assert.equal(parseDuration('10m'), 600_000);
    assert.equal(parseDuration('1h30m'), 5_400_000);
    assert.equal(parseDuration('500ms'), 500);
    assert.equal(parseDuration('90'), 90_000);
    assert.equal(parseDuration('1.5s'), 1500);
    for (const bad of ['', 'm', '10x', '10m junk', '-5s']) assert.throws(() => parseDuration(bad), /is not a duration/);
    assert.equal(formatDuration(400), '400ms');
    assert.equal(formatDuration(1500), '1.5s');
    assert.equal(formatDuration(600_000), '10m');
    assert.equal(formatDuration(3_725_000), '1h2m5s');
  });

  test('--wait shows every elapsed time in whole seconds', () => {
    assert.deepEqual([131, 2100, 4000, 59_999, 125_000, 3_725_000].map(elapsedText), ['0s', '2s', '4s', '59s', '2m05s', '1h02m05s']);
  });
});
