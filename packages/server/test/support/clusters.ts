/** Bodies of RegisterCluster for the tests. */

/** A kubeconfig of an attached cluster whose API server is https://10.0.0.1:6443. */
export const attachedKubeconfig = JSON.stringify({
  kind: 'Config',
  apiVersion: 'v1',
  clusters: [{ name: 'ack', cluster: { server: 'https://10.0.0.1:6443' } }],
  contexts: [{ name: 'ack', context: { cluster: 'ack', user: 'admin' } }],
  'current-context': 'ack',
  users: [{ name: 'admin', user: { token: 'not-a-real-token' } }],
});

/** An attached (privatek8s) cluster, discrete, with its kubeconfig annotation. */
export function attachedCluster(name: string, metadata: { labels?: Record<string, string>; annotations?: Record<string, string> } = {}) {
  return {
    kind: 'Cluster',
    apiVersion: 'v1',
    metadata: { name, ...(metadata.labels ? { labels: metadata.labels } : {}), annotations: { kubeconfig: attachedKubeconfig, ...metadata.annotations } },
    spec: { category: 'attachedcluster', type: 'privatek8s', provider: 'privatek8s', manageType: 'discrete', country: 'CN', city: '110000' },
  };
}

/** A Huawei Cloud CCE cluster, discrete unless `spec` says otherwise. */
export function cceCluster(name: string, spec: Record<string, unknown> = {}) {
  return {
    kind: 'Cluster',
    apiVersion: 'v1',
    metadata: { name },
    spec: { category: 'self', type: 'cce', provider: 'huaweicloud', region: 'cn-north-4', manageType: 'discrete', country: 'CN', city: '110000', ...spec },
  };
}
