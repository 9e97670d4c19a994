import { X509Certificate } from 'node:crypto';

/**
 * Parsed CA certificates of the endpoint's paths (a fleet's federation, a registered cluster),
 * the most recently used kept: parsing costs more than the store read before it. Bounded, so
 * that memory does not grow with the number of fleets and clusters. An entry is used only for
 * the PEM it was parsed from, so a CA made anew under the same key (a cluster registered again
 * under its id) is parsed anew, never served stale.
 */
export class ParsedCas {
  readonly #byKey = new Map<string, { pem: string; ca: X509Certificate }>();

  constructor(private readonly capacity = 256) {}

  get(key: string, certPem: string): X509Certificate {
    let entry = this.#byKey.get(key);
    if (entry?.pem === certPem) {
      this.#byKey.delete(key);
    } else {
      entry = { pem: certPem, ca: new X509Certificate(certPem) };
      this.#byKey.delete(key);
      if (this.#byKey.size >= this.capacity) this.#byKey.delete(this.#byKey.keys().next().value!);
    }
    this.#byKey.set(key, entry);
    return entry.ca;
  }

  forget(key: string): void {
    this.#byKey.delete(key);
  }
}
