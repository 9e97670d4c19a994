import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { components, UcsClient } from '@ucs-fleet/client';
import { Option, type Command } from 'commander';
import { findCluster, findFleet } from '../api.js';
import { confirm } from '../confirm.js';
import type { Context } from '../context.js';
import { LocalFileError, UsageError } from '../errors.js';
import { withExamples } from '../help.js';
import { print, serialize, shortTime, table, type Format } from '../output.js';

type Cluster = components['schemas']['Cluster'];

interface RegisterOptions {
  category: string;
  type: string;
  provider?: string;
  kubeconfig?: string;
  fleet?: string;
  country: string;
  city?: string;
  region?: string;
  projectId?: string;
  label?: string[];
  output?: 'json' | 'yaml';
}

const repeatable = (v: string, all: string[] = []) => [...all, v];

export function clusterCommand(program: Command, ctx: Context): void {
  const cluster = program.command('cluster').description('register, list, show and delete clusters; put them into a fleet and take them out');
  withExamples(cluster, [
    'ucs cluster register prod-1 --kubeconfig ./prod-1.yaml --fleet demo',
    'ucs cluster list --fleet demo',
    'ucs cluster join prod-1 demo',
    'ucs cluster leave prod-1',
    'ucs cluster delete prod-1',
  ]);

  withExamples(
    cluster
      .command('register')
      .description('register a cluster; prints its ID on stdout')
      .argument('<name>', 'cluster name: lowercase letters, digits and "-", starting with a letter')
      .option('--category <category>', 'self (Huawei Cloud CCE), attachedcluster or onpremise', 'attachedcluster')
      .option('--type <type>', 'cce, turbo, turbopro; ack, aks, eks, gke, tke, openshift, privatek8s; baremetal', 'privatek8s')
      .option('--provider <provider>', 'provider (default: huaweicloud for self, else the type)')
      .option('--kubeconfig <file>', "the cluster's kubeconfig (needed for an attached cluster; read for its API server, not kept)")
      .option('--fleet <fleet>', 'fleet (ID or name) to put the cluster in at once')
      .option('--country <code>', 'two-letter country code', 'CN')
      .option('--city <code>', 'city code (China only), e.g. 110000')
      .option('--region <region>', 'region of an imported CCE cluster')
      .option('--project-id <id>', 'project of an imported CCE cluster')
      .option('--label <key=value>', 'a label of the cluster (repeatable)', repeatable)
      .addOption(new Option('-o, --output <format>', 'output format (default: the ID alone)').choices(['json', 'yaml']))
      .action(async (name: string, opts: RegisterOptions, command: Command) => {
        const client = ctx.client(command);
        const request = await registerRequest(name, opts, client, ctx.io.cwd ?? process.cwd());
        const created = await client.registerCluster(request);
        if (opts.output) ctx.io.stdout.write(serialize(created, opts.output));
        else ctx.io.stdout.write(`${created.uid}\n`);
        ctx.note(`registered cluster ${name} (${created.uid})${opts.fleet ? ` in fleet ${opts.fleet}` : ''}`);
      }),
    [
      'ucs cluster register prod-1 --kubeconfig ./prod-1.yaml',
      'ucs cluster register cce-1 --category self --type turbo --region cn-north-4 --fleet demo',
      'CLUSTER=$(ucs cluster register edge-1 --kubeconfig ~/.kube/edge --label env=edge)',
    ],
  );

  withExamples(
    cluster
      .command('list')
      .description('list the registered clusters of the account')
      .option('--fleet <fleet>', 'only the members of this fleet (ID or name)')
      .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json', 'yaml']).default('table'))
      .action(async (opts: { fleet?: string; output: Format }, command: Command) => {
        const client = ctx.client(command);
        const clustergroupid = opts.fleet === undefined ? undefined : (await findFleet(client, opts.fleet)).metadata.uid;
        const list = await client.listClusters({ order: 'asc', ...(clustergroupid ? { clustergroupid } : {}) });
        if (opts.output !== 'table') return void print(ctx.io.stdout, opts.output, list, () => '');
        if (list.items.length === 0) return void ctx.note(opts.fleet ? `Fleet ${opts.fleet} has no clusters.` : 'No clusters found.');
        ctx.io.stdout.write(clusterTable(list.items));
      }),
    ['ucs cluster list', 'ucs cluster list --fleet demo', 'ucs cluster list -o json | jq -r ".items[].metadata.uid"'],
  );

  withExamples(
    cluster
      .command('show')
      .description('show one cluster (by ID or name)')
      .argument('<cluster>', 'cluster ID or name')
      .addOption(new Option('-o, --output <format>', 'output format').choices(['yaml', 'json', 'table']).default('yaml'))
      .action(async (ref: string, opts: { output: Format }, command: Command) => {
        const found = await findCluster(ctx.client(command), ref);
        print(ctx.io.stdout, opts.output, found, (c) => clusterTable([c]));
      }),
    ['ucs cluster show prod-1', 'ucs cluster show b0d1ecb5-7947-11ee-9467-0255ac1001bf -o json'],
  );

  withExamples(
    cluster
      .command('join')
      .description('put a cluster into a fleet (a cluster is in at most one)')
      .argument('<cluster>', 'cluster ID or name')
      .argument('<fleet>', 'fleet ID or name')
      .action(async (ref: string, fleetRef: string, _opts: unknown, command: Command) => {
        const client = ctx.client(command);
        const [found, fleet] = await Promise.all([findCluster(client, ref), findFleet(client, fleetRef)]);
        await client.joinFleet(found.metadata.uid, fleet.metadata.uid);
        ctx.io.stdout.write(`cluster ${found.metadata.name} is in fleet ${fleet.metadata.name}\n`);
      }),
    ['ucs cluster join prod-1 demo'],
  );

  withExamples(
    cluster
      .command('leave')
      .description('take a cluster out of its fleet')
      .argument('<cluster>', 'cluster ID or name')
      .action(async (ref: string, _opts: unknown, command: Command) => {
        const client = ctx.client(command);
        const found = await findCluster(client, ref);
        await client.leaveFleet(found.metadata.uid);
        ctx.io.stdout.write(`cluster ${found.metadata.name} left fleet ${found.spec.clusterGroupID ?? '(none)'}\n`);
      }),
    ['ucs cluster leave prod-1'],
  );

  withExamples(
    cluster
      .command('delete')
      .description('deregister a cluster (it must be in no fleet: leave first; asks first)')
      .argument('<cluster>', 'cluster ID or name')
      .option('-y, --yes', 'do not ask for confirmation (needed without a terminal, e.g. in scripts)')
      .action(async (ref: string, opts: { yes?: boolean }, command: Command) => {
        const client = ctx.client(command);
        const found = await findCluster(client, ref);
        await confirm(ctx, opts.yes, { action: `deregister cluster ${found.metadata.name} (${found.metadata.uid})` });
        await client.deleteCluster(found.metadata.uid);
        ctx.io.stdout.write(`deregistered cluster ${found.metadata.name} (${found.metadata.uid})\n`);
      }),
    ['ucs cluster delete prod-1', 'ucs cluster leave prod-1 && ucs cluster delete prod-1 --yes'],
  );
}

