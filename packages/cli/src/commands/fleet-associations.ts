import type { Command } from 'commander';
import { findFleet } from '../api.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { withExamples } from '../help.js';
import { repeatable } from '../repeatable.js';

/** UpdateClusterGroupAssociatedClusters and UpdateClusterGroupAssociatedRules, under `ucs fleet`. */
export function fleetAssociationCommands(fleet: Command, ctx: Context): void {
  withExamples(
    fleet
      .command('add-clusters')
      .description('add clusters to a fleet (clusters already in it stay; a fleet holds at most 50)')
      .argument('<fleet>', 'fleet ID or name')
      .argument('<cluster-id...>', 'IDs of the clusters to add')
      .action(async (ref: string, clusterIds: string[], _opts: unknown, command: Command) => {
        const client = ctx.client(command);
        const found = await findFleet(client, ref);
        await client.addFleetClusters(found.metadata.uid, clusterIds);
        const after = await client.showFleet(found.metadata.uid);
        ctx.io.stdout.write(`fleet ${found.metadata.name} holds ${after.spec.clusterIds?.length ?? 0} clusters\n`);
      }),
    ['ucs fleet add-clusters demo b0d1ecb5-7947-11ee-9467-0255ac1001bf', 'ucs fleet add-clusters demo C1 C2 C3'],
  );

  withExamples(
    fleet
      .command('bind-rules')
      .description("replace a fleet's permission-policy bindings: each --bind names rules and the namespaces they apply to")
      .argument('<fleet>', 'fleet ID or name')
      .option('--bind <rules=namespaces>', 'RULE[,RULE...]=NAMESPACE[,NAMESPACE...] (repeatable)', repeatable)
      .option('--none', 'remove every binding')
      .action(async (ref: string, opts: { bind?: string[]; none?: boolean }, command: Command) => {
        if (opts.none && opts.bind) throw new UsageError('give either --bind or --none, not both');
        if (!opts.none && !opts.bind) throw new UsageError('bind-rules needs --bind RULES=NAMESPACES (or --none to remove every binding)');
        const bindings = (opts.bind ?? []).map(parseBinding);
        const client = ctx.client(command);
        const found = await findFleet(client, ref);
        await client.bindFleetRules(found.metadata.uid, bindings);
        const namespaces = (await client.showFleet(found.metadata.uid)).spec.ruleNamespaces ?? [];
        ctx.io.stdout.write(`fleet ${found.metadata.name}: ${bindings.length} binding${bindings.length === 1 ? '' : 's'}, namespaces ${namespaces.join(', ') || 'none'}\n`);
      }),
    ['ucs fleet bind-rules demo --bind f6434332-60d6=default,kube-system', 'ucs fleet bind-rules demo --bind r1,r2=apps --bind r3=default', 'ucs fleet bind-rules demo --none'],
  );
}

function parseBinding(text: string): { ruleIDs: string[]; namespaces: string[] } {
  const [rules, namespaces, ...rest] = text.split('=');
  const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');
  if (rest.length > 0 || list(rules).length === 0 || list(namespaces).length === 0) {
    throw new UsageError(`--bind ${text}: expected RULE[,RULE...]=NAMESPACE[,NAMESPACE...]`);
  }
  return { ruleIDs: list(rules), namespaces: list(namespaces) };
}
