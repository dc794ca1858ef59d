import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { sha256, sha256Joined } from '../hash.ts';
import { headerPrefix } from '../emit/header.ts';

/**
 * A formatted file's record, the manifest's `formats` entry `"<start>:<binding>"`: where prettier's
 * output starts in the file (after the do-not-edit header; 0: no header was left out) and the
 * sha256 of the format key of the text prettier was given (format-cache.ts), that start and the
 * sha256 of the whole file, joined by NULs. The binding holds the key and the file's bytes, so the
 * output within them, together: a record is good for one text's output only, whatever else in the
 * manifest or the folder changed since. It is bound to the file's sha256, which the manifest holds
 * anyway, rather than to the output itself: the output is not hashed a second time (Stripe's
 * `--all` hashed 10.7 MB more on the main thread, 65-75 ms, most of it copying the joined chunks
 * of large files into one string).
 */
export interface FormatRecord {
  readonly start: number;
  readonly binding: string;
}

/** The record of prettier's output for the text of `key`, starting at `start` in the file of sha256 `file`. */
export function formatRecord(key: string, file: string, start: number): FormatRecord {
  return { start, binding: sha256Joined(key, String(start), file) };
}

/** Looks a text up by its key, for the file at `path`; `bodyOnly`: the text is the file's after its header. */
export type PriorOutput = (key: string, path: string, bodyOnly: boolean) => string | undefined;

const RECORD = /^(\d{1,9}):([0-9a-f]{64})$/;

export function formatRecordText(record: FormatRecord): string {
  return `${record.start}:${record.binding}`;
}

/** The manifest's `formats` member as records by path; `undefined` when it is not one (absent, or any entry malformed). */
export function parseFormatRecords(formats: unknown): Map<string, FormatRecord> | undefined {
  if (formats === null || typeof formats !== 'object' || Array.isArray(formats)) return undefined;
  const records = new Map<string, FormatRecord>();
  for (const [path, text] of Object.entries(formats)) {
    const match = typeof text === 'string' ? RECORD.exec(text) : null;
    if (!match || !inside(path)) return undefined;
    records.set(path, { start: Number(match[1]), binding: match[2]! });
  }
  return records;
}

/**
 * prettier's output from the last render, read from the output folder: the format cache of a
 * machine that has none (a fresh clone, a job after `npm ci` emptied node_modules/.cache). A text
 * is looked up in its own file's record only (`manifest` is the folder's manifest text), and taken
 * only when the file's bytes are the ones the manifest's `files` hash names, what precedes the
 * output is exactly the header that render wrote (its spec name and sha256 from the manifest,
 * `banner` from the config now), and the record's binding is the one of this text's key, that
 * start and those bytes (`formatRecord`). Anything else is a miss (prettier formats the text), never a file cut in the wrong place
 * or another file's text. Files are read when first asked, synchronously, as the format cache is
 * (format-cache.ts).
 *
 * The caller decides whether the manifest may be trusted at all (inputs/last-render.ts: made by
 * the running toolkit; never in `check`, whose render is the proof that the folder is what the
 * inputs make).
 */
export function priorOutput(outDir: string, manifest: string, banner: readonly string[]): PriorOutput {
  const byPath = new Map<string, FormatRecord & { sha256: string }>();
  let header: (path: string) => string = () => '';
  try {
    const parsed = JSON.parse(manifest) as { files?: Record<string, unknown>; formats?: unknown; spec?: { path?: unknown; sha256?: unknown } };
    const { path: specName, sha256: specSha256 } = parsed.spec ?? {};
    if (typeof specName === 'string' && typeof specSha256 === 'string') header = (path) => headerPrefix(path, { specName, specSha256, banner });
    for (const [path, record] of parseFormatRecords(parsed.formats) ?? []) {
      const hash = parsed.files?.[path];
      if (typeof hash === 'string' && Object.hasOwn(parsed.files!, path)) byPath.set(path, { ...record, sha256: hash });
    }
  } catch {
    // Not a manifest: nothing to take.
  }
  return (key, path, bodyOnly) => {
    const record = byPath.get(path);
    // The file's own record, for a text cut the same way (after a header, or whole).
    if (!record || record.start > 0 !== bodyOnly) return undefined;
    try {
      const content = readFileSync(join(outDir, path), 'utf8');
      if (sha256(content) !== record.sha256 || record.start >= content.length) return undefined;
      // With a header left out, what precedes the text is exactly the header that render wrote.
      if (bodyOnly && content.slice(0, record.start) !== header(path)) return undefined;
      return formatRecord(key, record.sha256, record.start).binding === record.binding ? content.slice(record.start) : undefined;
    } catch {
      return undefined;
    }
  };
}

/** A package-relative path that stays in the folder: not absolute, no `..` segment. */
function inside(path: string): boolean {
  return path !== '' && !isAbsolute(path) && !path.split(/[\\/]/).includes('..');
}
