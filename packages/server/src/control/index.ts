import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { FaultHook } from '../http/router.js';
import type { ServerConfig } from '../config.js';
import { OffsetClock, type Clock } from '../domain/clock.js';
import type { Seed } from '../seed.js';
import type { Store } from '../store/store.js';
import { newControlToken } from './auth.js';
import { FaultPlan } from './faults.js';
import { controlHandlers, type ResetTarget } from './handlers.js';
import { RequestLog, recordRequests } from './request-log.js';
import { controlRouter } from './router.js';

export { controlPathPrefix, controlDocsPath, isControlPath } from './paths.js';
export { createControlClient, ControlApiError, type ControlClient, type ControlClientOptions } from './client.js';
export type { FaultableOperationId, FaultStatus, FaultCode, StubFault, PlannedFault } from './faults.js';

/** The state the control API moves: what a server run holds when started with --control. */
export interface ServerControls {
  token: string;
  clock: OffsetClock;
  faults: FaultPlan;
  requests: RequestLog;
  /** How long enabling federation takes from now on, in ms. */
  federationDelay: { ms: number };
}

export class ControlConfigError extends Error {}

/** The controls of a run; the clock must be one they can move. */
export function newServerControls(config: ServerConfig, seed: Seed, clock: Clock | undefined): ServerControls {
  if (clock !== undefined && !(clock instanceof OffsetClock)) throw new ControlConfigError('the control API moves the clock: give the server an OffsetClock');
  const token = config.controlToken ?? newControlToken();
  if (seed.tokens.some((t) => t.token === token) || seed.accessKeys.some((k) => k.accessKey === token || k.secretKey === token)) {
    throw new ControlConfigError('the control token must not be a UCS credential of the seed');
  }
  return { token, clock: clock ?? new OffsetClock(), faults: new FaultPlan(), requests: new RequestLog(), federationDelay: { ms: config.federationDelayMs } };
}

export interface ControlEntranceDeps {
  store: Store;
  logger: Logger;
  bodyLimitBytes: number;
  reset: (to: ResetTarget) => Promise<number>;
}

/** What the HTTP app mounts for the controls: the request recorder, the control API itself, and the faults it plans. */
export interface ControlEntrance {
  recorder: RequestHandler;
  router: RequestHandler;
  faultHook: FaultHook;
}

export function controlEntrance(c: ServerControls, d: ControlEntranceDeps): ControlEntrance {
  const handlers = controlHandlers({ store: d.store, clock: c.clock, faults: c.faults, requests: c.requests, federationDelay: c.federationDelay, reset: d.reset });
  return {
    recorder: recordRequests(c.requests, c.clock),
    router: controlRouter({ handlers, token: c.token, logger: d.logger, bodyLimitBytes: d.bodyLimitBytes }),
    faultHook: (id) => c.faults.take(id),
  };
}
