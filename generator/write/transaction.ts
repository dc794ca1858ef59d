import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { error, MorphError } from '../diagnostics/diagnostic.ts';

/** One file to write (`content`) or delete (`content: null`), by absolute path. */
export interface PlannedWrite {
  readonly path: string;
  readonly content: string | null;
}

interface JournalEntry {
  readonly path: string;
  /** The new content, staged next to the target (same folder, so the rename is atomic). */
  readonly stage: string | null;
  /** Where the original is parked until the transaction commits. */
  readonly backup: string;
}

interface Journal {
  readonly version: 1;
  readonly phase: 'staging' | 'applying' | 'committed';
  readonly entries: readonly JournalEntry[];
}

export const JOURNAL_NAME = '.openapi-morph-journal.json';

/**
 * Writes a set of files all or nothing. The journal is written first; new contents are staged
 * next to their targets; then each original is parked and each staged file renamed into place;
 * then the journal is marked committed and the parked originals are removed. A process killed at
 * any point leaves a journal that `recoverWrites` (run at the start of every command) uses to
 * restore the exact previous state, or to finish a commit that had already happened.
 */
export async function commitWrites(journalDir: string, writes: readonly PlannedWrite[]): Promise<void> {
  await recoverWrites(journalDir);
  if (writes.length === 0) return;
  const journalPath = join(journalDir, JOURNAL_NAME);
  const entries: JournalEntry[] = writes.map((w) => ({
    path: w.path,
    stage: w.content === null ? null : sibling(w.path, 'om-new'),
    backup: sibling(w.path, 'om-old'),
  }));
  await saveJournal(journalPath, { version: 1, phase: 'staging', entries });
  try {
    // Files are staged, moved and cleaned up concurrently (each entry's own steps in order): the
    // journal, not the order of entries, is what makes the set all or nothing.
    const folders = [...new Set(writes.filter((w) => w.content !== null).map((w) => dirname(w.path)))];
    await settled(folders.map((folder) => mkdir(folder, { recursive: true })));
    await settled(writes.map((write, index) => (write.content === null ? undefined : writeFile(entries[index]!.stage!, write.content))));
    await saveJournal(journalPath, { version: 1, phase: 'applying', entries });
    await settled(entries.map(apply));
  } catch (cause) {
    // A failure (disk full, permissions) undoes everything at once; a kill is undone by the next run.
    await recoverWrites(journalDir);
    throw new MorphError([error('OM601', `writing ${writes.length} files failed and was rolled back: ${(cause as Error).message}`, {}, cause)]);
  }
  await saveJournal(journalPath, { version: 1, phase: 'committed', entries });
  await cleanUp(journalPath, entries);
}

async function apply(entry: JournalEntry): Promise<void> {
  if (existsSync(entry.path)) await rename(entry.path, entry.backup);
  if (entry.stage !== null) await rename(entry.stage, entry.path);
}

/**
 * Waits for every operation, then throws the first failure: a rollback must not start while
 * other writes of the batch are still in flight.
 */
async function settled(operations: readonly (Promise<unknown> | undefined)[]): Promise<void> {
  const failed = (await Promise.allSettled(operations)).find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Finishes or undoes an interrupted `commitWrites`. Returns what it did. Before commit, every
 * parked original goes back and every file that did not exist before is removed.
 */
export async function recoverWrites(journalDir: string): Promise<'none' | 'rolled-back' | 'completed'> {
  const journalPath = join(journalDir, JOURNAL_NAME);
  let journal: Journal;
  try {
    journal = JSON.parse(await readFile(journalPath, 'utf8')) as Journal;
  } catch {
    if (existsSync(journalPath)) await rm(journalPath, { force: true });
    return 'none';
  }
  if (journal.phase === 'committed') {
    await cleanUp(journalPath, journal.entries);
    return 'completed';
  }
  for (const entry of journal.entries) {
    if (existsSync(entry.backup)) {
      await removeQuietly(entry.path);
      await rename(entry.backup, entry.path);
    } else if (entry.stage !== null && !existsSync(entry.stage) && journal.phase === 'applying') {
      // The staged file was moved into place and there was no original: it is new, remove it.
      await removeQuietly(entry.path);
      await removeEmptyParents(entry.path, journalDir);
    }
    if (entry.stage !== null) await removeQuietly(entry.stage);
  }
  await rm(journalPath, { force: true });
  return 'rolled-back';
}

async function cleanUp(journalPath: string, entries: readonly JournalEntry[]): Promise<void> {
  await settled(entries.map(async (entry) => {
    await removeQuietly(entry.backup);
    if (entry.stage !== null) await removeQuietly(entry.stage);
  }));
  // Folders emptied by deletions, once every file is gone (one by one: they may share parents).
  for (const entry of entries) if (entry.stage === null) await removeEmptyParents(entry.path, dirname(journalPath));
  await rm(journalPath, { force: true });
}

async function saveJournal(path: string, journal: Journal): Promise<void> {
  const temp = `${path}.tmp`;
  await writeFile(temp, JSON.stringify(journal));
  await rename(temp, path);
}

/** Removes a file or folder; a path that does not exist (or runs through a file) is already gone. */
async function removeQuietly(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOTDIR') throw cause;
  }
}

function sibling(path: string, suffix: string): string {
  return join(dirname(path), `.${basename(path)}.${suffix}`);
}

/** Removes folders left empty by deletions, up to (not including) `stop`. */
async function removeEmptyParents(path: string, stop: string): Promise<void> {
  let dir = dirname(path);
  while (dir.startsWith(stop) && dir !== stop && dir.length > stop.length) {
    try {
      await rmdir(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}
