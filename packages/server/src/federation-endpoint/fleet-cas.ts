import { X509Certificate } from 'node:crypto';
import type { FederationRecord } from '../store/records.js';

/**
 * Parsed fleet CA certificates by federation id, the most recently used kept: parsing costs
 * more than the store read before it. Bounded, so that memory does not grow with the number of
 * fleets; a re-enabled federation has a new id, so an entry never goes stale.
 */
export class FleetCas {
  readonly #byFederation = new Map<string, X509Certificate>();

  constructor(private readonly capacity = 256) {}

  get(federation: FederationRecord): X509Certificate {
    let ca = this.#byFederation.get(federation.id);
    if (ca) {
      this.#byFederation.delete(federation.id);
    } else {
      ca = new X509Certificate(federation.ca.certPem);
      if (this.#byFederation.size >= this.capacity) this.#byFederation.delete(this.#byFederation.keys().next().value!);
    }
    this.#byFederation.set(federation.id, ca);
    return ca;
  }

  forget(federationId: string): void {
    this.#byFederation.delete(federationId);
  }
}
