/** Line terminators besides \n: CR, CRLF, NEL, LS, PS. */
export const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;

/**
 * What may never appear raw in an output file: every code point of Unicode category Cc (controls,
 * tab and newline aside) or Cf (format: bidirectional controls, zero-width characters, the BOM,
 * soft hyphen, tag characters), and lone surrogates (category Cs: a `u` pattern reads a surrogate
 * pair as the one code point it encodes, so only a lone surrogate is Cs). Each sink escapes them its
 * own way: code as `\uXXXX` escapes (string-literal.ts), prose as a visible `<U+XXXX>`. One
 * character class: three times as fast as spelling lone surrogates out with lookarounds, which took
 * 0.1-0.3 s of GitHub's `--all` on its 3.5 MB `schema.ts`.
 */
const UNSAFE_CODE_POINTS = unsafeCodePointsAnd('');

/**
 * Text of tabs, newlines and printable ASCII only: none of the characters above, of LINE_BREAKS or of
 * any class `unsafeCodePointsAnd` makes with characters beyond ASCII. Most of a spec's strings are
 * such text, and this test is several times as fast as a search with the Unicode classes (`u`),
 * which the escapes ran on every string literal and text they were given.
 */
export const PLAIN_ASCII = /^[\t\n\x20-\x7e]*$/;

/** UNSAFE_CODE_POINTS with the characters of `extra` (a character class's contents) added. */
export function unsafeCodePointsAnd(extra: string): RegExp {
  return new RegExp(String.raw`(?![\t\n])[\p{Cc}\p{Cf}\p{Cs}${extra}]`, 'gu');
}

/** Makes prose safe to show anywhere: one kind of line break, every unsafe code point visible. */
export function visibleText(text: string): string {
  return PLAIN_ASCII.test(text) ? text : text.replace(LINE_BREAKS, '\n').replace(UNSAFE_CODE_POINTS, codePoint);
}

function codePoint(char: string): string {
  return `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
}
