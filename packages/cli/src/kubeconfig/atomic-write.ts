/**
 * Replaces a file atomically: the new content goes to a temporary file in the same folder
 * (same file system, so rename is atomic), created with the final mode, flushed to disk with
 * fsync, then renamed over the target; the folder is fsynced so the rename survives a crash.
 * A reader sees the old file or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LocalFileError } from '../errors.js';

export async function writeFileAtomic(path: string, content: string, mode = 0o600): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.chmod(mode); // the umask may have taken bits off; the mode is exact either way
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    throw new LocalFileError(`cannot write ${path} (${code ?? (err as Error).message}); the file is unchanged`);
  }
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems cannot fsync a directory; the rename itself has been made.
  }
}
