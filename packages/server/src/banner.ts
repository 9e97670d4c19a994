import { fleetPathPattern } from './federation-endpoint/index.js';
import { firstReadyFleet } from './seed.js';
import type { RunningServer } from './server.js';

/** What a newcomer needs in the first minute: where to call, with what, and a line to paste. */
export function startupBanner(s: RunningServer): string {
  const token = s.seed.tokens[0];
  const ready = token && firstReadyFleet(s.seed, token.domainId);
  const lines = [
    `UCS reference server listening on ${s.url}`,
    `  federation endpoint: ${s.federationEndpoint.url}  (each fleet at ${fleetPathPattern})`,
    `  data: ${storeDescription(s.config)}`,
    `  seed: ${s.config.seedPath ?? 'built-in default'}`,
  ];
  if (token) lines.push(`  token: ${token.token}  (account ${token.domainId}, user ${token.userName})`);
  const ak = s.seed.accessKeys[0];
  if (ak) lines.push(`  access key: ${ak.accessKey}  secret key: ${ak.secretKey}`);
  if (s.control) lines.push(`  control API: ${s.control.url}  token: ${s.control.token}  (docs: ${s.control.docsUrl})`);
  if (ready && token) {
    lines.push(
      `  ready fleet: ${ready.id}  (${ready.name}: federation enabled, connected)`,
      '',
      'Download a kubeconfig:',
      `  curl -s -X POST ${s.url}/v1/clustergroups/${ready.id}/kubeconfig \\`,
      `    -H 'X-Auth-Token: ${token.token}' -H 'Content-Type: application/json' -d '{"duration": 30}'`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function storeDescription(config: RunningServer['config']): string {
  if (config.databaseUrl) return `PostgreSQL at ${new URL(config.databaseUrl).host}`;
  return config.dataDir === ':memory:' ? 'in memory (lost on exit)' : config.dataDir;
}
