import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { fail } from '../diagnostics/diagnostic.ts';
import { rememberedFor, rememberFor, settledIdentity } from '../file-identity.ts';
import { sha256 } from '../hash.ts';

/** The bytes of a spec and what we know about where they came from. */
export interface SpecSource {
  /** How diagnostics name the source: a project-relative path or a URL. */
  readonly name: string;
  readonly text: string;
  readonly sha256: string;
  readonly byteLength: number;
  /**
   * Lets go of `text` (a file's; GitHub's 13 MB document, with a few non-ASCII characters, is a
   * 26 MB string): reading `text` later reads the file again, and fails if its bytes are no longer
   * those hashed.
   */
  readonly release?: () => void;
  /**
   * A file's bytes, while its text has not been decoded (lazy-json.ts parses a large JSON document
   * from them); undefined otherwise.
   */
  readonly bytes?: () => Buffer | undefined;
}

export function sourceFromText(name: string, text: string): SpecSource {
  return { name, text, sha256: sha256(text), byteLength: Buffer.byteLength(text) };
}

/** Reads a spec file, refusing anything over `maxBytes` before reading it. */
export async function readSpecFile(path: string, name: string, maxBytes: number): Promise<SpecSource> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) fail('OM200', `${name} is not a file`, { file: name });
    size = info.size;
  } catch (cause) {
    if (cause instanceof Error && 'code' in cause && cause.code === 'ENOENT') {
      fail('OM200', `spec file not found: ${name}`, { file: name });
    }
    throw cause;
  }
  if (size > maxBytes) {
    fail('OM201', `${name} is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)} (limits.maxBytes)`, {
      file: name,
    });
  }
  const bytes = await readFile(path);
  return fileSource(path, name, sha256(bytes), bytes.byteLength, bytes);
}

/**
 * A spec file's source whose sha256 is known: the text is the bytes given, decoded when first read
 * (a no-op `check` needs only the hash: decoding GitHub's 13 MB, a two-byte string for its few
 * non-ASCII characters, cost it ~0.1 s), or the file read again, refused when its bytes are no
 * longer those hashed (after `release`, or with no bytes given).
 */
function fileSource(path: string, name: string, hash: string, byteLength: number, bytes?: Buffer): SpecSource {
  let undecoded = bytes;
  let kept: string | undefined;
  const reread = (): string => {
    const again = readFileSync(path);
    if (sha256(again) !== hash) fail('OM200', `${name} changed while openapi-morph was reading it`, { file: name });
    return again.toString('utf8');
  };
  return {
    name,
    get text(): string {
      if (undecoded !== undefined) {
        kept = undecoded.toString('utf8');
        undecoded = undefined;
      }
      return kept ?? reread();
    },
    sha256: hash,
    byteLength,
    release: () => {
      kept = undecoded = undefined;
    },
    bytes: () => undecoded,
  };
}

/**
 * `readSpecFile` for the no-op check, with the sha256 remembered in `record` (a JSON file in a
 * trusted cache folder) by the file's identity (file-identity.ts, taken before the read; recorded
 * only once the file is settled): an unchanged spec is then not read at all (GitHub's 13 MB: ~80 ms
 * of reading and hashing). Its text, if asked for, is read then and checked against the hash.
 */
export async function readSpecFileRemembered(path: string, name: string, maxBytes: number, record: string | undefined): Promise<SpecSource> {
  const identity = record === undefined ? undefined : settledIdentity(path);
  const known = identity === undefined ? undefined : rememberedFor(record!, identity, REMEMBERED)?.split(' ');
  if (known !== undefined && Number(known[1]) <= maxBytes) return fileSource(path, name, known[0]!, Number(known[1]));
  const source = await readSpecFile(path, name, maxBytes);
  if (identity !== undefined) rememberFor(record!, identity, `${source.sha256} ${source.byteLength}`);
  return source;
}

/** A remembered spec: its sha256 and its length in bytes. */
const REMEMBERED = /^[0-9a-f]{64} \d{1,15}$/;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
