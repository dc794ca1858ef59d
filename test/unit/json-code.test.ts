/**
 * JSON as prettier lays it out (json-code.ts), for the text `JSON.stringify(value, null, 2)` gives:
 * every layout predicted is checked against prettier, in a fence of a markdown text as the format
 * stage sends it; a layout not predicted is `undefined`.
 */
import { describe, expect, it } from 'vitest';
import { printedJson } from '../../generator/format/json-code.ts';
import { format } from '../helpers/rewrites.ts';

/** prettier's output for `code` in a `json` fence, the fence's code alone. */
const printed = async (code: string): Promise<string> => {
  const output = await format(`\`\`\`json\n${code}\n\`\`\`\n`);
  return output.slice('```json\n'.length, -'\n```\n'.length);
};

const stringified = (value: unknown) => JSON.stringify(value, null, 2);

describe('JSON laid out as prettier lays it out', () => {
  it.each([
    { name: 'objects stay broken, arrays of values join a line', value: { a: { b: [1, 2], c: ['x', null, true] }, d: [], e: {}, f: [{}, []] } },
    { name: 'an array of objects with keys breaks', value: [{ a: 1 }] },
    { name: 'two arrays of two items break, the items join', value: [[1, 2], ['a', 'b']] },
    { name: 'an array of values that does not fit breaks, one item a line', value: { list: Array.from({ length: 12 }, (_, i) => `item-${i}`) } },
    { name: 'a nested array that fits inside one that does not', value: [Array.from({ length: 9 }, () => 'x'.repeat(7)), 'y'.repeat(60)] },
    { name: 'a short array with wide characters', value: { k: ['\u4e2d\u6587', '\u{1F600}'] } },
    { name: 'a value alone', value: 'a string' },
    { name: 'an array that must break inside another (it breaks each array around it)', value: { a: [[[1, 2], [3, 4]]], b: [[[1, 2], [3, 4]], 5] } },
    { name: 'strings and numbers that do not fit: one item a line', value: { mixed: Array.from({ length: 30 }, (_, i) => (i % 2 ? i : `s${i}`)) } },
    { name: 'text that is not ASCII and does not fit by its ASCII alone', value: { k: [`\u00e9${'x'.repeat(80)}`] } },
    { name: 'lines of 80 and 81 columns, a comma after or not', value: { a: ['x'.repeat(68)], b: ['x'.repeat(69)], c: [['x'.repeat(62)], ['x'.repeat(63)]], d: ['x'.repeat(69)] } },
    { name: 'items of a broken array at the width, the last without its comma', value: [['x'.repeat(72)], ['x'.repeat(73)], ['y'.repeat(73)]] },
  ])('$name', async ({ value }) => {
    const code = stringified(value);
    expect(printedJson(code)?.join('\n')).toBe(await printed(code));
  });

  it.each([
    { name: 'not as JSON.stringify prints it', code: '{"a": 1}' },
    { name: 'not JSON', code: '{ a: 1 }' },
    { name: 'an exponent with a plus', code: stringified({ a: [1e21] }) },
    { name: 'numbers filling lines', code: stringified(Array.from({ length: 40 }, (_, i) => i)) },
    { name: 'wide characters near the width', code: stringified({ k: ['\u4e2d'.repeat(38)] }) },
    { name: 'a key that is not ASCII (its width sets the value\'s column)', code: stringified({ ['\u4e2d'.repeat(10)]: ['x'.repeat(60)] }) },
    { name: 'nested too deep to walk', code: `${'['.repeat(20_000)}${']'.repeat(20_000)}` },
  ])('not predicted: $name', ({ code }) => {
    expect(printedJson(code)).toBeUndefined();
  });

  it('generated values: each layout predicted is prettier\'s, and most are predicted', async () => {
    let seed = 5;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const numbers = [0, -1, 7, 0.1, -2.5e-8, 123456789.125, 2 ** 53, 1e21, 12];
    const strings = ['', 'a', 'a b c', 'x'.repeat(10), 'x'.repeat(30), 'y'.repeat(60), 'q"\\/', 'tab\tnl\n', 'caf\u00e9', '\u4e2d\u6587\u5b57', '\u{1F600}', 'e\u0301'];
    const keys = ['key', 'a', 'longer_key_name_here', 'x'.repeat(40)];
    const value = (depth: number): unknown => {
      const kind = next(depth > 3 ? 4 : 9);
      if (kind === 0) return numbers[next(numbers.length)];
      if (kind === 1) return strings[next(strings.length)];
      if (kind === 2) return [true, false, null][next(3)];
      if (kind === 3) return next(2) ? {} : [];
      if (kind === 4) return Array.from({ length: next(4) }, () => ({ k: value(depth + 1) }));
      if (kind === 5 || kind === 6) return Array.from({ length: 1 + next(6) }, () => value(depth + 1));
      if (kind === 7) {
        const items = [numbers, strings, [[]]][next(3)]!;
        return Array.from({ length: 1 + next(8) }, () => items[next(items.length)]);
      }
      return Object.fromEntries(Array.from({ length: 1 + next(4) }, (_, i) => [`${keys[next(keys.length)]}${i}`, value(depth + 1)]));
    };
    const codes = Array.from({ length: 600 }, () => stringified(value(0)));
    const predicted = codes.filter((code) => printedJson(code) !== undefined);
    expect(predicted.length).toBeGreaterThan(450);
    expect(predicted.length).toBeLessThan(600);
    // One markdown text of fences, as the docs pages send them: prettier formats each fence alike.
    const output = await format(predicted.map((code) => `\`\`\`json\n${code}\n\`\`\`\n`).join('\n'));
    expect(output).toBe(predicted.map((code) => `\`\`\`json\n${printedJson(code)!.join('\n')}\n\`\`\`\n`).join('\n'));
  });
});
