import { defaultConfig, type ServerConfig } from './config.js';
import { OffsetClock } from './domain/clock.js';
import { defaultSeed, type Seed } from './seed.js';
import { startServer, type RunningServer } from './server.js';
import { stubAccount, type StubAccount } from './stub/account.js';
import { FaultPlan, type FaultableOperationId, type StubFault } from './stub/faults.js';

export { StubSeedError, type StubAccount } from './stub/account.js';
export type { FaultableOperationId, FaultStatus, StubFault } from './stub/faults.js';

export interface StubOptions {
  /** Credentials and fleets (default: the built-in seed). It needs a ready fleet and a token and access key of its account. */
  seed?: Seed;
  /** How long enabling federation takes, in ms (default 0); setFederationDelay changes it later. */
  federationDelayMs?: number;
  /** The server's clock (default: a new OffsetClock); advanceClock moves it. */
  clock?: OffsetClock;
  /** Any other server setting; the stub's defaults are an ephemeral port, an in-memory store and no logs. */
  config?: Partial<ServerConfig>;
}

/** A running reference server for one test suite, with the credentials and fleet to call it with. */
export interface Stub extends StubAccount {
  /** Base URL of the API, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The kubeconfig server URL of the ready fleet (its federation API endpoint, https). */
  federationEndpoint: string;
  clock: OffsetClock;
  /** The server itself (store, domain, config), for what the controls below do not cover. */
  server: RunningServer;
  /**
   * Makes the next call of the operation that passes authentication and validation answer with
   * an error instead: by default 500 UCS.00000006. Status and code must be ones openapi.yaml
   * allows for the operation (checked here, at once). Faults queue up: two calls, two failures.
   */
  failNext<K extends FaultableOperationId>(operationId: K, fault?: StubFault<K>): void;
  /** Drops every fault not yet answered. */
  clearFaults(): void;
  /** How long enabling federation takes from now on, in ms. */
  setFederationDelay(ms: number): void;
  /**
   * Moves the server's clock forward, e.g. past a certificate's notAfter. AK/SK signatures are
   * checked against this clock too: after a jump of more than 15 minutes, sign with `now` moved
   * the same way, or call with the token.
   */
  advanceClock(ms: number): void;
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
  let federationDelayMs = nonNegativeInteger(o.federationDelayMs ?? 0, 'federationDelayMs');
  const config: ServerConfig = {
    ...defaultConfig,
    host: '127.0.0.1',
    port: 0,
    dataDir: ':memory:',
    seedPath: undefined,
    federationHost: '127.0.0.1',
    federationDelayMs,
    logLevel: 'silent',
    ...o.config,
  };
  const faults = new FaultPlan();
  const server = await startServer({ config, seed, clock, federationDelayMs: () => federationDelayMs, faultHook: (id) => faults.take(id) });
  let closing: Promise<void> | undefined;
  try {
    const federationEndpoint = await federationEndpointOf(server, account);
    return {
      ...account,
      url: server.url,
      federationEndpoint,
      clock,
      server,
      failNext: (operationId, fault) => faults.add(operationId, fault),
      clearFaults: () => faults.clear(),
      setFederationDelay: (ms) => {
        federationDelayMs = nonNegativeInteger(ms, 'setFederationDelay');
      },
      advanceClock: (ms) => {
        if (!Number.isFinite(ms)) throw new TypeError(`advanceClock: ${ms} is not a number of milliseconds`);
        clock.advance(ms);
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

/** The ready fleet's endpoint as its kubeconfigs name it: from the port the store keeps for it. */
async function federationEndpointOf(server: RunningServer, account: StubAccount): Promise<string> {
  const fleet = await server.store.getFleet(account.domainId, account.fleetId);
  if (!fleet?.federation) throw new Error(`startStub: fleet ${account.fleetId} has no federation in the store`);
  const host = server.config.federationHost;
  return `https://${host.includes(':') ? `[${host}]` : host}:${fleet.federation.port}`;
}

function nonNegativeInteger(ms: number, name: string): number {
  if (!Number.isInteger(ms) || ms < 0) throw new TypeError(`${name}: ${ms} is not a whole number of milliseconds >= 0`);
  return ms;
}
