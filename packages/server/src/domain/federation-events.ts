import { EventEmitter } from 'node:events';

/** A federation that was just enabled or disabled, as the domain announces it. */
export interface FederationEvent {
  fleetId: string;
  federationId: string;
}

type FederationEventName = 'enabled' | 'disabled';

/**
 * What the domain tells the other entrances (the federation endpoint) about federations, once
 * the store has committed the change. Listeners run synchronously, before the API answers: once
 * a disable is answered, whatever a listener cut is cut. A listener must not throw.
 */
export class FederationEvents {
  readonly #emitter = new EventEmitter();

  on(name: FederationEventName, listener: (event: FederationEvent) => void): () => void {
    this.#emitter.on(name, listener);
    return () => this.#emitter.off(name, listener);
  }

  emit(name: FederationEventName, event: FederationEvent): void {
    this.#emitter.emit(name, event);
  }
}
