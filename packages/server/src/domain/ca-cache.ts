import { CertificateAuthority, type KeyPool } from '@ucs-fleet/pki';
import type { CaRecord, FederationSummary } from '../store/records.js';

/**
 * Parsed fleet CAs, keyed by federation id: reading a CA's PEMs, parsing them and building its
 * certificate template is done once per federation, not per request. A re-enabled federation
 * has a new id and so a new CA; a disabled one is never looked up again because the store no
 * longer has it.
 */
export class CaCache {
  private readonly byFederation = new Map<string, Promise<CertificateAuthority | undefined>>();

  /** @param readCa the CA of a federation from the store; undefined once it is disabled */
  constructor(
    private readonly keyPool: KeyPool | undefined,
    private readonly readCa: (federationId: string) => Promise<CaRecord | undefined>,
  ) {}

  /** The federation's CA; undefined when the store no longer has it (disabled meanwhile). */
  get(federation: FederationSummary): Promise<CertificateAuthority | undefined> {
    let ca = this.byFederation.get(federation.id);
    if (!ca) {
      ca = this.load(federation.id);
      this.byFederation.set(federation.id, ca);
    }
    return ca;
  }

  private async load(federationId: string): Promise<CertificateAuthority | undefined> {
    try {
      const record = await this.readCa(federationId);
      if (!record) {
        this.forget(federationId);
        return undefined;
      }
      return CertificateAuthority.load(record, this.keyPool ? { keyPool: this.keyPool } : undefined);
    } catch (err) {
      // A failed read (a database outage) is not remembered: the next request reads again.
      this.forget(federationId);
      throw err;
    }
  }

  forget(federationId: string): void {
    this.byFederation.delete(federationId);
  }

  /** Forgets every CA: the control API's reset empties the store. */
  clear(): void {
    this.byFederation.clear();
  }
}
