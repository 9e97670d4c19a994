import { Option, type Command } from 'commander';
import { findFleet } from '../api.js';
import type { Context } from '../context.js';
import { withExamples } from '../help.js';
import { serialize } from '../output.js';

export function connectionCommand(program: Command, ctx: Context): void {
  const connection = program.command('connection').description("connect a fleet's federation to a VPC");
  withExamples(connection, ['ucs connection create demo --project-id 0a1b2c --vpc-id vpc-01 --subnet-id subnet-01']);

  withExamples(
    connection
      .command('create')
      .description('connect the federation API server of a fleet to a VPC subnet (federation must be enabled); prints the endpoint ID')
      .argument('<fleet>', 'fleet ID or name')
      .requiredOption('--project-id <id>', 'project ID')
      .requiredOption('--vpc-id <id>', 'ID of a VPC of the project')
      .requiredOption('--subnet-id <id>', 'network ID of a subnet of the VPC')
      .addOption(new Option('-o, --output <format>', 'output format (default: the ID alone)').choices(['json', 'yaml']))
      .action(async (ref: string, opts: { projectId: string; vpcId: string; subnetId: string; output?: 'json' | 'yaml' }, command: Command) => {
        const client = ctx.client(command);
        const fleet = await findFleet(client, ref);
        const created = await client.createConnection(fleet.metadata.uid, { projectID: opts.projectId, vpcID: opts.vpcId, subnetID: opts.subnetId });
        if (opts.output) ctx.io.stdout.write(serialize(created, opts.output));
        else ctx.io.stdout.write(`${created.id}\n`);
        ctx.note(`connected the federation of fleet ${fleet.metadata.name} to VPC ${opts.vpcId}, subnet ${opts.subnetId}`);
        ctx.note(`next: ucs kubeconfig get ${fleet.metadata.name} --merge`);
      }),
    ['ucs connection create demo --project-id 0a1b2c --vpc-id vpc-01 --subnet-id subnet-01'],
  );
}
