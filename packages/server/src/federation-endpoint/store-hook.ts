import type { Store } from '../store/store.js';

/**
 * The store, with this process's enable and disable followed by a reconcile of the federation
 * endpoints (other processes follow by polling):
 * - disable: before it returns, so that once the disable is answered the endpoint is gone;
 * - enable: right after the answer is sent (setImmediate). Opening a listener mints a serving
 *   certificate, a cost the enable answer need not carry: the federation is still enabling and
 *   no kubeconfig for its new CA exists yet.
 * A Proxy, so that every other Store method passes through unchanged as the interface grows.
 */
export function reconcilingAfterFederationChanges(store: Store, reconcile: () => Promise<void>): Store {
  const hooked: Partial<Store> = {
    async startFederation(...args) {
      const started = await store.startFederation(...args);
      if (started) setImmediate(() => void reconcile());
      return started;
    },
    async stopFederation(...args) {
      const stopped = await store.stopFederation(...args);
      if (stopped) await reconcile();
      return stopped;
    },
  };
  return new Proxy(store, {
    get(target, property) {
      const own = hooked[property as keyof Store];
      if (own) return own;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
