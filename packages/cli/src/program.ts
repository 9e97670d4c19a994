import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { clusterKubeconfigCommand } from './commands/cluster-kubeconfig.js';
import { clusterCommand } from './commands/cluster.js';
import { configCommand } from './commands/config.js';
import { connectionCommand } from './commands/connection.js';
import { federationCommand } from './commands/federation.js';
import { fleetCommand } from './commands/fleet.js';
import { kubeconfigCommand } from './commands/kubeconfig.js';
import { quotaCommand } from './commands/quota.js';
import { workloadCommand } from './commands/workload.js';
import { policyCommand } from './commands/policy.js';
import type { Context } from './context.js';
import { exitCodeHelp } from './exit-codes.js';
import { withExamples } from './help.js';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const settingsHelp = `Credentials and endpoint, first found wins:
  1. flags        --endpoint, --token, --access-key, --secret-key, --domain-id
  2. environment  UCS_ENDPOINT, UCS_TOKEN, UCS_ACCESS_KEY, UCS_SECRET_KEY, UCS_DOMAIN_ID
  3. profile      --profile NAME or UCS_PROFILE (else current-profile, else "default") in
                  $UCS_CONFIG or ~/.config/ucs/config.yaml:
                    current-profile: dev
                    profiles:
                      dev: { endpoint: http://127.0.0.1:8080, token: dev-token }
                      prod: { endpoint: https://ucs.myhuaweicloud.com, access-key: AK, secret-key: SK, domain-id: D }
  The credential (a token, or an access key and its secret key) comes whole from the first
  place that names one. Keep secrets out of flags (ps, shell history): use the environment or a
  profile file with mode 0600 (ucs warns when others can read it).`;

/** The `ucs` command tree. Output goes through the context's streams; errors are thrown, not exited on. */
export function buildProgram(ctx: Context): Command {
  const program = new Command('ucs');
  program
    .description('Operator CLI for Huawei Cloud UCS fleets: federation, VPC connection, and kubeconfigs merged safely into ~/.kube/config.')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void ctx.io.stdout.write(s),
      writeErr: (s) => void ctx.io.stderr.write(s),
      outputError: (s, write) => write(`ucs: ${s}`),
    })
    .showHelpAfterError('(add --help for usage)')
    .option('--endpoint <url>', 'UCS API endpoint, e.g. https://ucs.myhuaweicloud.com [UCS_ENDPOINT]')
    .option('--token <token>', 'IAM token (X-Auth-Token) [UCS_TOKEN]')
    .option('--access-key <ak>', 'access key for AK/SK request signing [UCS_ACCESS_KEY]')
    .option('--secret-key <sk>', 'secret key for AK/SK request signing [UCS_SECRET_KEY]')
    .option('--domain-id <id>', 'account (domain) ID, sent as X-Domain-Id [UCS_DOMAIN_ID]')
    .option('--profile <name>', 'profile of the profile file to use [UCS_PROFILE]')
    .addHelpText('after', `\n${settingsHelp}\n\n${exitCodeHelp}`);
  withExamples(program, [
    'export UCS_ENDPOINT=https://ucs.myhuaweicloud.com UCS_TOKEN=...',
    'FLEET=$(ucs fleet create demo)',
    'ucs federation enable demo --wait',
    'ucs connection create demo --project-id P --vpc-id V --subnet-id S',
    'ucs kubeconfig get demo --merge && kubectl get namespaces',
  ]);

  fleetCommand(program, ctx);
  clusterCommand(program, ctx);
  federationCommand(program, ctx);
  connectionCommand(program, ctx);
  kubeconfigCommand(program, ctx);
  workloadCommand(program, ctx);
  policyCommand(program, ctx);
  quotaCommand(program, ctx);
  configCommand(program, ctx);
  // Last: it adds to the `cluster` command when one is already there.
  clusterKubeconfigCommand(program, ctx);
  return program;
}
