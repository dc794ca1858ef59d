import { lstatSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long an entry may go unread and unwritten before a prune deletes it. */
export const UNUSED_MS = 30 * DAY_MS;
/** How often one cache folder is pruned at most: the age of its stamp. */
export const PRUNE_EVERY_MS = DAY_MS;
/** The stamp a prune leaves in the cache folder (its mtime). */
export const PRUNE_STAMP = 'pruned';
/**
 * The folders of entries that grow with use, named here for the modules that write them and for
 * the prune: V8 code caches (code-cache.ts: one per version of each large module), formatted output
 * by content hash (format-cache.ts: a few MB for each regenerate of a large spec), the selections
 * and spec hashes remembered for no-op runs (inputs/no-op.ts). A file in them, or one level down
 * (`format-2/ab/`), is an entry or an entry's temp file; nothing else in the cache folder is looked at.
 */
export const ENTRY_FOLDERS = { code: 'v8', format: 'format-2', selections: 'selections', specs: 'specs' } as const;

/**
 * Deletes the entries of a trusted cache folder (cache-dir.ts) that no run has read or written for
 * `UNUSED_MS`, at most once per `PRUNE_EVERY_MS`: without it the folder only grows (GitHub's
 * spec regenerated daily adds its changed pages and `schema.ts` every day). Last use is the later
 * of an entry's mtime (written) and atime (read: Linux's default `relatime` updates it at least
 * once a day; on a `noatime` mount an entry in use goes after 30 days and is made again once).
 * Only regular files are deleted, and no symlink is followed (an entry folder that is one
 * neither); a failure leaves the entry: a cache that cannot be pruned costs only disk. Returns how
 * many entries went.
 */
export function pruneCacheDir(dir: string, now = Date.now()): number {
  const stamp = join(dir, PRUNE_STAMP);
  try {
    if (statSync(stamp).mtimeMs > now - PRUNE_EVERY_MS) return 0;
  } catch {
    // Never pruned.
  }
  try {
    writeFileSync(stamp, '');
  } catch {
    return 0;
  }
  let deleted = 0;
  const sweep = (folder: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(folder, name);
      try {
        const info = lstatSync(path);
        if (info.isDirectory() && depth > 0) sweep(path, depth - 1);
        else if (info.isFile() && Math.max(info.atimeMs, info.mtimeMs) < now - UNUSED_MS) {
          unlinkSync(path);
          deleted++;
        }
      } catch {
        // Gone already, or not ours to delete.
      }
    }
  };
  for (const folder of Object.values(ENTRY_FOLDERS)) {
    const path = join(dir, folder);
    try {
      // A symlink here points somewhere that is not ours (readdir would follow it).
      if (lstatSync(path).isDirectory()) sweep(path, 1);
    } catch {
      // No entries yet.
    }
  }
  return deleted;
}

const atExit = new Set<string>();

/**
 * Prunes `dir` as the process exits, at most daily (`pruneCacheDir`); called by what reads or
 * writes entries there during a render. Its hook is registered before, so runs before, the code
 * cache's hook that writes the run's new entries: those are not at stake (just written), and an
 * old entry the run read is kept by its atime, written again by no one (on `noatime`: made again
 * by the next run). Not in a worker thread: its exit hooks do not run when it is terminated, and the main
 * thread prunes the same folders.
 */
export function pruneAtExit(dir: string): void {
  if (!isMainThread || atExit.has(dir)) return;
  if (atExit.size === 0) process.once('exit', () => atExit.forEach((folder) => pruneCacheDir(folder)));
  atExit.add(dir);
}
