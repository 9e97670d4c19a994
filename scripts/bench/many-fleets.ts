// The "5,000 federated fleets" target of npm run bench: our server on a data directory whose
// store already holds the default seed plus 4,999 more federated, connected fleets (in another
// account), loaded at the same bench fleet as every other target. The directory is seeded by one
// unmeasured start (creating each fleet and its CA takes ~20 s), so that the measured starts are
// restarts with every fleet stored, as `npm run bench:fleets` measures them.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultSeed } from '@ucs-fleet/server';
import { freshDataDir } from './targets.js';

export const MANY_FLEETS = 5000;

let prepared: { dataDir: string; seedFile: string } | undefined;

/** The data directory and seed file of the target, made once per bench run. */
export function manyFleetsStore(): { dataDir: string; seedFile: string } {
  if (prepared) return prepared;
  const dataDir = freshDataDir();
  const seedFile = join(dirname(dataDir), 'seed.json');
  const extra = Array.from({ length: MANY_FLEETS - defaultSeed.fleets.length }, (_, i) => ({
    id: randomUUID(),
    name: `scale-${i}`,
    domainId: 'scale',
    federation: 'enabled' as const,
    connection: true,
  }));
  writeFileSync(seedFile, JSON.stringify({ ...defaultSeed, fleets: [...defaultSeed.fleets, ...extra] }));
  prepared = { dataDir, seedFile };
  return prepared;
}
