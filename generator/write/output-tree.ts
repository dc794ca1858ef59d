import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { globRegExp, matchesGlobs } from '../glob.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import { sha256 } from '../hash.ts';
import { compareStrings } from '../json.ts';
import type { PlannedWrite } from './transaction.ts';

export const MANIFEST_NAME = 'openapi-morph.manifest.json';

/**
 * The files currently in an output folder, except the preserved ones (`output.preserve` globs:
 * build output, installs, a team's own files) and a transaction's temporary files.
 */
export async function readOutputTree(outDir: string, preserve: readonly string[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  if (!existsSync(outDir)) return files;
  const preserved = preserve.map(globRegExp);
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => compareStrings(a.name, b.name));
    for (const entry of entries) {
      const rel = prefix + entry.name;
      if (matchesGlobs(rel, preserved)) continue;
      if (/\.om-(new|old)$/.test(entry.name)) continue;
      // A link could take a write outside the output folder, and one to a folder read as a file failed (EISDIR, a review).
      if (entry.isSymbolicLink()) fail('OM605', `${basename(outDir)}/${rel} is a symbolic link: openapi-morph writes real files only, never through a link. Replace it, or keep it with a glob in output.preserve`, { file: `${basename(outDir)}/${rel}` });
      if (entry.isDirectory()) await walk(join(dir, entry.name), `${rel}/`);
      else if (entry.isFile()) files.set(rel, await readFile(join(dir, entry.name), 'utf8'));
    }
  };
  await walk(outDir, '');
  return files;
}

/**
 * Files in the output folder that openapi-morph did not make: not listed in the folder's manifest
 * (nor the manifest itself). Generating would delete or overwrite them, so it refuses instead; a
 * file with exactly the content it would write is no loss and not reported. Undefined when the
 * folder has no manifest (the whole folder is foreign: OM104).
 */
export function unownedFiles(current: ReadonlyMap<string, string>, next: ReadonlyMap<string, string>): string[] | undefined {
  const recorded = recordedFiles(current);
  if (recorded === undefined) return undefined;
  return [...current.keys()].filter((path) => path !== MANIFEST_NAME && !Object.hasOwn(recorded, path) && current.get(path) !== next.get(path));
}

/**
 * Of `paths` (stale files), those whose content is not what openapi-morph last wrote: their sha256
 * differs from the one the folder's manifest records for them. `check` tells them apart from files
 * a changed input made stale, since generate overwrites a hand edit too.
 */
export function editedFiles(current: ReadonlyMap<string, string>, paths: readonly string[]): string[] {
  const recorded = recordedFiles(current) ?? {};
  return paths.filter((path) => Object.hasOwn(recorded, path) && recorded[path] !== sha256(current.get(path) ?? ''));
}

/** The files the folder's manifest lists, with their sha256; none when it cannot be read, undefined without a manifest. */
function recordedFiles(current: ReadonlyMap<string, string>): Record<string, unknown> | undefined {
  const manifest = current.get(MANIFEST_NAME);
  if (manifest === undefined) return undefined;
  try {
    const files = (JSON.parse(manifest) as { files?: unknown }).files;
    return files !== null && typeof files === 'object' ? (files as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export interface TreeDifference {
  /** In both, with different content. */
  readonly stale: readonly string[];
  /** Would be generated, not on disk. */
  readonly missing: readonly string[];
  /** On disk, would not be generated. */
  readonly extra: readonly string[];
}

export function compareTrees(current: ReadonlyMap<string, string>, next: ReadonlyMap<string, string>): TreeDifference {
  const stale: string[] = [];
  const missing: string[] = [];
  for (const [path, content] of next) {
    const existing = current.get(path);
    if (existing === undefined) missing.push(path);
    else if (existing !== content) stale.push(path);
  }
  const extra = [...current.keys()].filter((path) => !next.has(path));
  return { stale, missing, extra };
}

export function planWrites(outDir: string, difference: TreeDifference, next: ReadonlyMap<string, string>): PlannedWrite[] {
  return [
    ...[...difference.stale, ...difference.missing].sort(compareStrings).map((path) => ({ path: join(outDir, path), content: next.get(path)! })),
    ...difference.extra.map((path) => ({ path: join(outDir, path), content: null })),
  ];
}
