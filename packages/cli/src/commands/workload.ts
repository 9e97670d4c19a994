import { resolve } from 'node:path';
import type { MutiWorkload } from '@ucs-fleet/client';
import { Argument, Option, type Command } from 'commander';
import { findFleet } from '../api.js';
import { confirm } from '../confirm.js';
import type { Context } from '../context.js';
import { readDocumentFile } from '../document-file.js';
import { LocalFileError } from '../errors.js';
import { withExamples } from '../help.js';
import { print, shortTime, table, type Format } from '../output.js';

const kinds = ['Deployment', 'Service', 'Ingress', 'ConfigMap', 'Secret', 'Job', 'StatefulSet', 'DaemonSet', 'PersistentVolumeClaim'] as const;

export function workloadCommand(program: Command, ctx: Context): void {
  const workload = program
    .command('workload')
    .description("create, show, update and delete the federated workloads of a fleet's federation (the federation must be enabled)");
  withExamples(workload, ['ucs workload create demo -f web.yaml', 'ucs workload show demo Deployment web', 'ucs workload delete demo Deployment web --yes']);

  for (const verb of ['create', 'update'] as const) {
    withExamples(
      workload
        .command(verb)
        .description(
          verb === 'create'
            ? 'create a federated workload from a YAML or JSON file (kind, metadata.name and namespace, template, propagationPolicy, ...)'
            : 'replace a federated workload with the one in a YAML or JSON file (the file names it by kind, metadata.namespace and metadata.name)',
        )
        .argument('<fleet>', 'fleet ID or name')
        .requiredOption('-f, --file <path>', 'the workload: a MutiWorkload document, YAML or JSON ("-" is not supported)')
        .addOption(new Option('-o, --output <format>', 'print the stored workload in this format').choices(['yaml', 'json']))
        .action(async (ref: string, opts: { file: string; output?: 'yaml' | 'json' }, command: Command) => {
          const body = readWorkloadFile(resolve(ctx.io.cwd ?? process.cwd(), opts.file));
          const client = ctx.client(command);
          const fleet = await findFleet(client, ref);
          const stored = verb === 'create' ? await client.createWorkload(fleet.metadata.uid, body) : await client.updateWorkload(fleet.metadata.uid, body);
          if (opts.output) return void print(ctx.io.stdout, opts.output, stored, () => '');
          ctx.io.stdout.write(`${verb === 'create' ? 'created' : 'updated'} ${describe(stored)} in fleet ${fleet.metadata.name} (generation ${stored.metadata.generation ?? '?'})\n`);
        }),
      verb === 'create' ? ['ucs workload create demo -f web.yaml', 'ucs workload create demo -f web.json -o json'] : ['ucs workload update demo -f web.yaml'],
    );
  }

  withExamples(
    addIdentity(workload.command('show').description('show a federated workload as the server keeps it'))
      .addOption(new Option('-o, --output <format>', 'output format').choices(['yaml', 'json', 'table']).default('yaml'))
      .action(async (ref: string, kind: MutiWorkload['kind'], name: string, opts: { namespace?: string; output: Format }, command: Command) => {
        const client = ctx.client(command);
        const fleet = await findFleet(client, ref);
        const found = await client.showWorkload(fleet.metadata.uid, { kind, name, ...(opts.namespace ? { namespace: opts.namespace } : {}) });
        print(ctx.io.stdout, opts.output, found, (w) => workloadTable([w]));
      }),
    ['ucs workload show demo Deployment web', 'ucs workload show demo ConfigMap settings -n apps -o json'],
  );

  withExamples(
    addIdentity(workload.command('delete').description('delete a federated workload (asks first)'))
      .option('-y, --yes', 'do not ask for confirmation (needed without a terminal, e.g. in scripts)')
      .action(async (ref: string, kind: MutiWorkload['kind'], name: string, opts: { namespace?: string; yes?: boolean }, command: Command) => {
        const client = ctx.client(command);
        const fleet = await findFleet(client, ref);
        const what = `${kind} ${opts.namespace ?? 'default'}/${name}`;
        await confirm(ctx, opts.yes, { action: `delete ${what} from fleet ${fleet.metadata.name}` });
        await client.deleteWorkload(fleet.metadata.uid, { kind, name, ...(opts.namespace ? { namespace: opts.namespace } : {}) });
        ctx.io.stdout.write(`deleted ${what} from fleet ${fleet.metadata.name}\n`);
      }),
    ['ucs workload delete demo Deployment web', 'ucs workload delete demo Service web -n apps --yes'],
  );
}

function addIdentity(command: Command): Command {
  return command
    .argument('<fleet>', 'fleet ID or name')
    .addArgument(new Argument('<kind>', 'workload kind').choices(kinds))
    .argument('<name>', 'workload name')
    .option('-n, --namespace <namespace>', 'namespace of the workload (default: default)');
}

/** The workload in a YAML or JSON file. */
function readWorkloadFile(path: string): MutiWorkload {
  const doc = readDocumentFile(path);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new LocalFileError(`${path} does not hold one workload object`);
  const w = doc as Partial<MutiWorkload>;
  if (typeof w.kind !== 'string' || typeof w.metadata?.name !== 'string') {
    throw new LocalFileError(`${path} names no workload: kind and metadata.name are needed`, [`kind is one of ${kinds.join(', ')}`]);
  }
  // The server checks the rest against the contract and names the field it refuses.
  return doc as MutiWorkload;
}

const describe = (w: MutiWorkload): string => `${w.kind} ${w.metadata.namespace ?? 'default'}/${w.metadata.name}`;

function workloadTable(workloads: readonly MutiWorkload[]): string {
  return table(workloads, [
    { header: 'KIND', value: (w) => w.kind },
    { header: 'NAMESPACE', value: (w) => w.metadata.namespace ?? 'default' },
    { header: 'NAME', value: (w) => w.metadata.name },
    { header: 'GENERATION', value: (w) => w.metadata.generation ?? '' },
    { header: 'CLUSTERS', value: (w) => w.propagationPolicy?.spec?.placement?.clusterAffinity?.clusterNames?.join(',') ?? '-' },
    { header: 'UPDATED', value: (w) => shortTime(w.metadata.updateTimestamp) },
  ]);
}
