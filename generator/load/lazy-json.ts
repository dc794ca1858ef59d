import type { JsonObject } from '../json.ts';
import { isBranch, lazyObject } from './lazy-tree.ts';

/**
 * A large JSON document's tree, parsed entry by entry as it is read, from the file's bytes: the
 * JSON counterpart of lazy-yaml.ts, with the same branches (lazy-tree.ts `isBranch`). GitHub's
 * 13 MB document decoded whole is a 26 MB string (a few non-ASCII characters make it two-byte)
 * and a tree of every node: about 0.2 s and 0.1 s of garbage collection before one operation of it
 * is selected. Here the bytes are scanned for the ranges of a branch's members, and an entry is
 * decoded and parsed (`JSON.parse`) only when it is read.
 *
 * The scan follows strings (with their escapes) and brackets only; `JSON.parse` checks every key
 * and every entry it is given. `undefined` when the text is not one object with nothing but white
 * space after it, or its members cannot be cut (a key twice, where `JSON.parse` keeps the last
 * value at the first key's place; anything malformed): the caller parses the whole text then,
 * with the same result and errors as before. A branch that cannot be cut, or is not an object, is
 * parsed whole. As for YAML, an error in an entry never read is not found.
 */
export function lazyJsonTree(bytes: Buffer, parse: ParseRange): JsonObject | undefined {
  const open = skipSpace(bytes, 0);
  const top = bytes[open] === OPEN_BRACE ? membersOf(bytes, open, []) : undefined;
  if (!top || skipSpace(bytes, top.end) !== bytes.length) return undefined;
  return jsonObject(top.entries, [], parse);
}

/** Parses the bytes [from, to) of one entry's value, the node at `path` of the whole document. */
export type ParseRange = (from: number, to: number, path: readonly string[]) => unknown;

/** A member of an object: its key, the byte range of its value, and its members when it is a branch that could be cut. */
interface Member {
  readonly key: string;
  readonly from: number;
  readonly to: number;
  readonly members?: readonly Member[];
}

function jsonObject(members: readonly Member[], at: readonly string[], parse: ParseRange): JsonObject {
  return lazyObject(members, at, (member, path) => (member.members ? jsonObject(member.members, path, parse) : parse(member.from, member.to, path)));
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * The members of the object whose `{` is at `open` (the node at `at`), and the index after its
 * `}`; undefined when they cannot be cut. The members of a branch are cut in the same pass, so
 * every byte is scanned once.
 */
function membersOf(bytes: Buffer, open: number, at: readonly string[]): { entries: Member[]; end: number } | undefined {
  const entries: Member[] = [];
  const keys = new Set<string>();
  let i = skipSpace(bytes, open + 1);
  if (bytes[i] === CLOSE_BRACE) return { entries, end: i + 1 };
  for (;;) {
    if (bytes[i] !== QUOTE) return undefined;
    const keyEnd = stringEnd(bytes, i);
    if (keyEnd < 0) return undefined;
    const key = parseKey(bytes, i, keyEnd);
    if (key === undefined || keys.has(key)) return undefined;
    keys.add(key);
    i = skipSpace(bytes, keyEnd);
    if (bytes[i] !== COLON) return undefined;
    const from = skipSpace(bytes, i + 1);
    // isBranch holds only above the fourth level: deeper members are not given a path at all.
    const path = at.length < 3 && bytes[from] === OPEN_BRACE ? [...at, key] : undefined;
    const branch = path && isBranch(path) ? membersOf(bytes, from, path) : undefined;
    const to = branch ? branch.end : valueEnd(bytes, from);
    if (to <= from) return undefined;
    entries.push(branch ? { key, from, to, members: branch.entries } : { key, from, to });
    i = skipSpace(bytes, to);
    if (bytes[i] === CLOSE_BRACE) return { entries, end: i + 1 };
    if (bytes[i] !== COMMA) return undefined;
    i = skipSpace(bytes, i + 1);
  }
}

/** A key's string: its bytes when it has no escape or control character, else as `JSON.parse` reads it; undefined if it does not parse. */
function parseKey(bytes: Buffer, from: number, to: number): string | undefined {
  let plain = true;
  for (let i = from + 1; i < to - 1 && plain; i++) plain = bytes[i]! !== BACKSLASH && bytes[i]! >= 0x20;
  if (plain) return bytes.toString('utf8', from + 1, to - 1);
  try {
    return JSON.parse(bytes.toString('utf8', from, to)) as string;
  } catch {
    return undefined;
  }
}

/** The index after the value that starts at `at`, or -1 (a string or bracket left open). A scalar ends where a delimiter or white space starts (at `at` for none). */
function valueEnd(bytes: Buffer, at: number): number {
  const first = bytes[at];
  if (first === QUOTE) return stringEnd(bytes, at);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let end = at;
    while (end < bytes.length && !isDelimiter(bytes[end]!)) end++;
    return end;
  }
  let depth = 0;
  for (let i = at; i < bytes.length; i++) {
    const kind = KINDS[bytes[i]!]!;
    if (kind === OTHER) continue;
    if (kind === STRING) {
      const end = stringEnd(bytes, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (kind === OPENS) depth++;
    else if (--depth === 0) return i + 1;
  }
  return -1;
}

/** What a byte is to the bracket scan: nothing (most), a quote, an opening or a closing bracket. */
const OTHER = 0;
const STRING = 1;
const OPENS = 2;
const CLOSES = 3;
const KINDS = new Uint8Array(256);
KINDS[QUOTE] = STRING;
KINDS[OPEN_BRACE] = KINDS[OPEN_BRACKET] = OPENS;
KINDS[CLOSE_BRACE] = KINDS[CLOSE_BRACKET] = CLOSES;

/**
 * The index after the closing quote of the string whose opening quote is at `at`, or -1. Short
 * strings (most keys and values) are read here byte by byte, an escape skipping the byte after its
 * backslash; past SHORT_STRING bytes the next quotes are found with `indexOf` and the backslashes
 * before each counted.
 */
function stringEnd(bytes: Buffer, at: number): number {
  const short = Math.min(at + SHORT_STRING, bytes.length);
  let i = at + 1;
  for (; i < short; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) return i + 1;
    if (byte === BACKSLASH) i++;
  }
  if (i >= bytes.length) return -1;
  // A quote is escaped when the backslashes right before it are odd in number (the run cannot
  // reach back past the opening quote).
  for (let quote = bytes.indexOf(QUOTE, i); quote !== -1; quote = bytes.indexOf(QUOTE, quote + 1)) {
    let backslashes = 0;
    while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return -1;
}

const SHORT_STRING = 64;

function skipSpace(bytes: Buffer, at: number): number {
  while (at < bytes.length && isSpace(bytes[at]!)) at++;
  return at;
}

/** JSON's white space: space, tab, line feed, carriage return. */
function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function isDelimiter(byte: number): boolean {
  return isSpace(byte) || byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET;
}
