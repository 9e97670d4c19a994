import { federationStateError } from './errors.js';
import { validityPeriod, type ValidityPeriod } from '@ucs-fleet/pki';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long a fleet's CA is valid from enabling; the federation expires with it (spec.federationExpirationTimestamp). */
export const fleetCaValidityDays = 3650;

/** When the CA of a federation enabled at `startedAt` expires. */
export function fleetCaNotAfter(startedAt: number): number {
  return validityPeriod(startedAt, fleetCaValidityDays).notAfter.getTime();
}

/**
 * A certificate may not outlive the CA that signs it: a client checking the chain would refuse
 * it once the CA has expired, so the rest of its validity is a promise nobody keeps. Refused
 * rather than shortened, so that a kubeconfig is always valid for the days asked (openapi.yaml,
 * DownloadFederationKubeconfig); the message names the longest duration the CA still allows.
 */
export function requireCaOutlives(caNotAfter: Date, period: ValidityPeriod, fleetName: string): void {
  if (period.notAfter.getTime() <= caNotAfter.getTime()) return;
  const longestDays = Math.floor((caNotAfter.getTime() - period.issuedAt.getTime()) / DAY_MS);
  const expires = caNotAfter.toISOString();
  throw federationStateError(
    longestDays >= 1
      ? `the CA of fleet ${fleetName} expires at ${expires}, before the certificate would; ask for a duration of at most ${longestDays} days, or disable and enable federation for a new CA`
      : `the CA of fleet ${fleetName} expires at ${expires}, within a day; disable and enable federation for a new CA`,
  );
}
