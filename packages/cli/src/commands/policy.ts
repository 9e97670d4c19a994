import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { findFleet } from '../api.js';
import { confirm } from '../confirm.js';
import type { Context } from '../context.js';
import { readDocumentFile } from '../document-file.js';
import { UsageError } from '../errors.js';
import { withExamples } from '../help.js';
import { repeatable } from '../repeatable.js';

/** The fleet's policy center: EnableClusterGroupPolicy, DisableClusterGroupPolicy, CreateClusterGroupPolicyInstance. */
export function policyCommand(program: Command, ctx: Context): void {
  const policy = program.command('policy').description("turn a fleet's policy center on or off and create its policy instances");
  withExamples(policy, ['ucs policy enable demo', 'ucs policy instance demo --template T --action warn --namespace default', 'ucs policy disable demo --yes']);

  withExamples(
    policy
      .command('enable')
      .description("turn on a fleet's policy center (its Policy condition shows the progress: ucs fleet show FLEET)")
      .argument('<fleet>', 'fleet ID or name')
      .option('--retry', 'ask UCS to retry starting policy management')
      .action(async (ref: string, opts: { retry?: boolean }, command: Command) => {
        const client = ctx.client(command);
        const fleet = await findFleet(client, ref);
        const { jobID } = await client.enableFleetPolicy(fleet.metadata.uid, opts.retry === true);
        ctx.io.stdout.write(`policy center of fleet ${fleet.metadata.name} is being enabled (job ${jobID})\n`);
      }),
    ['ucs policy enable demo'],
  );

  withExamples(
    policy
      .command('disable')
      .description("turn off a fleet's policy center: its policy instances are deleted (asks first)")
      .argument('<fleet>', 'fleet ID or name')
      .option('-y, --yes', 'do not ask for confirmation (needed without a terminal, e.g. in scripts)')
      .action(async (ref: string, opts: { yes?: boolean }, command: Command) => {
        const client = ctx.client(command);
        const fleet = await findFleet(client, ref);
        await confirm(ctx, opts.yes, { action: `disable the policy center of fleet ${fleet.metadata.name}`, consequence: 'Its policy instances are deleted.' });
        const { jobID } = await client.disableFleetPolicy(fleet.metadata.uid);
        ctx.io.stdout.write(`policy center of fleet ${fleet.metadata.name} is disabled (job ${jobID})\n`);
      }),
    ['ucs policy disable demo', 'ucs policy disable demo --yes'],
  );

  withExamples(
    policy
      .command('instance')
      .description('apply a policy definition (constraint template) to namespaces of a fleet; the policy center must be enabled')
      .argument('<fleet>', 'fleet ID or name')
      .requiredOption('--template <id>', 'ID of the policy definition (constraint template)')
      .addOption(new Option('--action <action>', 'what a violation does').choices(['warn', 'deny']).default('deny'))
      .option('--namespace <namespace>', 'a namespace it applies to (repeatable; default: all)', repeatable)
      .option('--parameters <json|@file>', "the template's parameters: JSON text, or @ and a JSON or YAML file")
      .action(async (ref: string, opts: { template: string; action: 'warn' | 'deny'; namespace?: string[]; parameters?: string }, command: Command) => {
        const parameters = opts.parameters === undefined ? undefined : parseParameters(opts.parameters, ctx.io.cwd ?? process.cwd());
        const client = ctx.client(command);
        const fleet = await findFleet(client, ref);
        const { jobID } = await client.createFleetPolicyInstance(fleet.metadata.uid, {
          constraintTemplateID: opts.template,
          enforcementAction: opts.action,
          ...(opts.namespace ? { namespaces: opts.namespace } : {}),
          ...(parameters ? { parameters } : {}),
        });
        ctx.io.stdout.write(`policy instance of template ${opts.template} created in fleet ${fleet.metadata.name} (job ${jobID})\n`);
      }),
    ["ucs policy instance demo --template f1519ae2 --action warn --namespace default --parameters '{\"volumes\":[\"configMap\"]}'", 'ucs policy instance demo --template f1519ae2 --parameters @params.yaml'],
  );
}

/** The --parameters object: inline JSON, or `@file` (JSON or YAML). */
function parseParameters(text: string, cwd: string): Record<string, unknown> {
  let value: unknown;
  if (text.startsWith('@')) value = readDocumentFile(resolve(cwd, text.slice(1)));
  else {
    try {
      value = JSON.parse(text);
    } catch {
      throw new UsageError('--parameters is not JSON text', ['give a JSON object, or @FILE for a JSON or YAML file']);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('--parameters must be a JSON object');
  return value as Record<string, unknown>;
}
