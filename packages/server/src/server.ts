import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { createHttpServer } from './http/http-server.js';
import { keyPoolSizeFor, type ServerConfig } from './config.js';
import { systemClock, type Clock } from './domain/clock.js';
import { CredentialRegistry } from './domain/credentials.js';
import { createDomain, type Domain } from './domain/index.js';
import { KeyPool } from '@ucs-fleet/pki';
import { endpointCa, registeredMembers, openFederationEndpoint, type FederationEndpoint } from './federation-endpoint/index.js';
import { createLogger } from './logger.js';
import { controlEntrance, controlDocsPath, controlPathPrefix, newServerControls } from './control/index.js';
import { resetStore } from './control/reset.js';
import { defaultSeed, loadSeedFile, type Seed } from './seed.js';
import { applySeedFleets } from './seed-apply.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';

export interface StartOptions {
  config: ServerConfig;
  /** A seed given in code wins over config.seedPath and the default seed. */
  seed?: Seed;
  /** With config.control, an OffsetClock (the control API moves it); by default a new one. */
  clock?: Clock;
  logger?: Logger;
  /** Read at each enable, so a caller can change it while the server runs (with config.control, the control API sets it instead). */
  federationDelayMs?: () => number;
}

/** Where a run's control API answers, when it was started with config.control. */
export interface RunningControl {
  /** e.g. http://127.0.0.1:41234/__control/ */
  url: string;
  docsUrl: string;
  token: string;
}

export interface RunningServer {
  url: string;
  port: number;
  config: ServerConfig;
  seed: Seed;
  store: Store;
  domain: Domain;
  /** The one HTTPS endpoint of every fleet's federation API (its port, base URL and fleet URLs). */
  federationEndpoint: FederationEndpoint;
  control: RunningControl | undefined;
  close(): Promise<void>;
}

/** Opens the store, applies the seed, compiles the spec and listens. */
export async function startServer(o: StartOptions): Promise<RunningServer> {
  const { config } = o;
  const logger = o.logger ?? createLogger(config.logLevel);
  const seed = o.seed ?? (config.seedPath ? loadSeedFile(config.seedPath) : defaultSeed);
  const controls = config.control ? newServerControls(config, seed, o.clock) : undefined;
  const clock = controls?.clock ?? o.clock ?? systemClock;
  const store = await openStore(config);
  const poolSize = keyPoolSizeFor(config);
  const keyPool = poolSize > 0 ? new KeyPool({ keyType: config.keyType, size: poolSize }) : undefined;
  const federationDelayMs = controls ? () => controls.federationDelay.ms : (o.federationDelayMs ?? (() => config.federationDelayMs));
  const applySeed = () => applySeedFleets(seed, { store, now: clock.now(), keyType: config.keyType, federationDelayMs: federationDelayMs() });
  await applySeed();
  const federationEndpoint = await openFederationEndpoint({
    store,
    clock,
    logger,
    host: config.federationHost,
    port: config.federationPort,
    publicUrl: config.federationUrl,
    ca: await endpointCa(store, clock.now(), config.keyType),
    members: registeredMembers(store),
  });
  const domain = createDomain({
    store,
    clock,
    fleetQuota: config.fleetQuota,
    clusterQuota: config.clusterQuota,
    region: config.region,
    enableDelayMs: federationDelayMs,
    endpointUrl: (fleetId) => federationEndpoint.fleetUrl(fleetId),
    clusterEndpointUrl: (clusterId) => federationEndpoint.clusterUrl(clusterId),
    endpointCaData: federationEndpoint.caData,
    keyType: config.keyType,
    keyPool,
  });
  federationEndpoint.follow(domain.federationEvents);
  const credentials = new CredentialRegistry(seed.tokens, seed.accessKeys);
  const control =
    controls &&
    controlEntrance(controls, {
      store,
      logger,
      bodyLimitBytes: config.bodyLimitBytes,
      reset: (to) => resetStore(to, { store, domain, seed, applySeed, cutEndpointConnections: () => federationEndpoint.cutAll() }),
    });
  const app = createApp({ domain, store, credentials, clock, logger, bodyLimitBytes: config.bodyLimitBytes, ...(control ? { control } : {}) });
  const server = await listen(app, config, logger);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${hostForUrl(config.host)}:${port}`;
  return {
    url,
    port,
    control: controls && { url: `${url}${controlPathPrefix}`, docsUrl: `${url}${controlDocsPath}`, token: controls.token },
    config,
    seed,
    store,
    domain,
    federationEndpoint,
    close: async () => {
      await federationEndpoint.close();
      await closeServer(server);
      keyPool?.close();
      await store.close();
    },
  };
}

function listen(app: ReturnType<typeof createApp>, config: ServerConfig, logger: Logger): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createHttpServer(app, { maxConnections: config.maxConnections, logger });
    server.once('listening', () => resolve(server));
    server.once('error', reject);
    server.listen(config.port, config.host);
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
