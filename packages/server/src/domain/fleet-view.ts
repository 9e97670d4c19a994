import type { ClusterGroup } from '@ucs-fleet/types';
import { ruleNamespaceNames } from './fleet-associations.js';
import { policyState } from './policies.js';
import { isRollback, isUpgrading, runningVersion } from './federation-upgrade.js';
import { federationStatus } from './fleet-rules.js';
import { fleetCaNotAfter } from './ca-lifetime.js';
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
      resourceVersion: String(fleet.revision),
      generation: String(fleet.revision),
    },
    spec: specView(fleet, now, region),
    status: { conditions: [federationCondition(fleet, now), ...policyConditions(fleet, now)] },
  };
}

function specView(fleet: FleetSummary, now: number, region: string): ClusterGroup['spec'] {
  const spec: ClusterGroup['spec'] = { clusterIds: fleet.clusterIds };
  if (fleet.description !== undefined) spec.description = fleet.description;
  if (fleet.dnsSuffix.length > 0) spec.dnsSuffix = fleet.dnsSuffix;
  if (fleet.policy) spec.policyId = fleet.policy.id;
  const namespaces = ruleNamespaceNames(fleet);
  if (namespaces.length > 0) spec.ruleNamespaces = namespaces;
  if (fleet.federation) {
    spec.federationId = fleet.federation.id;
    spec.federationVersion = runningVersion(fleet.federation, now);
    spec.federationExpirationTimestamp = rfc3339(fleetCaNotAfter(fleet.federation.startedAt));
  }
  if (fleet.connection) {
    spec.connectGatewayEndpoints = [
      { type: 'VPCEP', name: `ucs-federation-${fleet.name}`, id: fleet.connection.id, region },
    ];
  }
  return spec;
}

/** The Federation condition, its message counting the fleet's member clusters once it has any. */
function federationCondition(fleet: FleetSummary, now: number): Condition {
  const members = fleet.clusterIds.length;
  const counted = (c: Condition): Condition => (members === 0 ? c : { ...c, message: `${c.message} (${members} member cluster${members === 1 ? '' : 's'})` });
  return counted(federationStateCondition(fleet, now));
}

function federationStateCondition(fleet: FleetSummary, now: number): Condition {
  const status = federationStatus(fleet.federation, now);
  switch (status.state) {
    case 'enabling':
      return condition('Enabling', 'FederationEnabling', 'federation is being enabled', status.federation.startedAt);
    case 'enabled':
      if (isUpgrading(status.federation, now) && status.federation.upgrade && isRollback(status.federation)) {
        return condition('Rollback', 'FederationRollingBack', `federation is being rolled back to ${status.federation.version}`, status.federation.upgrade.startedAt);
      }
      if (isUpgrading(status.federation, now) && status.federation.upgrade) {
        return condition('Upgrading', 'FederationUpgrading', `federation is being upgraded to ${status.federation.version}`, status.federation.upgrade.startedAt);
      }
      return condition('Available', 'FederationAvailable', 'federation is enabled', Math.max(status.federation.readyAt, status.federation.upgrade?.readyAt ?? 0));
    case 'disabled':
      return condition('Unavailable', 'FederationUnavailable', 'federation is not enabled', fleet.updatedAt);
  }
}

/** The Policy condition, while the policy center is enabled or being enabled. */
function policyConditions(fleet: FleetSummary, now: number): Condition[] {
  const policy = fleet.policy;
  if (!policy) return [];
  if (policyState(policy, now) === 'enabling') {
    return [{ ...condition('Reconciling', 'PolicyReconciling', 'the policy center is being enabled', policy.startedAt), type: 'Policy' }];
  }
  const message = `the policy center is running with ${policy.instances} policy instance${policy.instances === 1 ? '' : 's'}`;
  return [{ ...condition('Running', 'PolicyRunning', message, policy.readyAt), type: 'Policy' }];
}

function condition(status: Condition['status'], reason: Condition['reason'], message: string, at: number): Condition {
  return { type: 'Federation', status, reason, message, lastTransitionTime: rfc3339(at) };
}
