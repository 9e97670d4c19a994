import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import type { FaultHook } from './http/router.js';
import { keyPoolSizeFor, type ServerConfig } from './config.js';
import { systemClock, type Clock } from './domain/clock.js';
import { CredentialRegistry } from './domain/credentials.js';
import { createDomain, type Domain } from './domain/index.js';
import { KeyPool } from '@ucs-fleet/pki';
import { FederationEndpoints, reconcilingAfterFederationChanges } from './federation-endpoint/index.js';
import { createLogger } from './logger.js';
import { allocateFreePort } from './ports.js';
import { defaultSeed, loadSeedFile, type Seed } from './seed.js';
import { applySeedFleets } from './seed-apply.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';

export interface StartOptions {
  config: ServerConfig;
  /** A seed given in code wins over config.seedPath and the default seed. */
  seed?: Seed;
  clock?: Clock;
  logger?: Logger;
  /** Read at each enable, so a caller can change it while the server runs. */
  federationDelayMs?: () => number;
  /** Asked before each handler; an error it returns is the answer instead (the test stub's failNext). */
  faultHook?: FaultHook;
}

export interface RunningServer {
  url: string;
  port: number;
  config: ServerConfig;
  seed: Seed;
  store: Store;
  domain: Domain;
  /** The fleets' federation API endpoints; reconcile() makes them follow the store now. */
  federationEndpoints: FederationEndpoints;
  close(): Promise<void>;
}

/** Opens the store, applies the seed, compiles the spec and listens. */
export async function startServer(o: StartOptions): Promise<RunningServer> {
  const { config } = o;
  const clock = o.clock ?? systemClock;
  const logger = o.logger ?? createLogger(config.logLevel);
  const seed = o.seed ?? (config.seedPath ? loadSeedFile(config.seedPath) : defaultSeed);
  const openedStore = await openStore(config);
  const poolSize = keyPoolSizeFor(config);
  const keyPool = poolSize > 0 ? new KeyPool({ keyType: config.keyType, size: poolSize }) : undefined;
  const federationEndpoints = new FederationEndpoints({ store: openedStore, host: config.federationHost, clock, logger, keyPool });
  const store = reconcilingAfterFederationChanges(openedStore, () => federationEndpoints.reconcile());
  const allocatePort = () => allocateFreePort(config.federationHost);
  const federationDelayMs = o.federationDelayMs ?? (() => config.federationDelayMs);
  await applySeedFleets(seed, { store, now: clock.now(), allocatePort, keyType: config.keyType, federationDelayMs: federationDelayMs() });
  const domain = createDomain({
    store,
    clock,
    fleetQuota: config.fleetQuota,
    region: config.region,
    enableDelayMs: federationDelayMs,
    allocatePort,
    endpointUrl: (port) => `https://${hostForUrl(config.federationHost)}:${port}`,
    keyType: config.keyType,
    keyPool,
  });
  const credentials = new CredentialRegistry(seed.tokens, seed.accessKeys);
  const app = createApp({ domain, store, credentials, clock, logger, bodyLimitBytes: config.bodyLimitBytes, ...(o.faultHook ? { faultHook: o.faultHook } : {}) });
  const server = await listen(app, config);
  const port = (server.address() as AddressInfo).port;
  await federationEndpoints.start();
  return {
    url: `http://${hostForUrl(config.host)}:${port}`,
    port,
    config,
    seed,
    store,
    domain,
    federationEndpoints,
    close: async () => {
      await federationEndpoints.close();
      await closeServer(server);
      keyPool?.close();
      await store.close();
    },
  };
}

function listen(app: ReturnType<typeof createApp>, config: ServerConfig): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(config.port, config.host);
    // Slow clients may not hold a connection forever: bounded header, request and idle times.
    server.headersTimeout = 10_000;
    server.requestTimeout = 30_000;
    server.keepAliveTimeout = 5_000;
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
