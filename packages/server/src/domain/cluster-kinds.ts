import { parse } from 'yaml';
import { clusterCategoryUnsupported, clusterKubeconfigError } from './errors.js';

/** The Kubernetes versions a registered cluster may run (ListRegisteredClusterVersions), oldest first. */
export const registeredClusterVersions = ['v1.19', 'v1.20', 'v1.21', 'v1.22', 'v1.23', 'v1.24', 'v1.25', 'v1.26', 'v1.27', 'v1.28', 'v1.29', 'v1.30', 'v1.31'] as const;

/** What a registered cluster is said to run: the server never reaches a cluster to ask it. */
export const defaultKubernetesVersion = registeredClusterVersions[registeredClusterVersions.length - 1]!;

export interface Category {
  types: readonly string[];
  /** The one provider of the category, when it has one. */
  provider?: string;
  /** Reached through a proxy agent installed from ShowClusterAccessInfo's manifests. */
  agent: boolean;
  /** Registered with its kubeconfig in the annotation `kubeconfig`. */
  needsKubeconfig: boolean;
}

/** The UCS appendix "Cluster Categories and Types", as far as it is published. */
const categories: Record<string, Category> = {
  self: { types: ['cce', 'turbo', 'turbopro'], provider: 'huaweicloud', agent: false, needsKubeconfig: false },
  attachedcluster: { types: ['ack', 'aks', 'eks', 'gke', 'tke', 'openshift', 'privatek8s'], agent: true, needsKubeconfig: true },
  onpremise: { types: ['baremetal'], agent: true, needsKubeconfig: false },
};

/** The category of a combination UCS knows; UCS.01030011 for any other. */
export function requireKnownKind(kind: { category: string; type: string; provider: string }): Category {
  const category = Object.hasOwn(categories, kind.category) ? categories[kind.category] : undefined;
  if (!category) throw clusterCategoryUnsupported(`category ${kind.category}; known: ${Object.keys(categories).join(', ')}`);
  if (!category.types.includes(kind.type)) throw clusterCategoryUnsupported(`type ${kind.type} of category ${kind.category}; known: ${category.types.join(', ')}`);
  if (category.provider !== undefined && kind.provider !== category.provider) {
    throw clusterCategoryUnsupported(`provider ${kind.provider} of category ${kind.category}; it is ${category.provider}`);
  }
  return category;
}

/** Whether clusters of the category have a proxy agent (access info, activation, country and city to change). */
export function hasAgent(category: string): boolean {
  return Object.hasOwn(categories, category) && categories[category]!.agent;
}

/**
 * The API server a kubeconfig (YAML or JSON text) points at: the server of its current
 * context's cluster, or of its only cluster. UCS.01030008 when it names none.
 */
export function apiServerOf(kubeconfig: string): string {
  let doc: unknown;
  try {
    doc = parse(kubeconfig);
  } catch {
    throw clusterKubeconfigError('the annotation kubeconfig is neither YAML nor JSON');
  }
  const config = asObject(doc);
  const clusters = Array.isArray(config?.clusters) ? config.clusters.map(asObject) : [];
  const contexts = Array.isArray(config?.contexts) ? config.contexts.map(asObject) : [];
  const current = contexts.find((c) => c?.name === config?.['current-context']);
  const clusterName = asObject(current?.context)?.cluster;
  const named = clusters.find((c) => c?.name === clusterName) ?? (clusters.length === 1 ? clusters[0] : undefined);
  const server = asObject(named?.cluster)?.server;
  if (typeof server !== 'string' || !/^https?:\/\/[^\s/]+/.test(server)) {
    throw clusterKubeconfigError('the kubeconfig names no API server (clusters[].cluster.server of its current context)');
  }
  return server;
}

function asObject(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
