/** The UCS console's fleet naming rule, also enforced by openapi.yaml's FleetName pattern. */
export const fleetNamePattern = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;

export const fleetNameMaxLength = 64;

export function isValidFleetName(name: string): boolean {
  return name.length <= fleetNameMaxLength && fleetNamePattern.test(name);
}

/** The federation state of a fleet at a moment, derived from stored times only. */
export type FederationState = 'disabled' | 'enabling' | 'enabled';

export function federationState(federation: { readyAt: number } | undefined, now: number): FederationState {
  if (!federation) return 'disabled';
  return now < federation.readyAt ? 'enabling' : 'enabled';
}
