import type { Kubeconfig } from '@ucs-fleet/client';
import { kubeconfigToYaml } from '@ucs-fleet/client';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { X509Certificate } from 'node:crypto';
import { findFleet } from '../api.js';
import type { Context } from '../context.js';
import { parseDuration } from '../duration.js';
import { UsageError } from '../errors.js';
import { withExamples } from '../help.js';
import type { Change } from '../kubeconfig/merge.js';
import { parseKubeconfigText, renameContext } from '../kubeconfig/merge.js';
import { previewKubeconfig, requireDownloadable } from '../kubeconfig/preview.js';
import { kubeconfigTarget } from '../kubeconfig/target.js';
import { mergeIntoFile, readKubeconfigFile } from '../kubeconfig/update-file.js';

/** Days of validity of the client certificate when --duration is not given (the UCS console's default). */
export const defaultDurationDays = 30;

interface GetFlags {
  duration: number;
  output?: 'yaml' | 'json';
  merge?: boolean;
  kubeconfig?: string;
  context?: string;
  setCurrent: boolean;
  dryRun?: boolean;
  lockTimeout: number;
}

export function kubeconfigCommand(program: Command, ctx: Context): void {
  const kubeconfig = program.command('kubeconfig').description("get a fleet federation's kubeconfig, or merge it into your kubeconfig file");
  withExamples(kubeconfig, ['ucs kubeconfig get demo --merge', 'ucs kubeconfig get demo > demo.kubeconfig']);

  withExamples(
    kubeconfig
      .command('get')
      .summary("download a kubeconfig for a fleet's federation, or merge it into your kubeconfig file")
      .description(
        [
          "Downloads a kubeconfig for a fleet's federation API server, with a new client certificate.",
          'Without --merge it is printed on stdout (YAML, or JSON with -o json).',
          'With --merge it is merged into --kubeconfig FILE, else the first file of $KUBECONFIG, else ~/.kube/config:',
          'the cluster, user and context of the same names are replaced, everything else is kept, and the file is',
          'written atomically with mode 0600 under <file>.lock.',
        ].join(' '),
      )
      .argument('<fleet>', 'fleet ID or name')
      .addOption(new Option('--duration <days>', 'validity of the client certificate in days, 1 to 1825').default(defaultDurationDays).argParser(days))
      .addOption(new Option('-o, --output <format>', 'format on stdout (not with --merge)').choices(['yaml', 'json']))
      .option('--merge', 'merge into a kubeconfig file instead of printing')
      .option('--kubeconfig <file>', 'with --merge: the file to merge into')
      .option('--context <name>', 'name the new context this (default: the name UCS gives, ucs-<fleet>-<id prefix>)')
      .option('--no-set-current', 'with --merge: leave current-context as it is')
      .option('--dry-run', 'with --merge: show what would change (secrets redacted) and write nothing')
      .addOption(new Option('--lock-timeout <duration>', 'with --merge: how long to wait for the file lock').default(10_000, '10s').argParser(parseDuration))
      .action(async (ref: string, opts: GetFlags, command: Command) => {
        checkFlags(opts, command);
        const client = ctx.client(command);
        if (!opts.merge) {
          const fleet = await findFleet(client, ref);
          const config = renameContext(await client.downloadFederationKubeconfig(fleet.metadata.uid, { duration: opts.duration }), opts.context);
          ctx.io.stdout.write(opts.output === 'json' ? `${JSON.stringify(config, null, 2)}\n` : kubeconfigToYaml(config));
          return;
        }
        const target = kubeconfigTarget(opts.kubeconfig, ctx.io.env, ctx.io.home, ctx.io.cwd ?? process.cwd());
        // Refuse a broken file before a certificate is minted for nothing.
        const existing = await readKubeconfigFile(target.path);
        const fleet = await findFleet(client, ref);
        const mergeOptions = {
          ...(opts.context ? { contextName: opts.context } : {}),
          setCurrentContext: opts.setCurrent,
          lockTimeoutMs: opts.lockTimeout,
          notice: (line: string) => ctx.note(line),
        };
        if (opts.dryRun) {
          // A dry run asks UCS for nothing that issues a certificate: the fleet's state says whether a download would succeed.
          requireDownloadable(fleet);
          const preview = previewKubeconfig(fleet, parseKubeconfigText(existing.text).toJS(), opts.duration);
          const result = await mergeIntoFile(target.path, preview, { ...mergeOptions, dryRun: true });
          for (const change of result.changes) ctx.note(describeChange(change, true));
          if (result.diff) ctx.io.stdout.write(result.diff);
          ctx.note(`dry run: no certificate was issued and ${result.path} was not changed`);
          return;
        }
        const config = await client.downloadFederationKubeconfig(fleet.metadata.uid, { duration: opts.duration });
        const result = await mergeIntoFile(target.path, config, mergeOptions);
        for (const change of result.changes) ctx.note(describeChange(change, false));
        ctx.note(`wrote ${result.path} (mode 0600)${certificateExpiry(config)}`);
      }),
    [
      'ucs kubeconfig get demo --merge',
      'ucs kubeconfig get demo --merge --context demo --duration 7',
      'ucs kubeconfig get demo --merge --dry-run',
      'ucs kubeconfig get demo --merge --kubeconfig ./ci.kubeconfig --no-set-current',
      'ucs kubeconfig get demo -o json > demo.json',
    ],
  );
}

function checkFlags(opts: GetFlags, command: Command): void {
  if (opts.merge) {
    if (opts.output) throw new UsageError('-o/--output prints the kubeconfig; it does not go with --merge');
  } else {
    const mergeOnly = ['kubeconfig', 'dryRun', 'lockTimeout', 'setCurrent'].filter((o) => command.getOptionValueSource(o) === 'cli');
    if (mergeOnly.length > 0) {
      const flags = mergeOnly.map((o) => ({ kubeconfig: '--kubeconfig', dryRun: '--dry-run', lockTimeout: '--lock-timeout', setCurrent: '--no-set-current' })[o]);
      throw new UsageError(`${flags.join(', ')} only work${flags.length === 1 ? 's' : ''} with --merge`);
    }
  }
  if (opts.context !== undefined && opts.context.trim() === '') throw new UsageError('--context must not be empty');
}

function days(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > 1825) throw new InvalidArgumentError('must be a whole number of days from 1 to 1825');
  return n;
}

export function describeChange(change: Change, dryRun: boolean): string {
  const would = dryRun ? 'would ' : '';
  if (change.kind === 'current-context') {
    return `${would}set current-context to ${change.name}${change.previous && change.previous !== change.name ? ` (was ${change.previous})` : ''}`;
  }
  const verb = dryRun ? (change.action === 'added' ? 'add' : 'replace') : change.action;
  return `${would}${verb} ${change.kind} ${change.name}`;
}

/** "; the client certificate is valid until 2025-06-01T10:00:00Z" */
export function certificateExpiry(config: Kubeconfig): string {
  const data = config.users[0]?.user['client-certificate-data'];
  if (!data) return '';
  try {
    const cert = new X509Certificate(Buffer.from(data, 'base64'));
    return `; the client certificate is valid until ${new Date(cert.validTo).toISOString()}`;
  } catch {
    return '';
  }
}
