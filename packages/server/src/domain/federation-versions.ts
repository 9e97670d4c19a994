import type { components } from '@ucs-fleet/types';

type Schemas = components['schemas'];

/**
 * The reference server's federation versions, oldest first, each with the versions an upgrade
 * may take it to. The UCS documents show the shape of this map (ListServerConfigs) but not its
 * values; a fleet starts at `initialFederationVersion` when federation is enabled.
 */
const upgradeMap: Readonly<Record<string, readonly string[]>> = {
  'v1.10.7': ['v1.11.3', 'v1.12.1'],
  'v1.11.3': ['v1.12.1'],
  'v1.12.1': [],
};

export const initialFederationVersion = 'v1.10.7';

/** The versions a federation at `version` may be upgraded to (none for an unknown version). */
export function upgradeTargets(version: string): readonly string[] {
  return upgradeMap[version] ?? [];
}

/** What ListServerConfigs answers: the same for every account and every call. */
export function serverConfigsView(): Schemas['ServerConfigs'] {
  return {
    onpremises: { versionsInfo: [] },
    federations: {
      versionsInfo: Object.entries(upgradeMap).map(([current, targets]) => ({
        currentVersion: { FederationVersion: current },
        targetVersions: targets.map((t) => ({ FederationVersion: t })),
      })),
    },
  };
}
