import { randomUUID } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** How often a run waiting for the lock looks again. */
const POLL_MS = 20;
/**
 * A lock older than this is left over whoever holds it: the write phase it guards takes about a
 * second for GitHub's `--all` (1,300 files), and runs synchronously, so it cannot refresh the lock.
 */
const STALE_MS = 5 * 60_000;

/**
 * This process's mark in a lock it holds, after its id: a process of the same id is another one
 * (in a container every run may be pid 1, so a killed run's lock looked alive for 5 minutes; a review).
 */
const PROCESS_MARK = randomUUID();

/**
 * Runs `write` holding the project's write lock (`path`, created exclusively, holding the process
 * id and a mark of this process), so that two runs in one project (two specs generated side by
 * side, `npm-run-all -p`) take turns at the transaction journal: before, each recovered the
 * other's journal as if it had been interrupted, and rolled back its staged files (OM601, "ENOENT
 * ... rename"). A lock whose process is gone (another process's mark under this process's id
 * included), or that is older than STALE_MS, is taken over by renaming it aside, so that of two
 * waiters only one takes it; a run removes the lock only while it is still its own. Only the
 * writes wait: rendering runs side by side.
 */
export async function withWriteLock<T>(path: string, write: () => T): Promise<T> {
  const mine = `${process.pid} ${PROCESS_MARK} ${randomUUID()}`;
  for (;;) {
    const fd = tryCreate(path);
    if (fd !== undefined) {
      try {
        writeSync(fd, mine);
        closeSync(fd);
        return write();
      } finally {
        if (readLock(path) === mine) rmSync(path, { force: true });
      }
    }
    const held = readLock(path);
    if (held !== undefined && isStale(path, held)) takeOver(path, held);
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

function readLock(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Moves a stale lock aside and removes it, unless it changed since it was judged (another waiter took it over first). */
function takeOver(path: string, judged: string): void {
  const aside = `${path}.${randomUUID()}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  // Another waiter's fresh lock, moved by mistake in the moment between: put back, unless a newer one stands already.
  if (readLock(aside) !== judged) {
    try {
      linkSync(aside, path);
    } catch {
      // A third run's lock stands: the one moved aside is lost to its run, a race of three this leaves.
    }
  }
  rmSync(aside, { force: true });
}

/** Whether the lock's process has ended, or never wrote its mark, or the lock is older than STALE_MS. */
function isStale(path: string, held: string): boolean {
  let since: number;
  try {
    since = statSync(path).mtimeMs;
  } catch {
    return false;
  }
  if (Date.now() - since > STALE_MS) return true;
  const [id, mark] = held.split(' ');
  const holder = Number(id);
  // Between its creation and its mark being written, a lock is empty: give its process that moment.
  if (!Number.isInteger(holder) || holder <= 0 || mark === undefined) return Date.now() - since > 1_000;
  // This process's id under another mark: a process that ran before, under the same id.
  if (holder === process.pid) return mark !== PROCESS_MARK;
  try {
    process.kill(holder, 0);
    return false;
  } catch (cause) {
    // EPERM: the process exists, under another user.
    return (cause as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
