import { CertificateAuthority, type KeyPool } from '@ucs-fleet/pki';
import type { FederationRecord } from '../store/records.js';

/**
 * Parsed fleet CAs, keyed by federation id: parsing a CA and building its certificate
 * template is done once per federation, not per request. A re-enabled federation has a new
 * id and so a new CA; a disabled one is never looked up again because the store no longer has it.
 */
export class CaCache {
  private readonly byFederation = new Map<string, CertificateAuthority>();

  constructor(private readonly keyPool: KeyPool | undefined) {}

  get(federation: FederationRecord): CertificateAuthority {
    let ca = this.byFederation.get(federation.id);
    if (!ca) {
      ca = CertificateAuthority.load(federation.ca, this.keyPool ? { keyPool: this.keyPool } : undefined);
      this.byFederation.set(federation.id, ca);
    }
    return ca;
  }

  forget(federationId: string): void {
    this.byFederation.delete(federationId);
  }

  /** Forgets every CA: the control API's reset empties the store. */
  clear(): void {
    this.byFederation.clear();
  }
}
