import { defaultConfig, type ServerConfig } from './config.js';
import { createControlClient, type ControlClient, type FaultableOperationId, type StubFault } from './control/index.js';
import { OffsetClock } from './domain/clock.js';
import { defaultSeed, type Seed } from './seed.js';
import { startServer, type RunningServer } from './server.js';
import { stubAccount, type StubAccount } from './stub/account.js';

export { StubSeedError, type StubAccount } from './stub/account.js';
export type { FaultableOperationId, FaultStatus, FaultCode, StubFault } from './control/index.js';

export interface StubOptions {
  /** Credentials and fleets (default: the built-in seed). It needs a ready fleet and a token and access key of its account. */
  seed?: Seed;
  /** How long enabling federation takes, in ms (default 0); setFederationDelay changes it later. */
  federationDelayMs?: number;
  /** The server's clock (default: a new OffsetClock); advanceClock moves it. */
  clock?: OffsetClock;
  /** Any other server setting; the stub's defaults are ephemeral ports (API and federation endpoint), an in-memory store, no logs and the control API on. */
  config?: Partial<ServerConfig>;
}

/**
 * A running reference server for one test suite, with the credentials and fleet to call it with.
 * Its controls are calls of the server's control API (control-openapi.yaml), the same a suite in
 * any language makes over HTTP: each is checked there, and a refusal rejects with ControlApiError.
 */
export interface Stub extends StubAccount {
  /** Base URL of the API, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The kubeconfig server URL of the ready fleet (its federation API endpoint, https). */
  federationEndpoint: string;
  clock: OffsetClock;
  /** The typed client of this server's control API, for what the shortcuts below do not cover (request log, certificates, clock). */
  control: ControlClient;
  /** The token of the control API (X-Control-Token). */
  controlToken: string;
  /** The server itself (store, domain, config). */
  server: RunningServer;
  /**
   * Makes the next call of the operation that passes authentication and validation answer with
   * an error instead: by default 500 UCS.00000006. Status and code must be ones openapi.yaml
   * allows for the operation (refused otherwise). Faults queue up: two calls, two failures.
   */
  failNext<K extends FaultableOperationId>(operationId: K, fault?: StubFault<K>): Promise<void>;
  /** Drops every fault not yet answered. */
  clearFaults(): Promise<void>;
  /** How long enabling federation takes from now on, in ms. */
  setFederationDelay(ms: number): Promise<void>;
  /**
   * Moves the server's clock forward, e.g. past a certificate's notAfter. AK/SK signatures are
   * checked against this clock too: after a jump of more than 15 minutes, sign with `now` moved
   * the same way, or call with the token.
   */
  advanceClock(ms: number): Promise<void>;
  /** Empties the store and applies the seed again (or leaves it empty); planned faults are dropped. */
  reset(to?: 'seed' | 'empty'): Promise<void>;
  /** Stops the server and frees everything it holds; the process can then exit by itself. */
  close(): Promise<void>;
}

/**
 * Starts the reference server for a test suite in one line:
 * `const stub = await startStub();` ... `await stub.close();`
 */
export async function startStub(o: StubOptions = {}): Promise<Stub> {
  const seed = o.seed ?? defaultSeed;
  const account = stubAccount(seed);
  const clock = o.clock ?? new OffsetClock();
  const config: ServerConfig = {
    ...defaultConfig,
    host: '127.0.0.1',
    port: 0,
    dataDir: ':memory:',
    seedPath: undefined,
    federationHost: '127.0.0.1',
    federationPort: 0,
    federationDelayMs: nonNegativeInteger(o.federationDelayMs ?? 0, 'federationDelayMs'),
    logLevel: 'silent',
    control: true,
    ...o.config,
  };
  const server = await startServer({ config, seed, clock });
  let closing: Promise<void> | undefined;
  try {
    if (!server.control) throw new TypeError('startStub: config.control: false leaves the stub without its controls');
    const federationEndpoint = await federationEndpointOf(server, account);
    const control = createControlClient({ url: server.url, token: server.control.token });
    return {
      ...account,
      url: server.url,
      federationEndpoint,
      clock,
      control,
      controlToken: server.control.token,
      server,
      failNext: async (operationId, fault) => {
        await control.planFault(operationId, fault);
      },
      clearFaults: async () => {
        await control.clearFaults();
      },
      setFederationDelay: async (ms) => {
        await control.setFederationDelay(ms);
      },
      advanceClock: async (ms) => {
        await control.advanceClock(ms);
      },
      reset: async (to) => {
        await control.reset(to);
      },
      close: () => {
        closing ??= (async () => {
          await server.close();
        })();
        return closing;
      },
    };
  } catch (err) {
    await server.close();
    throw err;
  }
}

/** The ready fleet's endpoint as its kubeconfigs name it: its path on the federation endpoint. */
async function federationEndpointOf(server: RunningServer, account: StubAccount): Promise<string> {
  const fleet = await server.store.getFleet(account.domainId, account.fleetId);
  if (!fleet?.federation) throw new Error(`startStub: fleet ${account.fleetId} has no federation in the store`);
  return server.federationEndpoint.fleetUrl(fleet.id);
}

function nonNegativeInteger(ms: number, name: string): number {
  if (!Number.isInteger(ms) || ms < 0) throw new TypeError(`${name}: ${ms} is not a whole number of milliseconds >= 0`);
  return ms;
}
