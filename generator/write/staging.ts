import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder `generate` stages new contents in while its render still runs (`startStaging`), next
 * to the journal. Every command's recovery removes it wholesale (`recoverWrites`), so a run killed
 * before its commit leaves nothing behind once the next command has run.
 */
export const STAGING_NAME = '.openapi-morph-staging';

/** A file staged early: where its content is, and the content (the commit takes it only for the same content). */
export interface StagedFile {
  readonly stage: string;
  readonly content: string;
}

/**
 * Stages a render's files as prettier's output for each comes in, while the main thread would only
 * wait for the format workers: creating a file is the costly part of a write on these machines
 * (about 0.25 ms each on ext4, against 0.05 ms to overwrite one), so GitHub's `--all` (748 files)
 * spent 0.2-0.35 s after its render creating them. The commit then renames these into place
 * (commitWrites' `staged`) and stages only what is left (the manifest, a changed text).
 */
export interface EarlyStaging {
  /** A file's final text, by its path in the package; staged unless the output folder holds it already. */
  stage(path: string, content: string): void;
  /** The files staged so far, by absolute target path. */
  staged(): ReadonlyMap<string, StagedFile>;
  /** Removes the staging folder (the commit has taken what it uses). */
  discard(): void;
}

/**
 * `current`: the output folder's files (read while the render runs; a file the same as the render's
 * is not staged). Undefined when the folder would not be on the journal's file system, where a
 * rename into place could not be atomic: the commit stages everything itself then.
 */
export function startStaging(journalDir: string, outDir: string, current: Promise<ReadonlyMap<string, string>>): EarlyStaging | undefined {
  if (!sameFileSystem(journalDir, outDir)) return undefined;
  const folder = join(journalDir, STAGING_NAME);
  const staged = new Map<string, StagedFile>();
  let tree: ReadonlyMap<string, string> | undefined;
  let waiting: [string, string][] | undefined = [];
  // A failed write (a full disk) stops early staging; the commit writes the rest and reports a failure itself.
  let failed = false;
  const write = (path: string, content: string) => {
    if (failed || tree!.get(path) === content) return;
    try {
      if (staged.size === 0) mkdirSync(folder, { recursive: true });
      const stage = join(folder, `${staged.size}.om-new`);
      writeFileSync(stage, content);
      staged.set(join(outDir, path), { stage, content });
    } catch {
      failed = true;
    }
  };
  current.then(
    (files) => {
      tree = files;
      for (const [path, content] of waiting!) write(path, content);
      waiting = undefined;
    },
    () => {
      failed = true;
      waiting = undefined;
    },
  );
  return {
    stage: (path, content) => (waiting ? waiting.push([path, content]) : write(path, content)),
    staged: () => staged,
    discard: () => removeStaging(journalDir),
  };
}

export function removeStaging(journalDir: string): void {
  rmSync(join(journalDir, STAGING_NAME), { recursive: true, force: true });
}

/** Whether `path` (or, when it does not exist yet, its nearest existing parent) is on `base`'s file system. */
export function sameFileSystem(base: string, path: string): boolean {
  try {
    const device = statSync(base).dev;
    for (let at = path; ; at = dirname(at)) {
      const stat = statSync(at, { throwIfNoEntry: false });
      if (stat) return stat.dev === device;
      if (dirname(at) === at) return false;
    }
  } catch {
    return false;
  }
}
