import { PLAIN_ASCII, unsafeCodePointsAnd } from './unsafe-text.ts';

/**
 * Characters that change how code reads without being seen: every control and format character
 * and lone surrogate (unsafe-text.ts), plus line/paragraph separators, which end a line in some
 * readers. The bidirectional controls among them are the Trojan Source characters.
 */
const INVISIBLE = unsafeCodePointsAnd(String.raw`\u2028\u2029`);

/**
 * Replaces invisible characters in JSON or JS source text with `\uXXXX` escapes (same value in a
 * literal, visible text in a comment). Astral ones as their surrogate pair, which JSON reads too.
 */
export function escapeInvisible(source: string): string {
  if (PLAIN_ASCII.test(source)) return source;
  return source.replace(INVISIBLE, (char) => [...Array(char.length).keys()].map((i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''));
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
