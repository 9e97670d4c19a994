export { run } from './run.js';
export type { Io, OutStream } from './io.js';
export { processIo } from './io.js';
export { ExitCode, exitCodeHelp } from './exit-codes.js';
export { resolveSettings, type Settings, type GlobalFlags } from './credentials.js';
export { mergeKubeconfig, parseKubeconfigText, renameContext, KubeconfigParseError, type Change, type MergeOptions, type MergeResult } from './kubeconfig/merge.js';
export { withFileLock, acquireLock } from './kubeconfig/file-lock.js';
export { writeFileAtomic } from './kubeconfig/atomic-write.js';
export { parseDuration, formatDuration } from './duration.js';
