import { UcsApiError, type ClusterGroup, type Job, type UcsClient } from '@ucs-fleet/client';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { federationStatus, findFleet } from '../api.js';
import type { Context } from '../context.js';
import { parseDuration } from '../duration.js';
import { withExamples } from '../help.js';
import { repeatable } from '../repeatable.js';
import { waitForJob } from '../job-wait.js';
import { print, serialize, shortTime, table, type Format } from '../output.js';
import { confirm } from '../confirm.js';
import { UsageError } from '../errors.js';
import { elapsedText, progressReporter, steps } from '../progress.js';

interface WaitFlags {
  wait?: boolean;
  timeout: number;
  interval: number;
}

export function federationCommand(program: Command, ctx: Context): void {
  const federation = program.command('federation').description("enable, disable and follow a fleet's cluster federation");
  withExamples(federation, ['ucs federation enable demo --wait', 'ucs federation status demo', 'ucs federation disable demo']);

  withExamples(
    addWaitOptions(
      federation
        .command('enable')
        .description('enable cluster federation for a fleet (asynchronous; --wait follows it to the end)')
        .argument('<fleet>', 'fleet ID or name'),
    ).action(async (ref: string, opts: WaitFlags, command: Command) => {
      const client = ctx.client(command);
      const fleet = await findFleet(client, ref);
      const accepted = await client.enableFederation(fleet.metadata.uid);
      const name = fleet.metadata.name;
      if (!opts.wait) {
        ctx.io.stdout.write(`federation of fleet ${name} is being enabled (job ${accepted.jobId})\n`);
        ctx.note(`follow it with: ucs federation status ${name} --wait`);
        return;
      }
      const job = await follow(ctx, client, fleet, opts, `Enabling federation of fleet ${name}`);
      ctx.io.stdout.write(`federation of fleet ${name} is enabled (job ${job.metadata.uid})\n`);
      ctx.note(`next: ucs connection create ${name} --project-id ID --vpc-id ID --subnet-id ID`);
    }),
    [
      'ucs federation enable demo',
      'ucs federation enable demo --wait --timeout 15m',
      '# in CI (no terminal) --wait prints one line per phase change; exit code 5 on timeout',
    ],
  );

  withExamples(
    addWaitOptions(
      federation
        .command('disable')
        .description("disable cluster federation: destroys the federation's CA, so kubeconfigs issued for it stop working (asks first)")
        .argument('<fleet>', 'fleet ID or name')
        .option('-y, --yes', 'do not ask for confirmation (needed without a terminal, e.g. in scripts)'),
    ).action(async (ref: string, opts: WaitFlags & { yes?: boolean }, command: Command) => {
      const client = ctx.client(command);
      const fleet = await findFleet(client, ref);
      const name = fleet.metadata.name;
      await confirm(ctx, opts.yes, { action: `disable the federation of fleet ${name}`, consequence: 'Its CA is destroyed: every kubeconfig issued for it stops working.' });
      const accepted = await client.disableFederation(fleet.metadata.uid);
      if (!opts.wait) {
        ctx.io.stdout.write(`federation of fleet ${name} is being disabled (job ${accepted.jobId})\n`);
        return;
      }
      const job = await follow(ctx, client, fleet, opts, `Disabling federation of fleet ${name}`);
      ctx.io.stdout.write(`federation of fleet ${name} is disabled (job ${job.metadata.uid})\n`);
    }),
    ['ucs federation disable demo', 'ucs federation disable demo --yes --wait   # in a script: no question'],
  );

  withExamples(
    addWaitOptions(
      federation
        .command('status')
        .description("show a fleet's federation state and its latest job with each step's phase")
        .argument('<fleet>', 'fleet ID or name')
        .addOption(new Option('-o, --output <format>', 'output format (default: text)').choices(['json', 'yaml'])),
    ).action(async (ref: string, opts: WaitFlags & { output?: 'json' | 'yaml' }, command: Command) => {
      const client = ctx.client(command);
      let fleet = await findFleet(client, ref);
      let job = await latestJob(client, fleet.metadata.uid);
      if (opts.wait && job && job.status.phase !== 'Success') {
        job = await follow(ctx, client, fleet, opts, `Federation job of fleet ${fleet.metadata.name}`);
        // The state read before the wait is out of date now that the job is done.
        fleet = await client.showFleet(fleet.metadata.uid);
      }
      if (opts.output) ctx.io.stdout.write(serialize({ fleet, job: job ?? null }, opts.output));
      else ctx.io.stdout.write(statusText(fleet, job));
    }),
    ['ucs federation status demo', 'ucs federation status demo --wait', 'ucs federation status demo -o json'],
  );
  addVersionsCommand(federation, ctx);
  addUpgradeCommand(federation, ctx);
  addRollbackCommand(federation, ctx);
  addZonesCommand(federation, ctx);
}

