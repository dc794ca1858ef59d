import type { SpecSource } from './source.ts';

/**
 * Whether the text holds a reference-like string (`#/...` after a quote, a colon or a space: a
 * `$ref` or a discriminator mapping value) other than `#/components/<type>/<name>`.
 */
export function mayHaveMisplacedRefs(source: SpecSource): boolean {
  const bytes = source.bytes?.();
  return bytes ? bytesMayHaveMisplacedRefs(bytes) : MISPLACED_REF.test(source.text);
}

/** A `#/` after a quote, a colon or white space that is not `#/components/<type>/<name>` followed by a quote, white space, `,` or `}`. */
export const MISPLACED_REF = /['":\s]#\/(?!components\/[\w.-]+\/[^/'"\s]+['"\s,}])/;

/**
 * `MISPLACED_REF` on a file's bytes, without decoding them (lazy-json.ts), at each `#/`. A byte
 * before it that is not ASCII (maybe a character of white space) counts as a match; a name with
 * bytes that are not ASCII is decoded up to where the pattern's decision falls and tested with the
 * pattern itself.
 */
export function bytesMayHaveMisplacedRefs(bytes: Buffer): boolean {
  for (let at = bytes.indexOf('#/', 1); at !== -1; at = bytes.indexOf('#/', at + 2)) {
    const before = bytes[at - 1]!;
    if (before >= 0x80) return true;
    if (!REF_START.has(before)) continue;
    const component = componentRef(bytes, at);
    if (component === false || (component !== true && ANCHORED_MISPLACED_REF.test(bytes.toString('utf8', at - 1, component)))) return true;
  }
  return false;
}

const ANCHORED_MISPLACED_REF = new RegExp(`^${MISPLACED_REF.source}`);
/** `\s`'s ASCII characters. */
const ASCII_SPACE = new Set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]);
/** What `MISPLACED_REF` wants before `#/`: `'`, `"`, `:` or white space. */
const REF_START = new Set([0x27, 0x22, 0x3a, ...ASCII_SPACE]);
const COMPONENTS = Buffer.from('#/components/');

/**
 * Whether the `#/` at `at` starts `#/components/<group>/<name>` followed by a quote, white space,
 * `,` or `}` (`MISPLACED_REF`'s lookahead), read from ASCII bytes; when a name holds a byte that
 * is not ASCII, the index the text must be decoded to for the pattern to decide: just after the
 * first `/`, quote or ASCII white space from the name's start (the name cannot go past it, and
 * the character after a shorter name is within it), so each `#/` reads only up to the next one's `/`.
 */
function componentRef(bytes: Buffer, at: number): boolean | number {
  if (at + COMPONENTS.length > bytes.length || bytes.compare(COMPONENTS, 0, COMPONENTS.length, at, at + COMPONENTS.length) !== 0) return false;
  let i = at + COMPONENTS.length;
  const groupStart = i;
  while (i < bytes.length && isGroupByte(bytes[i]!)) i++;
  // A group of `[\w.-]` then `/`, or no component reference (a byte that is not ASCII cannot be either).
  if (i === groupStart || bytes[i] !== 0x2f) return false;
  // The name, `[^/'"\s]+`: the lookahead holds when the run is followed by a quote or white space,
  // or when a shorter run is followed by `,` or `}` (which the run itself may hold, after its first character).
  const nameStart = ++i;
  let shorter = false;
  let ascii = true;
  for (; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x80) ascii = false;
    else if (byte === 0x2f || byte === 0x27 || byte === 0x22 || ASCII_SPACE.has(byte)) break;
    else if (i > nameStart && (byte === 0x2c || byte === 0x7d)) shorter = true;
  }
  if (!ascii) return Math.min(i + 1, bytes.length);
  if (i === nameStart) return false;
  const end = bytes[i];
  return shorter || (end !== undefined && end !== 0x2f);
}

/** `[\w.-]`: an ASCII letter or digit, `_`, `.` or `-`. */
function isGroupByte(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f || byte === 0x2e || byte === 0x2d;
}

