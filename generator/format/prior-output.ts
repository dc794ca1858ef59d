import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { sha256 } from '../hash.ts';
import { headerPrefix } from '../emit/header.ts';

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
 * machine that has none (a fresh clone, a job after `npm ci` emptied node_modules/.cache). The
 * folder's manifest (`manifest`, its text) names, per file, the key its text was formatted under
 * and where that text starts. A file is taken only while its bytes are the ones the manifest's
 * `files` hash names (an edited, missing or unreadable file is a miss, and prettier formats the
 * text), and only when what comes before the text is exactly the header that render wrote (its spec
 * name and sha256 from the manifest, `banner` from the config now): a wrong start is a miss, never
 * a file cut in the wrong place. Files are read when first asked, synchronously, as the format
 * cache is (format-cache.ts).
 *
 * The caller decides whether the manifest may be trusted at all (inputs/last-render.ts: made by
 * the running toolkit; never in `check`, whose render is the proof that the folder is what the
 * inputs make).
 */
export function priorOutput(outDir: string, manifest: string, banner: readonly string[]): (key: string) => string | undefined {
  const byKey = new Map<string, { path: string; start: number; sha256: string }>();
  let header: (path: string) => string = () => '';
  try {
    const parsed = JSON.parse(manifest) as { files?: Record<string, unknown>; formats?: unknown; spec?: { path?: unknown; sha256?: unknown } };
    const { path: specName, sha256: specSha256 } = parsed.spec ?? {};
    if (typeof specName === 'string' && typeof specSha256 === 'string') header = (path) => headerPrefix(path, { specName, specSha256, banner });
    for (const [path, { key, start }] of parseFormatRecords(parsed.formats) ?? []) {
      const hash = parsed.files?.[path];
      if (typeof hash === 'string' && Object.hasOwn(parsed.files!, path)) byKey.set(key, { path, start, sha256: hash });
    }
  } catch {
    // Not a manifest: nothing to take.
  }
  return (key) => {
    const entry = byKey.get(key);
    if (!entry) return undefined;
    try {
      const content = readFileSync(join(outDir, entry.path), 'utf8');
      if (sha256(content) !== entry.sha256 || entry.start >= content.length) return undefined;
      // Without a header the key covered the whole text; with one, the text after exactly that header.
      return entry.start === 0 || content.slice(0, entry.start) === header(entry.path) ? content.slice(entry.start) : undefined;
    } catch {
      return undefined;
    }
  };
}

/** A package-relative path that stays in the folder: not absolute, no `..` segment. */
function inside(path: string): boolean {
  return path !== '' && !isAbsolute(path) && !path.split(/[\\/]/).includes('..');
}
