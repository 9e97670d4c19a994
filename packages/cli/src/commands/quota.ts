import { Option, type Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { withExamples } from '../help.js';
import { print, table, type Format } from '../output.js';

export function quotaCommand(program: Command, ctx: Context): void {
  withExamples(
    program
      .command('quota')
      .description("show the account's quotas and how much of each is used (needs the account's domain ID)")
      .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json', 'yaml']).default('table'))
      .action(async (opts: { output: Format }, command: Command) => {
        const domainId = ctx.settings(command).domainId?.value;
        if (!domainId) throw new UsageError('quota needs the account (domain) ID', ['give --domain-id, UCS_DOMAIN_ID or domain-id in the profile']);
        const quotas = await ctx.client(command).showQuota(domainId);
        print(ctx.io.stdout, opts.output, quotas, (q) =>
          table(q.quotas.resources, [
            { header: 'TYPE', value: (r) => r.type },
            { header: 'USED', value: (r) => r.used },
            { header: 'QUOTA', value: (r) => r.quota },
            { header: 'MIN', value: (r) => r.min ?? '' },
            { header: 'MAX', value: (r) => r.max ?? '' },
          ]),
        );
      }),
    ['ucs quota --domain-id d1', 'UCS_DOMAIN_ID=d1 ucs quota -o json'],
  );
}
