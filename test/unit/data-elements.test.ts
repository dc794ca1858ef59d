/**
 * The validation data's elements laid out as prettier lays them out (data-elements.ts): the result
 * is prettier's own output for the whole text, and prettier gets the elements it is not sure of
 * alone. What it does not read, or an output not as expected, sends the text as it is.
 */
import { describe, expect, it } from 'vitest';
import { formatWithDataElements, withoutDataElements, withDataElements } from '../../generator/format/data-elements.ts';
import { rewrittenTypeScript, typescriptAlone } from '../helpers/rewrites.ts';
import { jsonLiteral } from '../../generator/escape/literal.ts';

const alone = typescriptAlone('src/validation/schemas.ts');

/** The validation template's file (ts-morph prints a multiline array's elements at its key's indentation). */
const data = (components: readonly unknown[], responses: readonly unknown[] = []) =>
  `import type { ValidationData } from "../runtime/validator.js";\n/** The data. */\nexport const data: ValidationData = {\n  components: [\n${components.map((c) => `  ${jsonLiteral(c)},\n`).join('')}  ],\n  responses: [\n${responses.map((c) => `  ${jsonLiteral(c)},\n`).join('')}  ],\n};\n`;

/** `text` through the rewrite: the texts prettier got; the result must be prettier's for the text. */
const rewritten = (text: string, first?: (output: string) => string): Promise<string[]> => rewrittenTypeScript(formatWithDataElements, text, alone, alone, first);

const entry = (name: string, schema: unknown) => [name, schema];

