import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The folders `generate` stages new contents in while its render still runs (`startStaging`), next
 * to the journal: one a run, named with its process id, so that two runs in one project (two
 * configs, two outputs) never share one, and a command's recovery removes only the folders of
 * processes that are gone (`removeStaleStaging`).
 */
export const STAGING_PREFIX = '.openapi-morph-staging-';

/** A file staged early: where its content is, and the content (the commit takes it only for the same content). */
export interface StagedFile {
  readonly stage: string;
  readonly content: string;
}

/**
 * Stages a render's files as prettier's output for each comes in, while the main thread would only
 * wait for the format workers: creating a file is the costly part of a write on these machines
 * (about 0.25 ms each on ext4, against 0.05 ms to overwrite one and 0.015 ms to link one), so
 * GitHub's `--all` (748 files) spent 0.2-0.35 s after its render creating them. The commit links
 * each staged file beside its target as that target's staged copy (commitWrites' `staged`), where
 * the journal has always had it, and writes the rest (the manifest, a changed text, a folder on
 * another mount, where no link can go).
 */
export interface EarlyStaging {
  /** A file's final text, by its path in the package; staged unless the output folder held it already. */
  stage(path: string, content: string): void;
  /** The files staged so far, by absolute target path. */
  staged(): ReadonlyMap<string, StagedFile>;
  /** Removes the staging folder and stages nothing more (the render failed, or the commit is done). Never throws: recovery removes what it cannot. */
  discard(): void;
}

/**
 * `current`: the output folder's files, read while the render runs (a file with the same text as
 * the render's is not staged; a hint only: the commit compares with the folder as it is then).
 */
export function startStaging(journalDir: string, outDir: string, current: Promise<ReadonlyMap<string, string>>): EarlyStaging {
  const staged = new Map<string, StagedFile>();
  let folder: string | undefined;
  let count = 0;
  let tree: ReadonlyMap<string, string> | undefined;
  let waiting: [string, string][] | undefined = [];
  // Discarded, or a write failed (a full disk): the commit writes what is left and reports a failure itself.
  let stopped = false;
  const write = (path: string, content: string) => {
    if (stopped || tree!.get(path) === content) return;
    try {
      folder ??= mkdtempSync(join(journalDir, `${STAGING_PREFIX}${process.pid}-`));
      const stage = join(folder, String(count++));
      writeFileSync(stage, content);
      staged.set(join(outDir, path), { stage, content });
    } catch {
      stopped = true;
    }
  };
  current.then(
    (files) => {
      tree = files;
      const told = waiting ?? [];
      waiting = undefined;
      for (const [path, content] of told) write(path, content);
    },
    () => {
      stopped = true;
      waiting = undefined;
    },
  );
  return {
    stage: (path, content) => {
      if (waiting) waiting.push([path, content]);
      else write(path, content);
    },
    staged: () => staged,
    discard: () => {
      stopped = true;
      waiting = undefined;
      if (folder) removeQuietly(folder);
    },
  };
}

/**
 * Removes the staging folders of runs that ended without removing theirs (killed), of any process
 * but a live one: this one's own are its runs' to remove, another's may be a render in progress.
 */
export function removeStaleStaging(journalDir: string): void {
  let names: string[];
  try {
    names = readdirSync(journalDir).filter((name) => name.startsWith(STAGING_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name.slice(STAGING_PREFIX.length))?.[1]);
    if (pid !== process.pid && !alive(pid)) removeQuietly(join(journalDir, name));
  }
}

function alive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    // EPERM: the process exists, another user's.
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Left for the next command's recovery.
  }
}
