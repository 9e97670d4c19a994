import type { controlComponents, controlPaths } from '@ucs-fleet/types';
import createClient, { type Client } from 'openapi-fetch';
import type { FaultableOperationId, StubFault } from './faults.js';

type Schemas = controlComponents['schemas'];

/** A refusal of the control API: its status, UCS code and message. */
export class ControlApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly errorMsg: string,
  ) {
    super(`control API answered ${status} ${errorCode}: ${errorMsg}`);
    this.name = 'ControlApiError';
  }
}

export interface ControlClientOptions {
  /** The server's base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  /** The control token (the server's banner prints it). */
  token: string;
  fetch?: typeof globalThis.fetch;
}

/** The typed client of control-openapi.yaml: each call returns the body or throws ControlApiError. */
export interface ControlClient {
  /** The underlying openapi-fetch client, typed by control-openapi.yaml's paths. */
  readonly raw: Client<controlPaths>;
  reset(to?: 'seed' | 'empty'): Promise<Schemas['ResetResult']>;
  planFault<K extends FaultableOperationId>(operationId: K, fault?: StubFault<K>): Promise<Schemas['Fault']>;
  listFaults(): Promise<Schemas['Fault'][]>;
  clearFaults(): Promise<number>;
  federationDelay(): Promise<number>;
  setFederationDelay(ms: number): Promise<number>;
  clock(): Promise<Schemas['Clock']>;
  advanceClock(ms: number): Promise<Schemas['Clock']>;
  requests(): Promise<Schemas['RecordedRequest'][]>;
  clearRequests(): Promise<number>;
  certificates(): Promise<Schemas['IssuedCertificate'][]>;
}

export function createControlClient(o: ControlClientOptions): ControlClient {
  const raw = createClient<controlPaths>({ baseUrl: o.url, headers: { 'X-Control-Token': o.token }, ...(o.fetch ? { fetch: o.fetch } : {}) });
  return {
    raw,
    reset: (to = 'seed') => bodyOf(raw.POST('/__control/reset', { body: { to } })),
    planFault: (operationId, fault = {}) => bodyOf(raw.POST('/__control/faults', { body: { operationId, ...(fault as Omit<Schemas['FaultRequest'], 'operationId'>) } })),
    listFaults: async () => (await bodyOf(raw.GET('/__control/faults'))).items,
    clearFaults: async () => (await bodyOf(raw.DELETE('/__control/faults'))).cleared,
    federationDelay: async () => (await bodyOf(raw.GET('/__control/federation-delay'))).ms,
    setFederationDelay: async (ms) => (await bodyOf(raw.PUT('/__control/federation-delay', { body: { ms } }))).ms,
    clock: () => bodyOf(raw.GET('/__control/clock')),
    advanceClock: (ms) => bodyOf(raw.POST('/__control/clock/advance', { body: { ms } })),
    requests: async () => (await bodyOf(raw.GET('/__control/requests'))).items,
    clearRequests: async () => (await bodyOf(raw.DELETE('/__control/requests'))).cleared,
    certificates: async () => (await bodyOf(raw.GET('/__control/certificates'))).items,
  };
}

async function bodyOf<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (data !== undefined) return data;
  const body = (error ?? {}) as { error_code?: string; error_msg?: string };
  throw new ControlApiError(response.status, body.error_code ?? '', body.error_msg ?? response.statusText);
}
