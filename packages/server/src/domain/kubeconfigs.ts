import type { Kubeconfig } from '@ucs-fleet/types';
import { certificateSubjectOf, type Caller } from './caller.js';
import type { CaCache } from './ca-cache.js';
import { requireCaOutlives } from './ca-lifetime.js';
import type { Clock } from './clock.js';
import type { FederationService } from './federation.js';
import type { FleetService } from './fleets.js';
import { kubeconfigDocument } from './kubeconfig-document.js';
import { federationStateError } from './errors.js';
import { validityPeriod, type CertificateAuthority, type KeyType } from '@ucs-fleet/pki';
import type { FederationSummary } from '../store/records.js';
import type { Store } from '../store/store.js';

export interface KubeconfigServiceDeps {
  store: Store;
  clock: Clock;
  fleets: FleetService;
  federation: FederationService;
  caCache: CaCache;
  clientKeyType: KeyType;
  /** The URL of a fleet's path on the federation endpoint, as kubeconfigs name it. */
  endpointUrl: (fleetId: string) => string;
  /**
   * certificate-authority-data: base64 of the endpoint CA's PEM, the same for every fleet. The
   * fleet's CA signs the client certificate; the endpoint's CA signs the serving certificate,
   * which one TLS handshake cannot choose by the URL path.
   */
  endpointCaData: string;
}

/** Issues kubeconfigs: a fresh key and a client certificate signed by the fleet's CA. */
export class KubeconfigService {
  constructor(private readonly deps: KubeconfigServiceDeps) {}

  /** Refuses a duration the fleet's CA would not outlive, before a caller changes anything (CreateFederationCert connects first). */
  async requireDurationWithinCa(caller: Caller, fleetId: string, durationDays: number): Promise<void> {
    const fleet = await this.deps.fleets.require(caller, fleetId);
    const { federation } = this.deps.federation.requireReady(fleet);
    const ca = await this.caOf(federation, fleet.name);
    requireCaOutlives(ca.notAfter, validityPeriod(this.deps.clock.now(), durationDays), fleet.name);
  }

  async issue(caller: Caller, fleetId: string, durationDays: number): Promise<Kubeconfig> {
    const fleet = await this.deps.fleets.require(caller, fleetId);
    const { federation } = this.deps.federation.requireConnected(fleet);
    const ca = await this.caOf(federation, fleet.name);
    const period = validityPeriod(this.deps.clock.now(), durationDays);
    requireCaOutlives(ca.notAfter, period, fleet.name);
    const { issuedAt, notBefore, notAfter } = period;
    const minted = await ca.mintClientCertificate({
      commonName: caller.userName,
      organizations: caller.groups,
      notBefore,
      notAfter,
      keyType: this.deps.clientKeyType,
    });
    await this.deps.store.recordCertificate({
      serial: minted.serialHex,
      fleetId,
      federationId: federation.id,
      subject: certificateSubjectOf(caller),
      notBefore: notBefore.getTime(),
      notAfter: notAfter.getTime(),
      issuedAt: issuedAt.getTime(),
    });
    return kubeconfigDocument({
      fleetId,
      fleetName: fleet.name,
      userName: caller.userName,
      serverUrl: this.deps.endpointUrl(fleetId),
      caCertData: this.deps.endpointCaData,
      clientCertPem: minted.certPem,
      clientKeyPem: minted.keyPem,
    });
  }

  /** The CA from the cache (read from the store only on a miss); a federation disabled meanwhile is the same error as before. */
  private async caOf(federation: FederationSummary, fleetName: string): Promise<CertificateAuthority> {
    const ca = await this.deps.caCache.get(federation);
    if (!ca) throw federationStateError(`federation of fleet ${fleetName} is not enabled`);
    return ca;
  }
}
