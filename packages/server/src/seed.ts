import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AccessKeyGrant, TokenGrant } from './domain/credentials.js';
import { isValidFleetName } from './domain/fleet-rules.js';
import { checkSeedClusters, seedCluster, type SeedCluster } from './seed-clusters.js';
import { list, object, SeedError, text } from './seed-values.js';

export type { SeedCluster } from './seed-clusters.js';
export { SeedError } from './seed-values.js';

export interface SeedFleet {
  id: string;
  name: string;
  domainId: string;
  description?: string;
  federation?: 'enabled' | 'enabling' | 'disabled';
  connection?: boolean;
}

/** A seed fleet whose kubeconfig can be downloaded at once: federation enabled and connected. */
export type ReadySeedFleet = SeedFleet & { federation: 'enabled'; connection: true };

/** The seed's first ready fleet (of the account, when one is named). */
export function firstReadyFleet(seed: Seed, domainId?: string): ReadySeedFleet | undefined {
  const isReady = (f: SeedFleet): f is ReadySeedFleet =>
    f.federation === 'enabled' && f.connection === true && (domainId === undefined || f.domainId === domainId);
  return seed.fleets.find(isReady);
}

/** Credentials, fleets and registered clusters to preload: YAML or JSON. */
export interface Seed {
  tokens: TokenGrant[];
  accessKeys: AccessKeyGrant[];
  fleets: SeedFleet[];
  /** Registered clusters, each in no fleet or in a seed fleet of its account. */
  clusters?: SeedCluster[];
}

export const defaultSeed: Seed = {
  tokens: [
    { token: 'dev-token', domainId: 'd1', userName: 'alice', groups: ['system:masters'] },
    { token: 'other-account-token', domainId: 'd2', userName: 'bob', groups: ['developers'] },
  ],
  accessKeys: [
    { accessKey: 'DEVAKEXAMPLE00000001', secretKey: 'dev-secret-key-change-me', domainId: 'd1', userName: 'alice', groups: ['system:masters'] },
  ],
  fleets: [
    { id: '0f3c2d8e-5b7a-4c1e-9d2f-6a8b7c9d0e1f', name: 'demo', domainId: 'd1', federation: 'enabled', connection: true },
  ],
};

export function loadSeedFile(path: string): Seed {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SeedError(`cannot read seed file ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let data: unknown;
  try {
    data = parseJsonOrYaml(text);
  } catch (err) {
    throw new SeedError(`seed file ${path} is neither YAML nor JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  return parseSeed(data, path);
}

/** Checks a seed's shape and says which entry is wrong. */
export function parseSeed(data: unknown, source = 'seed'): Seed {
  const root = object(data, source);
  const seed: Seed = {
    tokens: list(root.tokens, `${source}: tokens`).map((t, i) => tokenGrant(t, `${source}: tokens[${i}]`)),
    accessKeys: list(root.accessKeys, `${source}: accessKeys`).map((k, i) => accessKeyGrant(k, `${source}: accessKeys[${i}]`)),
    fleets: list(root.fleets, `${source}: fleets`).map((f, i) => seedFleet(f, `${source}: fleets[${i}]`)),
  };
  const clusters = list(root.clusters, `${source}: clusters`).map((c, i) => seedCluster(c, `${source}: clusters[${i}]`, seed.fleets));
  checkSeedClusters(clusters, source);
  if (clusters.length > 0) seed.clusters = clusters;
  return seed;
}

function tokenGrant(v: unknown, at: string): TokenGrant {
  const o = object(v, at);
  return { token: text(o.token, `${at}.token`), ...identity(o, at) };
}

function accessKeyGrant(v: unknown, at: string): AccessKeyGrant {
  const o = object(v, at);
  return { accessKey: text(o.accessKey, `${at}.accessKey`), secretKey: text(o.secretKey, `${at}.secretKey`), ...identity(o, at) };
}

function identity(o: Record<string, unknown>, at: string): { domainId: string; userName: string; groups: string[] } {
  return {
    domainId: text(o.domainId, `${at}.domainId`),
    userName: text(o.userName, `${at}.userName`),
    groups: list(o.groups, `${at}.groups`).map((g, i) => text(g, `${at}.groups[${i}]`)),
  };
}

function seedFleet(v: unknown, at: string): SeedFleet {
  const o = object(v, at);
  const name = text(o.name, `${at}.name`);
  if (!isValidFleetName(name)) throw new SeedError(`${at}.name "${name}" breaks the fleet naming rule`);
  const federation = o.federation ?? 'disabled';
  if (federation !== 'enabled' && federation !== 'enabling' && federation !== 'disabled') {
    throw new SeedError(`${at}.federation must be enabled, enabling or disabled`);
  }
  if (o.connection === true && federation !== 'enabled') throw new SeedError(`${at}.connection needs federation: enabled`);
  const fleet: SeedFleet = { id: text(o.id, `${at}.id`), name, domainId: text(o.domainId, `${at}.domainId`), federation, connection: o.connection === true };
  if (o.description !== undefined) fleet.description = text(o.description, `${at}.description`);
  return fleet;
}

/**
 * JSON (which is YAML too) through JSON.parse: the YAML parser's document tree of a seed of
 * 5,000 fleets took ~40 MB of RSS that the process kept. The YAML parser is loaded on first use:
 * only a YAML seed file needs it (the spec comes as JSON).
 */
function parseJsonOrYaml(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);
  }
}
