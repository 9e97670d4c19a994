import type { Kubeconfig } from '@ucs-fleet/types';
import { stringify } from 'yaml';

/**
 * A kubeconfig as YAML the way kubectl writes one: keys sorted, list items not indented under
 * their key, long base64 values on one line, and an empty `preferences`.
 */
export function kubeconfigToYaml(kubeconfig: Kubeconfig | Record<string, unknown>): string {
  const withPreferences = { preferences: {}, ...kubeconfig };
  return stringify(withPreferences, { sortMapEntries: true, indentSeq: false, lineWidth: 0 });
}
