/** The UCS console's fleet naming rule, also enforced by openapi.yaml's FleetName pattern. */
export const fleetNamePattern = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;

export const fleetNameMaxLength = 64;

export function isValidFleetName(name: string): boolean {
  return name.length <= fleetNameMaxLength && fleetNamePattern.test(name);
}

/** The federation state of a fleet at a moment, derived from stored times only. */
export type FederationState = 'disabled' | 'enabling' | 'enabled';

/** A fleet's federation at a moment, with the federation itself whenever there is one. */
export type FederationStatus<F extends { readyAt: number }> =
  | { state: 'disabled' }
  | { state: 'enabling'; federation: F }
  | { state: 'enabled'; federation: F };

/** The one place readiness is decided: a federation is enabled once its readyAt has passed. */
export function federationStatus<F extends { readyAt: number }>(federation: F | undefined, now: number): FederationStatus<F> {
  if (!federation) return { state: 'disabled' };
  return now < federation.readyAt ? { state: 'enabling', federation } : { state: 'enabled', federation };
}
