import type { OffsetClock } from '../domain/clock.js';
import { invalidBody } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import { FaultRefusedError, type FaultPlan, type StubFault } from './faults.js';
import type { ControlHandlerTable } from './handler.js';
import type { RequestLog } from './request-log.js';

export type ResetTarget = 'seed' | 'empty';

/** What the control operations act on: the running server's own parts. */
export interface ControlDeps {
  store: Store;
  clock: OffsetClock;
  faults: FaultPlan;
  requests: RequestLog;
  federationDelay: { ms: number };
  /** Empties the store and, for 'seed', applies the seed again; answers the fleets it then holds. */
  reset: (to: ResetTarget) => Promise<number>;
}

/** The control operations; the validator has checked every body against control-openapi.yaml. */
export function controlHandlers(d: ControlDeps): ControlHandlerTable {
  const clockView = () => ({ now: new Date(d.clock.now()).toISOString(), offsetMs: d.clock.offsetMs });
  return {
    ResetStore: async (body) => {
      const to = body?.to ?? 'seed';
      d.faults.clear();
      return { status: 200, body: { to, fleets: await d.reset(to) } };
    },
    ListFaults: async () => ({ status: 200, body: { items: d.faults.list() } }),
    PlanFault: async (body) => {
      const { operationId, ...fault } = body!;
      try {
        return { status: 201, body: d.faults.add(operationId, fault as StubFault) };
      } catch (err) {
        if (err instanceof FaultRefusedError) throw invalidBody(err.message);
        throw err;
      }
    },
    ClearFaults: async () => ({ status: 200, body: { cleared: d.faults.clear() } }),
    ShowFederationDelay: async () => ({ status: 200, body: { ms: d.federationDelay.ms } }),
    SetFederationDelay: async (body) => {
      d.federationDelay.ms = body!.ms;
      return { status: 200, body: { ms: d.federationDelay.ms } };
    },
    ShowClock: async () => ({ status: 200, body: clockView() }),
    AdvanceClock: async (body) => {
      d.clock.advance(body!.ms);
      return { status: 200, body: clockView() };
    },
    ListRequests: async () => ({ status: 200, body: { items: d.requests.list() } }),
    ClearRequests: async () => ({ status: 200, body: { cleared: d.requests.clear() } }),
    ListIssuedCertificates: async () => {
      const certificates = await d.store.listAllCertificates();
      const iso = (ms: number) => new Date(ms).toISOString();
      const items = certificates.map((c) => ({
        serial: c.serial,
        fleetId: c.fleetId,
        federationId: c.federationId,
        subject: c.subject,
        notBefore: iso(c.notBefore),
        notAfter: iso(c.notAfter),
        issuedAt: iso(c.issuedAt),
      }));
      return { status: 200, body: { items } };
    },
  };
}