async function registerRequest(name: string, opts: RegisterOptions, client: UcsClient, cwd: string): Promise<components['schemas']['RegisterClusterRequest']> {
  const labels = Object.fromEntries((opts.label ?? []).map(label));
  const kubeconfig = opts.kubeconfig === undefined ? undefined : readKubeconfig(resolve(cwd, opts.kubeconfig));
  const fleetId = opts.fleet === undefined ? undefined : (await findFleet(client, opts.fleet)).metadata.uid;
  return {
    kind: 'Cluster',
    apiVersion: 'v1',
    metadata: {
      name,
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
      ...(kubeconfig !== undefined ? { annotations: { kubeconfig } } : {}),
    },
    spec: {
      category: opts.category,
      type: opts.type,
      provider: opts.provider ?? (opts.category === 'self' ? 'huaweicloud' : opts.type),
      country: opts.country,
      manageType: fleetId === undefined ? 'discrete' : 'grouped',
      ...(fleetId !== undefined ? { clusterGroupID: fleetId } : {}),
      ...(opts.city !== undefined ? { city: opts.city } : {}),
      ...(opts.region !== undefined ? { region: opts.region } : {}),
      ...(opts.projectId !== undefined ? { projectID: opts.projectId } : {}),
    },
  };
}

function label(text: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new UsageError(`--label ${text}: give it as key=value`);
  return [text.slice(0, at), text.slice(at + 1)];
}

function readKubeconfig(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new LocalFileError(`cannot read the kubeconfig ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

export function clusterTable(clusters: readonly Cluster[]): string {
  return table(clusters, [
    { header: 'NAME', value: (c) => c.metadata.name },
    { header: 'ID', value: (c) => c.metadata.uid },
    { header: 'CATEGORY', value: (c) => c.spec.category },
    { header: 'TYPE', value: (c) => c.spec.type },
    { header: 'VERSION', value: (c) => c.status?.kubernetesVersion ?? '-' },
    { header: 'PHASE', value: (c) => c.status?.phase ?? '-' },
    { header: 'FLEET', value: (c) => c.spec.clusterGroupID ?? '-' },
    { header: 'CREATED', value: (c) => shortTime(c.metadata.creationTimestamp) },
  ]);
}
