import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** How often a run waiting for the lock looks again. */
const POLL_MS = 20;
/**
 * A lock older than this is left over whoever holds it: the write phase it guards takes about a
 * second for GitHub's `--all` (1,300 files), and a process id can be reused by an unrelated process.
 */
const STALE_MS = 5 * 60_000;

/**
 * Runs `write` holding the project's write lock (`path`, created exclusively, holding the process
 * id), so that two runs in one project (two specs generated side by side, `npm-run-all -p`) take
 * turns at the transaction journal: before, each recovered the other's journal as if it had been
 * interrupted, and rolled back its staged files (OM601, "ENOENT ... rename"). A lock whose process
 * is gone, or that is older than STALE_MS, is taken over. Only the writes wait: rendering runs side
 * by side.
 */
export async function withWriteLock<T>(path: string, write: () => T): Promise<T> {
  for (;;) {
    const fd = tryCreate(path);
    if (fd !== undefined) {
      try {
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return write();
      } finally {
        rmSync(path, { force: true });
      }
    }
    if (isStale(path)) rmSync(path, { force: true });
    else await sleep(POLL_MS);
  }
}

function tryCreate(path: string): number | undefined {
  try {
    return openSync(path, 'wx');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw cause;
  }
}

/** Whether the lock's process has ended (or never wrote its id), or the lock is older than STALE_MS; false once it is gone. */
function isStale(path: string): boolean {
  let holder: number;
  let since: number;
  try {
    holder = Number(readFileSync(path, 'utf8'));
    since = statSync(path).mtimeMs;
  } catch {
    return false;
  }
  if (Date.now() - since > STALE_MS) return true;
  // Between its creation and its id being written, a lock is empty: give its process that moment.
  if (!Number.isInteger(holder) || holder <= 0) return Date.now() - since > 1_000;
  try {
    process.kill(holder, 0);
    return false;
  } catch (cause) {
    // EPERM: the process exists, under another user.
    return (cause as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
