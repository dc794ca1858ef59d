/**
 * Characters that change how code reads without being seen: C1 controls, bidirectional controls
 * (Trojan Source), zero-width characters, line/paragraph separators, the BOM.
 */
const INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/** Replaces invisible characters in JSON or JS source text with `\uXXXX` escapes (same value, visible). */
export function escapeInvisible(source: string): string {
  return source.replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A TypeScript/JavaScript string literal for any string: double-quoted JSON escaping, plus
 * escapes for every invisible or direction-changing character, so the literal reads as it runs.
 */
export function stringLiteral(value: string): string {
  return escapeInvisible(JSON.stringify(value));
}

/** JSON text for any JSON value (also valid as a JS expression), with invisible characters escaped. */
export function jsonText(value: unknown, indent?: number): string {
  return escapeInvisible(JSON.stringify(value, null, indent));
}