function addZonesCommand(federation: Command, ctx: Context): void {
  withExamples(
    federation
      .command('zones')
      .description("print the root domains of a fleet's federation domain-name access, or replace them with --set (federation must be enabled)")
      .argument('<fleet>', 'fleet ID or name')
      .option('--set <domain>', 'a root domain (repeatable); the list replaces the current one', repeatable)
      .option('--clear', 'remove every root domain')
      .action(async (ref: string, opts: { set?: string[]; clear?: boolean }, command: Command) => {
        if (opts.set && opts.clear) throw new UsageError('give either --set or --clear, not both');
        const client = ctx.client(command);
        const fleet = await findFleet(client, ref);
        if (!opts.set && !opts.clear) return void ctx.io.stdout.write((fleet.spec.dnsSuffix ?? []).map((d) => `${d}\n`).join(''));
        await client.setFederationZones(fleet.metadata.uid, opts.set ?? []);
        ctx.io.stdout.write(`root domains of fleet ${fleet.metadata.name}: ${opts.set?.join(', ') ?? 'none'}\n`);
      }),
    ['ucs federation zones demo', 'ucs federation zones demo --set example.com --set apps.example.org', 'ucs federation zones demo --clear'],
  );
}

function addRollbackCommand(federation: Command, ctx: Context): void {
  withExamples(
    addWaitOptions(
      federation
        .command('rollback')
        .description("roll a fleet's federation back to the version before its last upgrade (asynchronous; --wait follows it to the end)")
        .argument('<fleet>', 'fleet ID or name'),
    ).action(async (ref: string, opts: WaitFlags, command: Command) => {
      await changeVersion(ctx, command, ref, opts, {
        start: (client, id) => client.rollbackFederation(id),
        doing: 'being rolled back',
        title: 'Rolling back',
        done: 'is back at',
      });
    }),
    ['ucs federation rollback demo --wait', '# refused (exit code 3) when the federation was never upgraded or was already rolled back'],
  );
}

function addUpgradeCommand(federation: Command, ctx: Context): void {
  withExamples(
    addWaitOptions(
      federation
        .command('upgrade')
        .description("upgrade a fleet's federation (asynchronous; --wait follows it to the end); see `ucs federation versions FLEET`")
        .argument('<fleet>', 'fleet ID or name')
        .option('--to <version>', 'the version to upgrade to (default: the newest allowed)'),
    ).action(async (ref: string, opts: WaitFlags & { to?: string }, command: Command) => {
      await changeVersion(ctx, command, ref, opts, {
        start: (client, id) => client.upgradeFederation(id, opts.to),
        doing: 'being upgraded',
        title: 'Upgrading',
        done: 'is at',
      });
    }),
    ['ucs federation upgrade demo --wait', 'ucs federation upgrade demo --to v1.11.3'],
  );
}

/** Starts an upgrade or a rollback and, with --wait, follows it and prints the version reached. */
async function changeVersion(
  ctx: Context,
  command: Command,
  ref: string,
  opts: WaitFlags,
  o: { start: (client: UcsClient, fleetId: string) => Promise<{ jobId: string }>; doing: string; title: string; done: string },
): Promise<void> {
  const client = ctx.client(command);
  const fleet = await findFleet(client, ref);
  const accepted = await o.start(client, fleet.metadata.uid);
  const name = fleet.metadata.name;
  if (!opts.wait) {
    ctx.io.stdout.write(`federation of fleet ${name} is ${o.doing} (job ${accepted.jobId})\n`);
    ctx.note(`follow it with: ucs federation status ${name} --wait`);
    return;
  }
  const job = await follow(ctx, client, fleet, opts, `${o.title} federation of fleet ${name}`);
  const changed = await client.showFleet(fleet.metadata.uid);
  ctx.io.stdout.write(`federation of fleet ${name} ${o.done} ${changed.spec.federationVersion ?? '?'} (job ${job.metadata.uid})\n`);
}

