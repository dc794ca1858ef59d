/** Line terminators besides \n: CR, CRLF, NEL, LS, PS. */
export const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;

/**
 * What may never appear raw in an output file: every code point of Unicode category Cc (controls,
 * tab and newline aside) or Cf (format: bidirectional controls, zero-width characters, the BOM,
 * soft hyphen, tag characters), and lone surrogates. Each sink escapes them its own way: code as
 * `\uXXXX` escapes (string-literal.ts), prose as a visible `<U+XXXX>`.
 */
export const UNSAFE_CODE_POINTS = /(?![\t\n])[\p{Cc}\p{Cf}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** Makes prose safe to show anywhere: one kind of line break, every unsafe code point visible. */
export function visibleText(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(UNSAFE_CODE_POINTS, codePoint);
}

function codePoint(char: string): string {
  return `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
}
