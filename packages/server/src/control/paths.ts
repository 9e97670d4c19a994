import { controlOperationTable, controlPathPrefix } from '@ucs-fleet/types';

export { controlPathPrefix };

/** True for the paths the control API answers when it is on: its own, and any other under its prefix (a 404 of its own). */
export function isControlPath(path: string): boolean {
  return path.startsWith(controlPathPrefix);
}

/** The control API's docs page, for the banner. */
export const controlDocsPath = controlOperationTable.ShowControlApiDocs.path;
