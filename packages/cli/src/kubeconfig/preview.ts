/**
 * What `kubeconfig get --merge --dry-run` merges instead of a downloaded kubeconfig: a dry run
 * issues no certificate, so the kubeconfig UCS would send is foretold from the fleet (ShowClusterGroup)
 * and from what the file already holds, with placeholders where only the download would tell.
 */
import type { ClusterGroup, Kubeconfig } from '@ucs-fleet/client';
import { federationStatus } from '../api.js';
import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';

interface Named {
  name?: unknown;
  cluster?: Record<string, unknown>;
  context?: { cluster?: unknown; user?: unknown };
}

/** The reason UCS would refuse to issue a kubeconfig for the fleet (as DownloadFederationKubeconfig decides), if any. */
export function downloadRefusal(fleet: ClusterGroup): string | undefined {
  const status = federationStatus(fleet);
  if (status === 'Enabling') return `federation of fleet ${fleet.metadata.name} is still being enabled`;
  if (status !== 'Available') return `federation of fleet ${fleet.metadata.name} is not enabled`;
  if (!fleet.spec.connectGatewayEndpoints?.length) return `the federation connection of fleet ${fleet.metadata.name} has not been created`;
  return undefined;
}

/** Throws the CliError (exit 3, like the API's refusal) a dry run gives for a fleet UCS would refuse. */
export function requireDownloadable(fleet: ClusterGroup): void {
  const refusal = downloadRefusal(fleet);
  if (refusal) {
    throw new CliError(`dry run: UCS would refuse the download: ${refusal}`, ExitCode.api, [`see: ucs federation status ${fleet.metadata.name}`]);
  }
}

/**
 * The kubeconfig a download would bring, named as UCS names it (`ucs-<fleet>-<id prefix>`,
 * user `…-<user name>`). Server and CA are the ones the file holds for that cluster (they
 * change only when the federation is enabled anew); the user gets placeholders for the new
 * certificate and key.
 */
export function previewKubeconfig(fleet: ClusterGroup, existing: unknown, durationDays: number): Kubeconfig {
  const base = `ucs-${fleet.metadata.name}-${fleet.metadata.uid.replace(/[^a-zA-Z0-9]/g, '').slice(0, 8)}`;
  const file = (typeof existing === 'object' && existing !== null ? existing : {}) as Record<string, unknown>;
  const find = (key: string, name: string) => (Array.isArray(file[key]) ? (file[key] as Named[]) : []).find((e) => e?.name === name);
  const earlierUser = find('contexts', base)?.context?.user;
  const user = typeof earlierUser === 'string' ? earlierUser : `${base}-<your user name>`;
  const cluster = find('clusters', base)?.cluster;
  return {
    kind: 'Config',
    apiVersion: 'v1',
    clusters: [
      {
        name: base,
        cluster: {
          server: typeof cluster?.server === 'string' ? cluster.server : '<the federation endpoint UCS names>',
          'certificate-authority-data':
            typeof cluster?.['certificate-authority-data'] === 'string' ? cluster['certificate-authority-data'] : "<the fleet's CA certificate>",
        },
      },
    ],
    users: [{ name: user, user: { 'client-certificate-data': `<a new client certificate, valid ${durationDays} days>`, 'client-key-data': '<a new private key>' } }],
    contexts: [{ name: base, context: { cluster: base, user } }],
    'current-context': base,
  };
}
