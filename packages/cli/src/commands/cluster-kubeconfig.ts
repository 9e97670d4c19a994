import { kubeconfigToYaml } from '@ucs-fleet/client';
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { findCluster } from '../api.js';
import type { Context } from '../context.js';
import { parseDuration } from '../duration.js';
import { UsageError } from '../errors.js';
import { withExamples } from '../help.js';
import { writeFileAtomic } from '../kubeconfig/atomic-write.js';
import { renameContext } from '../kubeconfig/merge.js';
import { kubeconfigTarget } from '../kubeconfig/target.js';
import { mergeIntoFile, readKubeconfigFile } from '../kubeconfig/update-file.js';
import { certificateExpiry, describeChange } from './kubeconfig.js';

interface ClusterKubeconfigFlags {
  output?: 'yaml' | 'json';
  file?: string;
  merge?: boolean;
  kubeconfig?: string;
  context?: string;
  setCurrent: boolean;
  lockTimeout: number;
}

/** `ucs cluster kubeconfig`: a registered cluster's kubeconfig (CreateClusterKubeconfig), printed, written or merged. */
export function clusterKubeconfigCommand(program: Command, ctx: Context): void {
  // The `cluster` command may already hold the other cluster operations.
  const cluster =
    program.commands.find((c) => c.name() === 'cluster') ??
    withExamples(program.command('cluster').description('registered clusters'), ['ucs cluster kubeconfig b0d1ecb5-7947-11ee-9467-0255ac1001bf --merge']);
  withExamples(
    cluster
      .command('kubeconfig')
      .summary("get a registered cluster's kubeconfig, write it to a file or merge it into your kubeconfig file")
      .description(
        [
          "Gets a kubeconfig for one registered cluster, with a new client certificate (valid 365 days) signed by the cluster's own CA.",
          'Without --file or --merge it is printed on stdout (YAML, or JSON with -o json).',
          'With --file it is written to that new or replaced file, mode 0600.',
          'With --merge it is merged into --kubeconfig FILE, else the first file of $KUBECONFIG, else ~/.kube/config,',
          'as `ucs kubeconfig get --merge` does: the entries of the same names are replaced, everything else is kept, mode 0600.',
        ].join(' '),
      )
      .argument('<cluster>', 'cluster ID or name')
      .addOption(new Option('-o, --output <format>', 'format on stdout (not with --file or --merge)').choices(['yaml', 'json']))
      .option('--file <path>', 'write the kubeconfig to this file (mode 0600) instead of printing it')
      .option('--merge', 'merge into a kubeconfig file instead of printing')
      .option('--kubeconfig <file>', 'with --merge: the file to merge into')
      .option('--context <name>', 'name the new context this (default: the name UCS gives, ucs-cluster-<name>-<id prefix>)')
      .option('--no-set-current', 'with --merge: leave current-context as it is')
      .addOption(new Option('--lock-timeout <duration>', 'with --merge: how long to wait for the file lock').default(10_000, '10s').argParser(parseDuration))
      .action(async (ref: string, opts: ClusterKubeconfigFlags, command: Command) => {
        checkFlags(opts, command);
        const client = ctx.client(command);
        const clusterId = (await findCluster(client, ref)).metadata.uid ?? ref;
        if (!opts.merge) {
          const config = renameContext(await client.createClusterKubeconfig(clusterId), opts.context);
          const text = opts.output === 'json' ? `${JSON.stringify(config, null, 2)}\n` : kubeconfigToYaml(config);
          if (!opts.file) {
            ctx.io.stdout.write(text);
            return;
          }
          const path = resolve(ctx.io.cwd ?? process.cwd(), opts.file);
          await writeFileAtomic(path, text);
          ctx.note(`wrote ${path} (mode 0600)${certificateExpiry(config)}`);
          return;
        }
        const target = kubeconfigTarget(opts.kubeconfig, ctx.io.env, ctx.io.home, ctx.io.cwd ?? process.cwd());
        // Refuse a broken file before a certificate is minted for nothing (the cluster was found before it).
        await readKubeconfigFile(target.path);
        const config = await client.createClusterKubeconfig(clusterId);
        const result = await mergeIntoFile(target.path, config, {
          ...(opts.context ? { contextName: opts.context } : {}),
          setCurrentContext: opts.setCurrent,
          lockTimeoutMs: opts.lockTimeout,
          notice: (line: string) => ctx.note(line),
        });
        for (const change of result.changes) ctx.note(describeChange(change, false));
        ctx.note(`wrote ${result.path} (mode 0600)${certificateExpiry(config)}`);
      }),
    [
      'ucs cluster kubeconfig prod --merge',
      'ucs cluster kubeconfig prod --file ./prod.kubeconfig',
      'ucs cluster kubeconfig b0d1ecb5-7947-11ee-9467-0255ac1001bf -o json',
    ],
  );
}

function checkFlags(opts: ClusterKubeconfigFlags, command: Command): void {
  if (opts.merge && (opts.output || opts.file)) throw new UsageError('--merge writes the kubeconfig file itself; it does not go with -o/--output or --file');
  if (!opts.merge) {
    const mergeOnly = ['kubeconfig', 'lockTimeout', 'setCurrent'].filter((o) => command.getOptionValueSource(o) === 'cli');
    if (mergeOnly.length > 0) {
      const flags = mergeOnly.map((o) => ({ kubeconfig: '--kubeconfig', lockTimeout: '--lock-timeout', setCurrent: '--no-set-current' })[o]);
      throw new UsageError(`${flags.join(', ')} only work${flags.length === 1 ? 's' : ''} with --merge`);
    }
  }
  if (opts.context !== undefined && opts.context.trim() === '') throw new UsageError('--context must not be empty');
}
