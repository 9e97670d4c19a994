import { firstReadyFleet, type Seed } from '../seed.js';

/** The account a stub hands to its test: credentials and the fleets to call with them. */
export interface StubAccount {
  domainId: string;
  token: string;
  accessKey: string;
  secretKey: string;
  /** The first fleet of the seed whose federation is enabled and connected: a kubeconfig can be downloaded at once. */
  fleetId: string;
  /** Every fleet the seed gives this account, in seed order. */
  fleetIds: string[];
}

export class StubSeedError extends Error {}

/** The account of the seed's first ready fleet, with the seed's first token and access key for it. */
export function stubAccount(seed: Seed): StubAccount {
  const ready = firstReadyFleet(seed);
  if (!ready) throw new StubSeedError('startStub: the seed needs a fleet with federation: enabled and connection: true');
  const { domainId } = ready;
  const token = seed.tokens.find((t) => t.domainId === domainId);
  const key = seed.accessKeys.find((k) => k.domainId === domainId);
  if (!token || !key) {
    throw new StubSeedError(`startStub: the seed needs a token and an access key of account ${domainId}, the account of fleet ${ready.id}`);
  }
  return {
    domainId,
    token: token.token,
    accessKey: key.accessKey,
    secretKey: key.secretKey,
    fleetId: ready.id,
    fleetIds: seed.fleets.filter((f) => f.domainId === domainId).map((f) => f.id),
  };
}
