import type { ClusterGroup } from '@ucs-fleet/types';
import { initialFederationVersion } from './federation-versions.js';
import { federationStatus } from './fleet-rules.js';
import type { FleetSummary } from '../store/records.js';
import { rfc3339 } from './time-format.js';

type Condition = ClusterGroup['status']['conditions'][number];

/** The ClusterGroup object of the API for a stored fleet at a moment. */
export function clusterGroupView(fleet: FleetSummary, now: number, region: string): ClusterGroup {
  return {
    kind: 'ClusterGroup',
    apiVersion: 'v1',
    metadata: {
      uid: fleet.id,
      name: fleet.name,
      creationTimestamp: rfc3339(fleet.createdAt),
      updateTimestamp: rfc3339(fleet.updatedAt),
    },
    spec: specView(fleet, region),
    status: { conditions: [federationCondition(fleet, now)] },
  };
}

function specView(fleet: FleetSummary, region: string): ClusterGroup['spec'] {
  const spec: ClusterGroup['spec'] = { clusterIds: fleet.clusterIds };
  if (fleet.description !== undefined) spec.description = fleet.description;
  if (fleet.federation) {
    spec.federationId = fleet.federation.id;
    spec.federationVersion = initialFederationVersion;
  }
  if (fleet.connection) {
    spec.connectGatewayEndpoints = [
      { type: 'VPCEP', name: `ucs-federation-${fleet.name}`, id: fleet.connection.id, region },
    ];
  }
  return spec;
}

function federationCondition(fleet: FleetSummary, now: number): Condition {
  const status = federationStatus(fleet.federation, now);
  switch (status.state) {
    case 'enabling':
      return condition('Enabling', 'FederationEnabling', 'federation is being enabled', status.federation.startedAt);
    case 'enabled':
      return condition('Available', 'FederationAvailable', 'federation is enabled', status.federation.readyAt);
    case 'disabled':
      return condition('Unavailable', 'FederationUnavailable', 'federation is not enabled', fleet.updatedAt);
  }
}

function condition(status: Condition['status'], reason: Condition['reason'], message: string, at: number): Condition {
  return { type: 'Federation', status, reason, message, lastTransitionTime: rfc3339(at) };
}
