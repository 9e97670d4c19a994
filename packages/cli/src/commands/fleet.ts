import type { ClusterGroup } from '@ucs-fleet/client';
import { Option, type Command } from 'commander';
import { federationStatus, findFleet } from '../api.js';
import { confirm } from '../confirm.js';
import type { Context } from '../context.js';
import { withExamples } from '../help.js';
import { print, serialize, shortTime, table, type Format } from '../output.js';
import { fleetAssociationCommands } from './fleet-associations.js';

export function fleetCommand(program: Command, ctx: Context): void {
  const fleet = program.command('fleet').description('list, show, create, describe and delete fleets');
  withExamples(fleet, ['ucs fleet list', 'ucs fleet create demo --description "payments clusters"', 'ucs fleet show demo -o json', 'ucs fleet delete demo']);

  withExamples(
    fleet
      .command('list')
      .description('list the fleets of the account')
      .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json', 'yaml']).default('table'))
      .action(async (opts: { output: Format }, command: Command) => {
        const list = await ctx.client(command).listFleets();
        if (opts.output !== 'table') return void print(ctx.io.stdout, opts.output, list, () => '');
        if (list.items.length === 0) return void ctx.note('No fleets found.');
        ctx.io.stdout.write(fleetTable(list.items));
      }),
    ['ucs fleet list', 'ucs fleet list -o json | jq -r ".items[].metadata.uid"'],
  );

  withExamples(
    fleet
      .command('show')
      .description('show one fleet (by ID or name)')
      .argument('<fleet>', 'fleet ID or name')
      .addOption(new Option('-o, --output <format>', 'output format').choices(['yaml', 'json', 'table']).default('yaml'))
      .action(async (ref: string, opts: { output: Format }, command: Command) => {
        const found = await findFleet(ctx.client(command), ref);
        print(ctx.io.stdout, opts.output, found, (f) => fleetTable([f]));
      }),
    ['ucs fleet show 0f3c2d8e-5b7a-4c1e-9d2f-6a8b7c9d0e1f', 'ucs fleet show demo -o json'],
  );

  withExamples(
    fleet
      .command('create')
      .description('create a fleet; prints its ID on stdout')
      .argument('<name>', 'fleet name: lowercase letters, digits and "-", starting with a letter')
      .option('--description <text>', 'description of the fleet')
      .option('--cluster <id>', 'ID of a cluster to add to the fleet (repeatable)', (v: string, all: string[] = []) => [...all, v])
      .addOption(new Option('-o, --output <format>', 'output format (default: the ID alone)').choices(['json', 'yaml']))
      .action(async (name: string, opts: { description?: string; cluster?: string[]; output?: 'json' | 'yaml' }, command: Command) => {
        const spec = { ...(opts.description !== undefined ? { description: opts.description } : {}), ...(opts.cluster ? { clusterIds: opts.cluster } : {}) };
        const created = await ctx.client(command).createFleet({ metadata: { name }, ...(Object.keys(spec).length > 0 ? { spec } : {}) });
        if (opts.output) ctx.io.stdout.write(serialize(created, opts.output));
        else ctx.io.stdout.write(`${created.uid}\n`);
        ctx.note(`created fleet ${name} (${created.uid})`);
      }),
    ['ucs fleet create demo', 'FLEET=$(ucs fleet create payments --description "payments clusters")'],
  );

  withExamples(
    fleet
      .command('describe')
      .description("print a fleet's description, or change it with --set")
      .argument('<fleet>', 'fleet ID or name')
      .option('--set <text>', 'the new description ("" clears it)')
      .action(async (ref: string, opts: { set?: string }, command: Command) => {
        const client = ctx.client(command);
        const found = await findFleet(client, ref);
        if (opts.set === undefined) return void ctx.io.stdout.write(`${found.spec.description ?? ''}\n`);
        await client.updateFleetDescription(found.metadata.uid, opts.set);
        ctx.io.stdout.write(`description of fleet ${found.metadata.name} ${opts.set === '' ? 'cleared' : 'changed'}\n`);
      }),
    ['ucs fleet describe demo', 'ucs fleet describe demo --set "payments clusters, EU"', 'ucs fleet describe demo --set ""'],
  );

  withExamples(
    fleet
      .command('delete')
      .description('delete a fleet (its federation must be disabled first; asks first)')
      .argument('<fleet>', 'fleet ID or name')
      .option('-y, --yes', 'do not ask for confirmation (needed without a terminal, e.g. in scripts)')
      .action(async (ref: string, opts: { yes?: boolean }, command: Command) => {
        const client = ctx.client(command);
        const found = await findFleet(client, ref);
        await confirm(ctx, opts.yes, { action: `delete fleet ${found.metadata.name} (${found.metadata.uid})` });
        await client.deleteFleet(found.metadata.uid);
        ctx.io.stdout.write(`deleted fleet ${found.metadata.name} (${found.metadata.uid})\n`);
      }),
    ['ucs fleet delete demo', 'ucs federation disable demo --yes --wait && ucs fleet delete demo --yes'],
  );
  fleetAssociationCommands(fleet, ctx);
}

export function fleetTable(fleets: readonly ClusterGroup[]): string {
  return table(fleets, [
    { header: 'NAME', value: (f) => f.metadata.name },
    { header: 'ID', value: (f) => f.metadata.uid },
    { header: 'FEDERATION', value: federationStatus },
    { header: 'CONNECTION', value: (f) => f.spec.connectGatewayEndpoints?.[0]?.id ?? '-' },
    { header: 'CREATED', value: (f) => shortTime(f.metadata.creationTimestamp) },
    { header: 'DESCRIPTION', value: (f) => f.spec.description ?? '' },
  ]);
}
