import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { sha256 } from '../hash.ts';

/**
 * Where a file's formatted text starts and the format key it was formatted under: the manifest's
 * `formats` entry of a file, `"<start>:<key>"` (format-cache.ts keys; `start`: the length of the
 * do-not-edit header before prettier's output).
 */
export interface FormatRecord {
  readonly key: string;
  readonly start: number;
}

const RECORD = /^(\d{1,9}):([0-9a-f]{64})$/;

export function formatRecordText(record: FormatRecord): string {
  return `${record.start}:${record.key}`;
}

/** The manifest's `formats` member as records by path; `undefined` when it is not one (absent, or any entry malformed). */
export function parseFormatRecords(formats: unknown): Map<string, FormatRecord> | undefined {
  if (formats === null || typeof formats !== 'object' || Array.isArray(formats)) return undefined;
  const records = new Map<string, FormatRecord>();
  for (const [path, text] of Object.entries(formats)) {
    const match = typeof text === 'string' ? RECORD.exec(text) : null;
    if (!match || !inside(path)) return undefined;
    records.set(path, { start: Number(match[1]), key: match[2]! });
  }
  return records;
}

/**
 * prettier's output from the last render, read from the output folder: the format cache of a
 * machine that has none (a fresh clone, CI after `npm ci` emptied node_modules/.cache). The folder's
 * manifest names, per file, the key its text was formatted under and where that text starts; a file
 * is taken only while its bytes are the ones the manifest's `files` hash names (so an edited,
 * missing or unreadable file is a miss, and prettier formats the text). Read when first asked, and
 * synchronously, as the format cache is (format-cache.ts).
 *
 * What a hit rests on: the manifest is the toolkit's own record, as for the no-op check, which takes
 * its `inputs` fingerprint on trust too. An entry edited by hand names a key no text has (a miss);
 * only a key computed on purpose for another text could make a render take a file's bytes for it,
 * and whoever can write the manifest can write the files themselves.
 */
export function priorOutput(outDir: string, manifestName: string): (key: string) => string | undefined {
  let byKey: Map<string, { path: string; start: number; sha256: string }> | undefined;
  const load = () => {
    const found = new Map<string, { path: string; start: number; sha256: string }>();
    try {
      const manifest = JSON.parse(readFileSync(join(outDir, manifestName), 'utf8')) as { files?: Record<string, unknown>; formats?: unknown };
      const records = parseFormatRecords(manifest.formats) ?? new Map<string, FormatRecord>();
      for (const [path, { key, start }] of records) {
        const hash = manifest.files?.[path];
        if (typeof hash === 'string') found.set(key, { path, start, sha256: hash });
      }
    } catch {
      // No manifest, or not one: nothing to take.
    }
    return found;
  };
  return (key) => {
    const entry = (byKey ??= load()).get(key);
    if (!entry) return undefined;
    try {
      const content = readFileSync(join(outDir, entry.path), 'utf8');
      return sha256(content) === entry.sha256 && entry.start < content.length ? content.slice(entry.start) : undefined;
    } catch {
      return undefined;
    }
  };
}

/** A package-relative path that stays in the folder: not absolute, no `..` segment. */
function inside(path: string): boolean {
  return path !== '' && !isAbsolute(path) && !path.split(/[\\/]/).includes('..');
}
