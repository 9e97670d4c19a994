import type { components } from '@ucs-fleet/types';
import { federationStatus } from './fleet-rules.js';
import type { ClusterRecord, FleetSummary } from '../store/records.js';
import { rfc3339 } from './time-format.js';

type Cluster = components['schemas']['Cluster'];
type Condition = components['schemas']['ClusterCondition'];

/**
 * The Cluster object of the API for a stored cluster at a moment; `fleet` is its fleet while it
 * is a member. Without status when the caller asked for none (ShowClusterList enablestatus=false).
 */
export function clusterView(cluster: ClusterRecord, fleet: FleetSummary | undefined, now: number, withStatus = true): Cluster {
  const view: Cluster = {
    kind: 'Cluster',
    apiVersion: 'v1',
    metadata: {
      uid: cluster.id,
      name: cluster.name,
      creationTimestamp: rfc3339(cluster.createdAt),
      updateTimestamp: rfc3339(cluster.updatedAt),
      ...(Object.keys(cluster.labels).length > 0 ? { labels: cluster.labels } : {}),
      ...(Object.keys(cluster.annotations).length > 0 ? { annotations: cluster.annotations } : {}),
    },
    spec: specView(cluster),
  };
  if (withStatus) view.status = statusView(cluster, fleet, now);
  return view;
}

function specView(c: ClusterRecord): Cluster['spec'] {
  return {
    ...(c.fleetId !== undefined ? { clusterGroupID: c.fleetId } : {}),
    manageType: c.fleetId !== undefined ? 'grouped' : 'discrete',
    category: c.category,
    type: c.clusterType,
    provider: c.provider,
    ...(c.apiEndpoint !== undefined ? { apiEndpoint: c.apiEndpoint } : {}),
    ...(c.region !== undefined ? { region: c.region } : {}),
    country: c.country,
    ...(c.city !== undefined ? { city: c.city } : {}),
    ...(c.projectId !== undefined ? { projectID: c.projectId } : {}),
    IsDownloadedCert: c.agentDownloaded,
    operatorNamespace: c.domainId,
  };
}

function statusView(c: ClusterRecord, fleet: FleetSummary | undefined, now: number): NonNullable<Cluster['status']> {
  const available = c.phase === 'Available';
  const conditions: Condition[] = [
    condition('Ready', available ? 'True' : 'False', available ? 'ClusterReady' : 'ClusterNotReady', available ? 'the cluster is ready' : 'the cluster is not ready', c.createdAt),
    condition('Cluster', c.phase, available ? 'ClusterAvailable' : 'ClusterUnavailable', `the cluster is ${c.phase.toLowerCase()}`, c.createdAt),
    ...federationConditions(c, fleet, now),
  ];
  return {
    kubernetesVersion: c.kubernetesVersion,
    phase: c.phase,
    conditions,
    ...(c.apiEndpoint !== undefined ? { endpoints: [{ url: c.apiEndpoint, type: 'External' as const }] } : {}),
    arrearFreeze: 'false',
    policeFreeze: 'false',
  };
}

/** A member's Federation condition, while its fleet's federation is on. */
function federationConditions(c: ClusterRecord, fleet: FleetSummary | undefined, now: number): Condition[] {
  if (!fleet || fleet.id !== c.fleetId) return [];
  const status = federationStatus(fleet.federation, now);
  const joinedAt = c.joinedAt ?? c.createdAt;
  switch (status.state) {
    case 'disabled':
      return [];
    case 'enabling':
      return [condition('Federation', 'Federalizing', 'ClusterFederalizing', `fleet ${fleet.name}'s federation is being enabled`, Math.max(joinedAt, status.federation.startedAt))];
    case 'enabled':
      return [condition('Federation', 'Federalized', 'ClusterFederalized', `the cluster is a member of fleet ${fleet.name}'s federation`, Math.max(joinedAt, status.federation.readyAt))];
  }
}

function condition(type: Condition['type'], status: Condition['status'], reason: string, message: string, at: number): Condition {
  return { type, status, reason, message, lastTransitionTime: rfc3339(at) };
}
