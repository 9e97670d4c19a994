import type { ClusterRecord } from '../store/records.js';

/**
 * The manifests of a cluster's proxy agent (ShowClusterAccessInfo), each as JSON text: the
 * Python SDK reads the answer as a list of strings, and JSON text survives that unchanged. The
 * reference server runs no proxy server, so there is no certificate Secret to hand out.
 */
export function agentManifests(cluster: ClusterRecord, access: { vpcendpoint?: string; region?: string }): string[] {
  const args = [
    `--agent-id=${cluster.id}`,
    `--cluster-name=${cluster.name}`,
    ...(access.vpcendpoint !== undefined ? [`--proxy-server-host=${access.vpcendpoint}`] : []),
    ...(access.region !== undefined ? [`--region=${access.region}`] : []),
  ];
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'proxy-agent', namespace: 'kube-system', labels: { app: 'proxy-agent' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'proxy-agent' } },
      template: {
        metadata: { labels: { app: 'proxy-agent' } },
        spec: { containers: [{ name: 'proxy-agent', image: 'swr.cn-north-4.myhuaweicloud.com/ucs/proxy-agent:latest', args }] },
      },
    },
  };
  return [JSON.stringify(deployment)];
}
