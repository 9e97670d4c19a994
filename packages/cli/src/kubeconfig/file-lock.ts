/**
 * An exclusive lock next to a file: `<file>.lock`, created with O_CREAT|O_EXCL (the same lock
 * file kubectl uses for its own kubeconfig writes). Waiting is retried with growing, jittered
 * delays. A lock left behind by a crashed process is broken when it is older than `staleMs`, or
 * at once when it names a process of this host that no longer runs.
 */
import { hostname } from 'node:os';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { LocalFileError } from '../errors.js';

export interface LockOptions {
  /** How long to wait for another holder before giving up (default 10 s). */
  timeoutMs?: number;
  /** A lock older than this is taken to be left by a crashed process (default 30 s). */
  staleMs?: number;
  /** Told when a stale lock is broken. */
  onStaleLock?: (message: string) => void;
}

export interface HeldLock {
  path: string;
  release(): Promise<void>;
}

interface LockOwner {
  pid?: number;
  host?: string;
  acquiredAt?: string;
}

/** Runs `fn` while holding `<file>.lock`. */
export async function withFileLock<T>(file: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = await acquireLock(file, options);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}

export async function acquireLock(file: string, options: LockOptions = {}): Promise<HeldLock> {
  const lockPath = `${file}.lock`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const held = await tryCreate(lockPath);
    if (held) return held;
    const stale = await staleReason(lockPath, staleMs);
    if (stale && (await breakStaleLock(lockPath, stale.ino))) {
      options.onStaleLock?.(`removed a stale lock ${lockPath} (${stale.reason})`);
      continue;
    }
    if (Date.now() >= deadline) {
      const owner = await readOwner(lockPath);
      throw new LocalFileError(`${file} is locked by another process${describeOwner(owner)}; gave up after ${timeoutMs / 1000}s`, [
        `lock file: ${lockPath}`,
        'if no ucs or kubectl command is still running, remove the lock file and try again',
      ]);
    }
    // 10 ms, 20 ms, 40 ms ... up to 250 ms, each with up to 50% jitter so waiters do not move in step.
    const base = Math.min(250, 10 * 2 ** attempt);
    await sleep(Math.min(base * (0.5 + Math.random() / 2), Math.max(1, deadline - Date.now())));
  }
}

async function tryCreate(lockPath: string): Promise<HeldLock | undefined> {
  let handle;
  try {
    handle = await open(lockPath, 'wx', 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return undefined;
    throw new LocalFileError(`cannot create the lock file ${lockPath} (${code ?? (err as Error).message})`);
  }
  let ino: number;
  try {
    const owner: LockOwner = { pid: process.pid, host: hostname(), acquiredAt: new Date().toISOString() };
    await handle.writeFile(`${JSON.stringify(owner)}\n`);
    ino = (await handle.stat()).ino;
  } finally {
    await handle.close();
  }
  return {
    path: lockPath,
    release: async () => {
      // Only remove the lock if it is still ours: had it been broken as stale, another process may hold a new one.
      const now = await stat(lockPath).catch(() => undefined);
      if (now?.ino === ino) await unlink(lockPath).catch(() => undefined);
    },
  };
}

async function staleReason(lockPath: string, staleMs: number): Promise<{ reason: string; ino: number } | undefined> {
  const info = await stat(lockPath).catch(() => undefined);
  if (!info) return undefined;
  const age = Date.now() - info.mtimeMs;
  if (age > staleMs) return { reason: `${Math.round(age / 1000)}s old`, ino: info.ino };
  const owner = await readOwner(lockPath);
  if (owner?.pid && owner.host === hostname() && !processRuns(owner.pid)) {
    return { reason: `its process ${owner.pid} is gone`, ino: info.ino };
  }
  return undefined;
}

/**
 * Moves the stale lock aside under a unique name (rename is atomic, so only one waiter gets it),
 * then checks it moved the very file it judged stale; if a new lock had been made in between,
 * it is put back.
 */
async function breakStaleLock(lockPath: string, staleIno: number): Promise<boolean> {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return false;
  }
  const moved = await stat(aside).catch(() => undefined);
  if (moved && moved.ino !== staleIno) {
    await link(aside, lockPath).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    return false;
  }
  await unlink(aside).catch(() => undefined);
  return true;
}

async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(lockPath, 'utf8')) as unknown;
    return typeof owner === 'object' && owner !== null ? (owner as LockOwner) : undefined;
  } catch {
    // Empty (kubectl's lock, or one being written) or unreadable: nothing to say about its owner.
    return undefined;
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describeOwner(owner: LockOwner | undefined): string {
  if (!owner?.pid) return '';
  return ` (pid ${owner.pid}${owner.host ? ` on ${owner.host}` : ''}${owner.acquiredAt ? ` since ${owner.acquiredAt}` : ''})`;
}
