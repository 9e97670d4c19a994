import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, defaultSeed, startServer, type RunningServer, type Seed, type ServerConfig } from '@ucs-fleet/server';
import type { OffsetClock } from '@ucs-fleet/server';

export const readyFleetId = defaultSeed.fleets[0]!.id;
export const token = 'dev-token';
export const otherAccountToken = 'other-account-token';

/** The server under test, in process, on an ephemeral port and an in-memory store. */
export async function startTestServer(o: { config?: Partial<ServerConfig>; seed?: Seed; clock?: OffsetClock } = {}): Promise<RunningServer> {
  return startServer({
    config: { ...defaultConfig, port: 0, federationPort: 0, dataDir: ':memory:', federationDelayMs: 0, logLevel: 'silent', keyPoolSize: 4, ...o.config },
    ...(o.seed ? { seed: o.seed } : {}),
    ...(o.clock ? { clock: o.clock } : {}),
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `ucs-${prefix}-`));
}
