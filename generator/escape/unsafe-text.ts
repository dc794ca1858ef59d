/** Line terminators besides \n: CR, CRLF, NEL, LS, PS. */
export const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;

/** Bidirectional controls ("Trojan Source"), zero-width joiners aside: shown as `<U+202E>`. */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Other C0/C1 controls except tab and newline. */
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/** Makes prose safe to show anywhere: one kind of line break, no bidi or control characters. */
export function visibleText(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(BIDI_CONTROLS, codePoint).replace(CONTROL_CHARS, codePoint);
}

function codePoint(char: string): string {
  return `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
}
