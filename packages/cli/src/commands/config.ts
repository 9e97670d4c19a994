import type { Command } from 'commander';
import { maskSecret, type Sourced } from '../credentials.js';
import type { Context } from '../context.js';
import { withExamples } from '../help.js';
import { profileFilePath } from '../profile.js';

export function configCommand(program: Command, ctx: Context): void {
  const config = program.command('config').description('show the settings ucs would use and where each comes from');
  withExamples(config, ['ucs config show', 'UCS_PROFILE=prod ucs config show']);
  withExamples(
    config
      .command('show')
      .description('show the resolved endpoint, credentials (masked) and domain id, each with its source')
      .action((_opts: unknown, command: Command) => {
        const s = ctx.settings(command);
        const line = (label: string, v: Sourced | undefined, secret = false) =>
          `${label.padEnd(12)} ${v ? `${secret ? maskSecret(v.value) : v.value}  (from ${v.source})` : '-'}`;
        const lines = [
          `profile file ${profileFilePath(ctx.io.env, ctx.io.home, ctx.io.cwd)}`,
          `profile      ${s.profile ? s.profile.name : '-'}`,
          line('endpoint', s.endpoint),
          line('token', s.token, true),
          line('access key', s.accessKey),
          line('secret key', s.secretKey, true),
          line('domain id', s.domainId),
        ];
        ctx.io.stdout.write(`${lines.join('\n')}\n`);
      }),
    ['ucs config show', 'ucs --profile prod config show'],
  );
}
