/**
 * The escapes' fast path for tabs, newlines and printable ASCII (unsafe-text.ts `PLAIN_ASCII`) gives
 * what their Unicode searches give, for text with every kind of character they escape beside it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeInvisible } from '../../generator/escape/string-literal.ts';
import { PLAIN_ASCII, visibleText } from '../../generator/escape/unsafe-text.ts';

// The escapes as they were before the fast path: the searches alone.
const INVISIBLE = /(?![\t\n])[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu;
const UNSAFE = /(?![\t\n])[\p{Cc}\p{Cf}\p{Cs}]/gu;
const searchedInvisible = (source: string) => source.replace(INVISIBLE, (char) => [...Array(char.length).keys()].map((i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''));
const searchedVisible = (text: string) => text.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n').replace(UNSAFE, (char) => `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);

const text = fc.string({ unit: fc.constantFrom('a', ' ', '~', '\t', '\n', '\r', '\x00', '\x1f', '\x7f', '\x80', '\x85', '\xad', '\xe9', '\u200e', '\u2028', '\u2029', '\u202e', '\ufeff', '\ud800', '\udc00', '\u{1F408}', '\u{E0001}'), maxLength: 12 });

describe('PLAIN_ASCII', () => {
  it('takes tabs, newlines and printable ASCII only', () => {
    expect(PLAIN_ASCII.test('a\tb\n ~')).toBe(true);
    for (const char of ['\r', '\x00', '\x1f', '\x7f', '\x80', '\u00e9', '\u2028']) expect(PLAIN_ASCII.test(`a${char}b`)).toBe(false);
  });

  it('leaves escapeInvisible and visibleText giving what their searches give', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(escapeInvisible(value)).toBe(searchedInvisible(value));
        expect(visibleText(value)).toBe(searchedVisible(value));
      }),
      { numRuns: 5000 },
    );
  });
});