describe('validation data laid out', () => {
  it.each([
    { name: 'objects on a line where they fit, broken where not', value: entry('a', { type: 'object', properties: [['id', { type: 'integer' }], ['name', { type: 'string', nullable: true }]], required: ['id', 'name'] }) },
    { name: 'a short key beside a long string, a longer one breaking before it', value: entry('b', { type: 'string', pattern: `^${'x'.repeat(80)}$`, enum: ['y'.repeat(90)] }) },
    { name: 'numbers and booleans beside a long key, a negative number and null breaking', value: entry('c', { [`${'k'.repeat(66)}`]: 12345678, [`${'l'.repeat(67)}`]: true, [`${'m'.repeat(70)}`]: -12345678, [`${'n'.repeat(72)}`]: null }) },
    { name: 'an array of arrays of two items, always broken, inside objects that break with it', value: entry('d', { a: { b: [[1, 2], [3, 4]] } }) },
    { name: 'arrays of values that fit, and one that does not', value: entry('e', { enum: ['a', 'b', 'c'], other: Array.from({ length: 12 }, (_, i) => `value-${i}`) }) },
    { name: 'quoted keys and empty containers', value: entry('f', { 'x-kind': {}, '200': [], $ref: 'g' }) },
    { name: 'text that is not ASCII and fits', value: entry('h', { enum: ['caf\u00e9', '\u4e2d'] }) },
  ])('$name: predicted, and the output is prettier\'s', async ({ value }) => {
    const text = data([value, entry('z', { type: 'string' })]);
    const sent = await rewritten(text);
    expect(sent).toStrictEqual([text.replace(/ {2}\[".*\],\n {2}\["z".*\],\n/, '    [openapi_morph_data_0, 0],\n    [openapi_morph_data_0, 1],\n')]);
  });

  it.each([
    { name: 'numbers that do not fit on a line (prettier fills lines)', value: entry('n', { enum: Array.from({ length: 40 }, (_, i) => i * 1000) }) },
    { name: 'a string with a double quote (prettier may use single quotes)', value: entry('q', { enum: ['say "hi"'] }) },
    { name: 'a number with an exponent', value: entry('x', { maximum: 1e21 }) },
    { name: 'wide characters near the width', value: entry('w', { enum: ['\u4e2d'.repeat(38)] }) },
    { name: 'a long key before an array whose bracket does not fit', value: entry('l', { [`${'k'.repeat(76)}`]: [1] }) },
  ])('left to prettier: $name', async ({ value }) => {
    const text = data([entry('a', { type: 'string' }), value, entry('z', { type: 'string' })]);
    const sent = await rewritten(text);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(jsonLiteral(value));
    expect(sent[0]).toContain('[openapi_morph_data_1, 1],');
  });

  it('a chunk of the file (chunks.ts: the array closed by ], its last element without a comma)', async () => {
    const text = `\n/** The data. */\nexport const data: ValidationData = {\n  components: [\n  ${jsonLiteral(entry('a', { type: 'string' }))},\n  ${jsonLiteral(entry('b', { enum: ['x'.repeat(80)] }))}\n]\n};\n`;
    expect(await rewritten(text)).toStrictEqual([text.replace(/ {2}\["a".*\n {2}\["b".*\n/, '    [openapi_morph_data_0, 0],\n    [openapi_morph_data_0, 1],\n')]);
  });

  it('at the width: 80 columns with the comma fit, 81 do not, for an element, an object in it and a key\'s string', async () => {
    // An element at 4 columns: `["a", { k: "..." }],` is 4 + 17 + n + 3 columns.
    const cases = [56, 57].flatMap((n) => [entry('a', { k: 'x'.repeat(n) }), entry('b', [{ k: 'x'.repeat(n - 4) }]), entry('c', { items: { k: 'x'.repeat(n - 10) }, other: { k: 'y'.repeat(n - 10) } }), entry('d', { abcde: 'x'.repeat(n + 6), abcd: 'y'.repeat(n + 7), [`${'k'.repeat(n)}`]: ['z'], l: -12345 })]);
    for (const value of cases) {
      const text = data([value, entry('z', {})]);
      const sent = await rewritten(text);
      expect(sent).toStrictEqual([text.replace(/ {2}\[".*\],\n {2}\["z".*\],\n/, '    [openapi_morph_data_0, 0],\n    [openapi_morph_data_0, 1],\n')]);
    }
  });

  it.each([
    { name: 'objects of two or more keys (always broken)', value: entry('o', [{ a: 1, b: 2 }, { c: 3, d: 4 }]) },
    { name: 'objects of one key (joined where they fit)', value: entry('o', [{ a: 1 }, { c: 3 }]) },
    { name: 'an object of two keys and an array of two items (not alike: joined)', value: entry('o', [{ a: 1, b: 2 }, [3, 4]]) },
    { name: 'strings and numbers that do not fit (one a line)', value: entry('m', ['x'.repeat(30), 1, 'y'.repeat(30), 2, 'z'.repeat(30)]) },
  ])('arrays: $name', async ({ value }) => {
    const text = data([value, entry('z', {})]);
    expect(await rewritten(text)).toStrictEqual([text.replace(/ {2}\[".*\],\n {2}\["z".*\],\n/, '    [openapi_morph_data_0, 0],\n    [openapi_morph_data_0, 1],\n')]);
  });

  it.each([
    { name: 'a name', key: '"type"' },
    { name: 'a name that is not ASCII (prettier unquotes it too)', key: '"e\u0301"' },
    { name: 'one holding a double quote (prettier quotes it with single quotes)', key: '"a\\"b"' },
  ])('a quoted key prettier prints otherwise is not predicted: $name', async ({ key }) => {
    const text = data([entry('a', {}), entry('b', {}), entry('c', {})]).replace('["b", {}]', `["b", { ${key}: 1 }]`);
    const sent = await rewritten(text);
    expect(sent[0]).toContain(`["b", { ${key}: 1 }]`);
    expect(sent[0]).toContain('[openapi_morph_data_1, 1],');
  });

  const bare = `export const data = {\n  components: [\n  ["a", {}],\n  ["b", {}],\n  ],\n};\n`;
  it.each([
    { name: 'in a template literal', text: `export const s = \`\n${bare}\`;\n`, kept: '  ["a", {}],\n  ["b", {}],' },
    { name: 'in a block comment', text: `/*\n${bare}*/\n`, kept: '  ["a", {}],\n  ["b", {}],' },
    { name: 'a tuple type after a constant that ends with as const', text: `${bare.replace('};', '} as const;')}type T = {\n  a: [\n  ["x", [[1, 2], [3, 4]]],\n  ["y", 1],\n  ]\n};\n`, kept: '  ["x", [[1, 2], [3, 4]]],\n  ["y", 1],' },
    { name: 'a missing comma between elements (an element access)', text: bare.replace('["a", {}],', '["a", {}]'), kept: '  ["a", {}]\n  ["b", {}],' },
    { name: 'a number not as String(number) writes it', text: bare.replace('["a", {}]', '["a", 1.50]'), kept: '  ["a", 1.50],\n  ["b", {}],' },
    { name: 'an escape JSON.stringify does not write', text: bare.replace('["a", {}]', '["a\\u00ZZ", 1]'), kept: '  ["a\\u00ZZ", 1],\n  ["b", {}],' },
  ])('lines that look like elements are not read: $name', ({ text, kept }) => {
    expect(text).toContain(kept);
    expect(withoutDataElements(text)?.text ?? text).toContain(kept);
  });

  it('an array after the data constant is not read', () => {
    const text = `${data([entry('a', {}), entry('b', {})])}export const other = [\n  after: [\n  ["c", {}],\n  ["d", {}],\n  ],\n];\n`;
    const replaced = withoutDataElements(text)!;
    expect(replaced.text).toContain('["c", {}]');
    expect(replaced.runs).toHaveLength(1);
  });

  it('an empty object or array after a long key breaks after the colon where it does not fit with its comma', async () => {
    for (const n of [68, 69, 70, 71]) {
      const text = data([entry('n', { a: 1, [`${'k'.repeat(n)}`]: {}, [`${'l'.repeat(n)}`]: [] }), entry('z', {})]);
      expect(await rewritten(text)).toStrictEqual([text.replace(/ {2}\[".*\],\n {2}\["z".*\],\n/, '    [openapi_morph_data_0, 0],\n    [openapi_morph_data_0, 1],\n')]);
    }
  });

  it('generated schemas: each layout predicted is prettier\'s, and most are predicted', async () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const strings = ['', 'a', 'string', 'x'.repeat(30), 'y'.repeat(70), 'date-time', '^[a-z]+$', 'caf\u00e9', 'a\\b'];
    const keys = ['type', 'items', 'enum', '$ref', 'format', 'properties', 'required', 'nullable', 'minimum', 'additionalProperties', 'x-very-long-extension-key-name'];
    const value = (depth: number): unknown => {
      const kind = next(depth > 3 ? 4 : 8);
      if (kind === 0) return strings[next(strings.length)];
      if (kind === 1) return [0, 1, -1, 100, 2.5, 123456789][next(6)];
      if (kind === 2) return [true, false, null][next(3)];
      if (kind === 3) return next(2) ? {} : [];
      if (kind === 4) return Array.from({ length: 1 + next(5) }, () => strings[next(strings.length)]);
      if (kind === 5) return Array.from({ length: 1 + next(4) }, () => [strings[next(strings.length)], value(depth + 1)]);
      return Object.fromEntries(Array.from({ length: 1 + next(5) }, () => [keys[next(keys.length)], value(depth + 1)]));
    };
    const components = Array.from({ length: 400 }, (_, i) => entry(`schema-${i}`, value(0)));
    const text = data(components, [entry('op', [['200', { $ref: 'schema-1' }]])]);
    const replaced = withoutDataElements(text)!;
    const unpredicted = replaced.text.split('\n').filter((line) => line.startsWith('  [')).length;
    expect(unpredicted).toBeLessThan(40);
    expect(await formatWithDataElements(text, alone)).toBe(await alone(text));
  });

  it.each([
    { name: 'elements that are not all arrays of two or more (prettier may join the array)', text: data([entry('a', { type: 'string' }), ['b']]) },
    { name: 'a prettier-ignore comment', text: `// prettier-ignore\n${data([entry('a', {}), entry('b', {})])}` },
    { name: 'CRLF line ends', text: data([entry('a', {}), entry('b', {})]).replaceAll('\n', '\r\n') },
    { name: 'an element not as jsonLiteral writes it', text: data([entry('a', {}), ['b', {}]]).replace('["a", {}]', '["a",{}]') },
    { name: 'one element alone (prettier joins its array where it fits)', text: data([entry('a', {})]) },
    { name: 'no exported constant around the array', text: `const x = {\n  components: [\n  ["a", {}],\n  ],\n};\n` },
  ])('leaves the text to prettier: $name', ({ text }) => {
    expect(withoutDataElements(text)).toBeUndefined();
  });

  it('an output without its placeholders where expected formats the text as it is', async () => {
    const text = data([entry('a', { type: 'string' }), entry('b', { type: 'string' })]);
    for (const tamper of [(output: string) => output.replace('    [openapi_morph_data_0, 0],', '      [openapi_morph_data_0, 0],'), (output: string) => output.replace('    [openapi_morph_data_0, 1],\n', '')]) {
      const sent = await rewritten(text, tamper);
      expect(sent).toHaveLength(2);
      expect(sent[1]).toBe(text);
    }
    expect(withDataElements('[openapi_morph_data_0, 0],\n', withoutDataElements(text)!)).toBeUndefined();
  });
});
