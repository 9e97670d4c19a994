import type { Store } from '../store/store.js';
import type { HandlerTable } from './handler.js';

export function healthHandlers(store: Store): Pick<HandlerTable, 'ShowHealth'> {
  return {
    ShowHealth: async () => {
      await store.ping();
      return { status: 200, body: { status: 'ok' } };
    },
  };
}
