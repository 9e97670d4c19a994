import { delimiter, join, resolve } from 'node:path';

/**
 * The kubeconfig file to merge into, as kubectl picks the file it writes new entries to:
 * --kubeconfig, else the first path of $KUBECONFIG, else ~/.kube/config. Relative paths are
 * relative to `cwd`, the folder the user ran ucs from.
 */
export function kubeconfigTarget(flag: string | undefined, env: Record<string, string | undefined>, home: string, cwd: string): { path: string; source: string } {
  if (flag) return { path: resolve(cwd, flag), source: '--kubeconfig' };
  const first = (env.KUBECONFIG ?? '').split(delimiter).find((p) => p !== '');
  if (first) return { path: resolve(cwd, first), source: 'KUBECONFIG' };
  return { path: join(home, '.kube', 'config'), source: 'default' };
}
