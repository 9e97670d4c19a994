/**
 * Merging a kubeconfig into a file on disk: read, refuse what does not parse, merge (pure), and
 * write atomically under the file's lock; or, for a dry run, only say what would change.
 */
import type { Kubeconfig } from '@ucs-fleet/client';
import { lstat, mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'yaml';
import { LocalFileError } from '../errors.js';
import { octalMode, readableByOthers } from '../file-mode.js';
import { writeFileAtomic } from './atomic-write.js';
import { unifiedDiff } from './diff.js';
import { withFileLock } from './file-lock.js';
import { KubeconfigParseError, mergeKubeconfig, parseKubeconfigText, type Change, type MergeOptions } from './merge.js';
import { redactSecrets } from './redact.js';

export interface ExistingFile {
  /** The file really written (symbolic links followed). */
  path: string;
  text: string;
  exists: boolean;
  mode?: number;
}

export interface UpdateOptions extends MergeOptions {
  dryRun?: boolean;
  lockTimeoutMs?: number;
  lockStaleMs?: number;
  /** Warnings and notes for stderr (never secrets). */
  notice: (line: string) => void;
}

export interface UpdateResult {
  path: string;
  changes: Change[];
  /** For a dry run: the diff of the file with secrets redacted, or undefined if nothing changes. */
  diff?: string;
}

/** Reads the file if there is one; a file that cannot be read or parsed is a LocalFileError. */
export async function readKubeconfigFile(path: string): Promise<ExistingFile> {
  const real = await realpath(path).catch(() => path);
  let text: string;
  try {
    const info = await stat(real);
    if (!info.isFile()) throw new LocalFileError(`${path} is not a regular file; refusing to touch it`);
    text = await readFile(real, 'utf8');
    parseOrRefuse(text, path);
    return { path: real, text, exists: true, mode: info.mode };
  } catch (err) {
    if (err instanceof LocalFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path: real, text: '', exists: false };
    throw new LocalFileError(`cannot read ${path} (${code ?? (err as Error).message})`);
  }
}

/** Merges `incoming` into the kubeconfig at `path` (or says what it would do, for a dry run). */
export async function mergeIntoFile(path: string, incoming: Kubeconfig, options: UpdateOptions): Promise<UpdateResult> {
  if (options.dryRun) {
    const existing = await readKubeconfigFile(path);
    if (existing.exists && existing.mode !== undefined && readableByOthers({ mode: existing.mode })) {
      options.notice(`warning: ${path} is readable by group/others (mode ${octalMode({ mode: existing.mode })}); a merge would write it with mode 0600`);
    }
    const merged = mergeKubeconfig(existing.text, incoming, options);
    const diff = unifiedDiff(redactedYaml(merged.before), redactedYaml(merged.after), { before: `${path} (now)`, after: `${path} (after merge)` });
    return { path: existing.path, changes: merged.changes, ...(diff ? { diff } : {}) };
  }
  const target = await realpath(path).catch(() => path);
  await ensureDirectory(dirname(target));
  return withFileLock(
    target,
    async () => {
      // Read again under the lock: another merge may have written the file since.
      const existing = await readKubeconfigFile(target);
      if (existing.exists && existing.mode !== undefined && readableByOthers({ mode: existing.mode })) {
        options.notice(`warning: ${path} was readable by group/others (mode ${octalMode({ mode: existing.mode })}); it is now written with mode 0600`);
      }
      const merged = mergeKubeconfig(existing.text, incoming, options);
      await writeFileAtomic(target, merged.text, 0o600);
      return { path: target, changes: merged.changes };
    },
    {
      ...(options.lockTimeoutMs !== undefined ? { timeoutMs: options.lockTimeoutMs } : {}),
      ...(options.lockStaleMs !== undefined ? { staleMs: options.lockStaleMs } : {}),
      onStaleLock: (message) => options.notice(`warning: ${message}`),
    },
  );
}

/** The data as YAML with secrets replaced by fingerprints: what a diff may show. */
function redactedYaml(data: unknown): string {
  const isEmpty = data === null || (typeof data === 'object' && Object.keys(data as object).length === 0);
  return isEmpty ? '' : stringify(redactSecrets(data), { indentSeq: false, lineWidth: 0 });
}

function parseOrRefuse(text: string, path: string): void {
  try {
    parseKubeconfigText(text);
  } catch (err) {
    if (!(err instanceof KubeconfigParseError)) throw err;
    throw new LocalFileError(`${path} is not a valid kubeconfig: ${err.message}`, [
      'the file was not changed; fix it or choose another file with --kubeconfig',
    ]);
  }
}

async function ensureDirectory(dir: string): Promise<void> {
  const info = await lstat(dir).catch(() => undefined);
  if (info) return;
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new LocalFileError(`cannot create the folder ${dir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}
