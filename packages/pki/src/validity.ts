/** notBefore lies this far before issue so that a client whose clock runs a little slow accepts the certificate. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** When a certificate is issued and the validity it carries, in whole seconds (DER has no fractions). */
export interface ValidityPeriod {
  issuedAt: Date;
  notBefore: Date;
  notAfter: Date;
}

/** The one rule for every certificate issued here: from five minutes before `now` until `days` days after it. */
export function validityPeriod(now: number, days: number): ValidityPeriod {
  const issuedAt = Math.floor(now / 1000) * 1000;
  return { issuedAt: new Date(issuedAt), notBefore: new Date(issuedAt - CLOCK_SKEW_MS), notAfter: new Date(issuedAt + Math.round(days * DAY_MS)) };
}