function addVersionsCommand(federation: Command, ctx: Context): void {
  withExamples(
    federation
      .command('versions')
      .description('list the federation versions and the versions each may be upgraded to; with a fleet, only those of its version')
      .argument('[fleet]', 'fleet ID or name')
      .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json', 'yaml']).default('table'))
      .action(async (ref: string | undefined, opts: { output: Format }, command: Command) => {
        const client = ctx.client(command);
        const current = ref === undefined ? undefined : (await findFleet(client, ref)).spec.federationVersion;
        if (ref !== undefined && current === undefined) throw new UsageError(`fleet ${ref} has no federation, so no federation version`);
        const all = (await client.listServerConfigs()).federations.versionsInfo;
        const rows = all
          .filter((v) => current === undefined || v.currentVersion.FederationVersion === current)
          .map((v) => ({ version: v.currentVersion.FederationVersion, upgradesTo: v.targetVersions.map((t) => t.FederationVersion) }));
        print(ctx.io.stdout, opts.output, rows, (list) =>
          table(list, [
            { header: 'VERSION', value: (r) => r.version },
            { header: 'UPGRADES TO', value: (r) => r.upgradesTo.join(', ') || '-' },
          ]),
        );
      }),
    ['ucs federation versions', 'ucs federation versions demo'],
  );
}

function addWaitOptions(command: Command): Command {
  return command
    .option('--wait', 'wait until the job is done, showing the progress of each step')
    .addOption(new Option('--timeout <duration>', 'with --wait: give up after this long (exit code 5)').default(10 * 60_000, '10m').argParser(positiveDuration))
    .addOption(new Option('--interval <duration>', 'with --wait: time between two polls').default(2000, '2s').argParser(positiveDuration));
}

function positiveDuration(text: string): number {
  const ms = parseDuration(text);
  if (ms <= 0) throw new InvalidArgumentError('must be more than zero');
  return ms;
}

/** Polls the fleet's federation job to its end, with live progress on stderr. */
async function follow(ctx: Context, client: UcsClient, fleet: ClusterGroup, opts: WaitFlags, title: string): Promise<Job> {
  const tty = ctx.io.stderr.isTTY === true && ctx.io.env.TERM !== 'dumb';
  const reporter = progressReporter(ctx.io.stderr, { title, tty, color: tty && !ctx.io.env.NO_COLOR });
  return waitForJob({
    poll: () => client.federationProgress(fleet.metadata.uid),
    intervalMs: opts.interval,
    timeoutMs: opts.timeout,
    reporter,
    what: `federation of fleet ${fleet.metadata.name}`,
    statusCommand: `ucs federation status ${fleet.metadata.name}`,
    ...(ctx.io.signal ? { signal: ctx.io.signal } : {}),
  });
}

/** The fleet's latest federation job, or undefined if it never had one (the API answers 404). */
async function latestJob(client: UcsClient, fleetId: string): Promise<Job | undefined> {
  try {
    return await client.federationProgress(fleetId);
  } catch (err) {
    if (err instanceof UcsApiError && err.status === 404) return undefined;
    throw err;
  }
}

function statusText(fleet: ClusterGroup, job: Job | undefined): string {
  const condition = fleet.status.conditions.find((c) => c.type === 'Federation');
  const endpoint = fleet.spec.connectGatewayEndpoints?.[0];
  const lines = [
    `fleet:       ${fleet.metadata.name} (${fleet.metadata.uid})`,
    `federation:  ${federationStatus(fleet)}${condition ? ` - ${condition.message} (since ${shortTime(condition.lastTransitionTime)})` : ''}`,
    `connection:  ${endpoint ? `${endpoint.type} ${endpoint.id} (${endpoint.region})` : 'none'}`,
  ];
  if (!job) lines.push('job:         none');
  else {
    lines.push(`job:         ${job.metadata.uid} ${job.spec.type} ${job.status.phase}`);
    const list = job.spec.subJobs?.length ? steps(job) : [];
    const width = Math.max(0, ...list.map((s) => s.name.length));
    for (const step of list) {
      const took = step.job.status.startTime && step.job.status.completionTime
        ? `  ${elapsedText(Date.parse(step.job.status.completionTime) - Date.parse(step.job.status.startTime))}`
        : '';
      lines.push(`  ${step.name.padEnd(width)}  ${step.phase}${took}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
