import type { Kubeconfig } from '@ucs-fleet/types';

export interface KubeconfigParts {
  fleetId: string;
  fleetName: string;
  userName: string;
  serverUrl: string;
  /** base64 of the endpoint CA certificate's PEM: the same for every kubeconfig, so computed once by the caller. */
  caCertData: string;
  clientCertPem: string;
  clientKeyPem: string;
}

/**
 * Names derive from the fleet (name and short id) so that kubeconfigs of several fleets,
 * and of same-named fleets of other accounts, merge into one file without colliding.
 */
export function kubeconfigNames(fleetId: string, fleetName: string, userName: string): { cluster: string; user: string; context: string } {
  const base = `ucs-${fleetName}-${fleetId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 8)}`;
  return { cluster: base, user: `${base}-${userName}`, context: base };
}

/** The kubeconfig document for a minted client certificate. */
export function kubeconfigDocument(parts: KubeconfigParts): Kubeconfig {
  const names = kubeconfigNames(parts.fleetId, parts.fleetName, parts.userName);
  return {
    kind: 'Config',
    apiVersion: 'v1',
    clusters: [{ name: names.cluster, cluster: { server: parts.serverUrl, 'certificate-authority-data': parts.caCertData } }],
    users: [
      {
        name: names.user,
        user: { 'client-certificate-data': base64(parts.clientCertPem), 'client-key-data': base64(parts.clientKeyPem) },
      },
    ],
    contexts: [{ name: names.context, context: { cluster: names.cluster, user: names.user } }],
    'current-context': names.context,
  };
}

function base64(pem: string): string {
  return Buffer.from(pem, 'utf8').toString('base64');
}
