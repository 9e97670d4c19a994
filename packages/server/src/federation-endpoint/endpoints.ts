/**
 * Keeps one federation endpoint listening per federated fleet, following the store alone:
 * reconcile() reads every federated fleet, closes the listeners of fleets no longer federated
 * (or federated anew, hence with a new CA) and opens the missing ones. It runs at start, after
 * each enable/disable of this process (see store-hook.ts) and on a timer, so that several
 * processes sharing one database converge without talking to each other.
 */
import type { Logger } from 'pino';
import type { Clock } from '../domain/clock.js';
import { CertificateAuthority, type KeyPool } from '@ucs-fleet/pki';
import type { FederationRecord, FleetRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { openFleetListener, type FleetListener } from './listener.js';

export interface FederationEndpointsOptions {
  store: Store;
  /** The host the endpoints bind to and kubeconfigs name (config.federationHost). */
  host: string;
  clock: Clock;
  logger: Logger;
  keyPool: KeyPool | undefined;
  /** How often the store is read again for changes made by other processes. */
  pollMs?: number;
}

export interface ListeningEndpoint {
  fleetId: string;
  federationId: string;
  url: string;
}

interface OpenEndpoint {
  federationId: string;
  listener: FleetListener;
}

export class FederationEndpoints {
  readonly #open = new Map<string, OpenEndpoint>();
  /** The federation each fleet last failed to listen for, so that a retry every poll logs once. */
  readonly #failed = new Map<string, string>();
  #queue: Promise<void> = Promise.resolve();
  #queued = 0;
  #timer: NodeJS.Timeout | undefined;
  #state: 'created' | 'running' | 'closed' = 'created';

  constructor(private readonly o: FederationEndpointsOptions) {}

  /** Opens the endpoints of every federated fleet and starts following the store. */
  async start(): Promise<void> {
    if (this.#state !== 'created') return;
    this.#state = 'running';
    await this.reconcile();
    // A tick while a reconcile is still queued would only repeat it.
    this.#timer = setInterval(() => {
      if (this.#queued === 0) void this.reconcile();
    }, this.o.pollMs ?? 1000);
    this.#timer.unref();
  }

  /**
   * Brings the listeners in line with the store as it is now; never rejects (failures are
   * logged and retried at the next call). Calls run one after another. Before start() and
   * after close() it does nothing.
   */
  reconcile(): Promise<void> {
    this.#queued++;
    this.#queue = this.#queue.then(() => this.#sync()).finally(() => this.#queued--);
    return this.#queue;
  }

  listening(): ListeningEndpoint[] {
    return [...this.#open].map(([fleetId, e]) => ({ fleetId, federationId: e.federationId, url: e.listener.url }));
  }

  /** Stops following the store and closes every listener and connection. */
  async close(): Promise<void> {
    this.#state = 'closed';
    clearInterval(this.#timer);
    await this.#queue;
    const open = [...this.#open.values()];
    this.#open.clear();
    await Promise.all(open.map((e) => e.listener.close()));
  }

  async #sync(): Promise<void> {
    if (this.#state !== 'running') return;
    let fleets: FleetRecord[];
    try {
      fleets = await this.o.store.listFederatedFleets();
    } catch (err) {
      this.o.logger.warn({ err }, 'federation endpoints: cannot read federated fleets');
      return;
    }
    if (this.#state !== 'running') return;
    const wanted = new Map<string, { fleet: FleetRecord; federation: FederationRecord }>();
    for (const fleet of fleets) if (fleet.federation) wanted.set(fleet.id, { fleet, federation: fleet.federation });
    // Close first: a port set free here may be the one a new federation was given.
    for (const [fleetId, open] of [...this.#open]) {
      if (wanted.get(fleetId)?.federation.id === open.federationId) continue;
      this.#open.delete(fleetId);
      await open.listener.close();
      this.o.logger.info({ fleetId, url: open.listener.url }, 'federation endpoint closed');
    }
    for (const fleetId of [...this.#failed.keys()]) if (!wanted.has(fleetId)) this.#failed.delete(fleetId);
    // Endpoints of federations still enabling listen too: the port is theirs from the start,
    // and the endpoint is up before any kubeconfig for it can be downloaded.
    for (const { fleet, federation } of wanted.values()) {
      if (!this.#open.has(fleet.id)) await this.#openFor(fleet, federation);
    }
  }

  async #openFor(fleet: FleetRecord, federation: FederationRecord): Promise<void> {
    try {
      const listener = await openFleetListener({
        ca: CertificateAuthority.load(federation.ca, this.o.keyPool ? { keyPool: this.o.keyPool } : undefined),
        host: this.o.host,
        port: federation.port,
        clock: this.o.clock,
        fleetName: fleet.name,
        onError: (err) => this.o.logger.error({ err, fleetId: fleet.id }, 'federation endpoint error'),
      });
      if (this.#state !== 'running') {
        await listener.close();
        return;
      }
      this.#open.set(fleet.id, { federationId: federation.id, listener });
      this.#failed.delete(fleet.id);
      this.o.logger.info({ fleetId: fleet.id, url: listener.url }, 'federation endpoint listening');
    } catch (err) {
      // E.g. EADDRINUSE while another process sharing the database serves this fleet: retried
      // at every reconcile, so this process takes over when that one stops.
      if (this.#failed.get(fleet.id) !== federation.id) {
        this.#failed.set(fleet.id, federation.id);
        this.o.logger.warn({ err, fleetId: fleet.id, port: federation.port }, 'federation endpoint cannot listen; will retry');
      }
    }
  }
}
