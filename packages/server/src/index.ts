export { startServer, type RunningServer, type RunningControl, type StartOptions } from './server.js';
export { createControlClient, ControlApiError, type ControlClient, type ControlClientOptions } from './control/client.js';
export { loadConfig, defaultConfig, type ServerConfig } from './config.js';
export { defaultSeed, parseSeed, loadSeedFile, type Seed, type SeedFleet, type SeedCluster } from './seed.js';
export { OffsetClock, systemClock, type Clock } from './domain/clock.js';
export type { Store } from './store/store.js';
export type { HandlerTable, Handler, HandlerInput } from './routes/index.js';
export { startStub, StubSeedError, type Stub, type StubOptions, type StubAccount, type StubFault, type FaultStatus, type FaultCode, type FaultableOperationId } from './stub.js';
