/**
 * Runs of aliases of indexed access types (type-aliases.ts: `src/models.ts`) go to prettier as one
 * placeholder alias each and come back laid out as prettier lays them out: the result is prettier's
 * own output for the whole text. What prettier would print otherwise, or what the reader does not
 * read, is left to it.
 */
import { describe, expect, it } from 'vitest';
import { formatWithTypeAliases, withoutTypeAliases } from '../../generator/format/type-aliases.ts';
import { rewrittenTypeScript, typescriptAlone } from '../helpers/rewrites.ts';

const alone = typescriptAlone('src/models.ts');

/** `text` through the rewrite: the texts prettier got; the result must be prettier's for the text. */
const rewritten = (text: string, first?: (output: string) => string): Promise<string[]> => rewrittenTypeScript(formatWithTypeAliases, text, alone, alone, first);

const IMPORT = 'import type { components } from "./schema.js";';
const alias = (name: string, key: string) => `export type ${name} = components["schemas"]["${key}"];`;
/** An alias of `width` columns. */
const wide = (width: number) => alias('A', 'k'.repeat(width - alias('A', '').length));

describe('aliases of indexed access types laid out as prettier lays them out', () => {
  it('a models module: its aliases and their comments go as one placeholder alias', async () => {
    const text = [
      IMPORT,
      alias('Pet', 'pet'),
      '/** A pet\'s owner */',
      alias('Owner', 'owner'),
      '/**',
      ' * Tag',
      ' *',
      ' * A markdown line break, then one with three spaces:  ',
      ' * next   ',
      ' */',
      alias('Tag', 'tag'),
      '/* two */',
      '/** comments */',
      `export type B = C["it's"]["$x"]["a b"][" */ "];`,
      '',
    ].join('\n');
    expect(await rewritten(text)).toStrictEqual([`${IMPORT}\nexport type openapi_morph_aliases_0 = 0;\n`]);
  });

  it.each([
    { width: 79, lines: 1 },
    { width: 80, lines: 1 },
    { width: 81, lines: 2 },
    { width: 130, lines: 2 },
  ])('an alias of $width columns stands on $lines line(s)', async ({ width, lines }) => {
    const line = wide(width);
    expect(line).toHaveLength(width);
    expect(await rewritten(`${IMPORT}\n${line}\n`)).toStrictEqual([`${IMPORT}\nexport type openapi_morph_aliases_0 = 0;\n`]);
    expect((await alone(`${IMPORT}\n${line}\n`)).split('\n')).toHaveLength(lines + 2);
  });

  it('a name wider than the line is broken after `=` all the same', async () => {
    const text = `${IMPORT}\n${alias('N'.repeat(90), 'x')}\n`;
    expect(await rewritten(text)).toHaveLength(1);
    expect(await alone(text)).toContain(`${'N'.repeat(90)} =\n  components`);
  });

  it.each([
    { name: 'a comment that is not indentable', lines: ['/*', '  a', ' */'] },
    { name: 'a type cast comment', lines: ['/** @type {string} */'] },
    { name: 'a comment before an empty line', lines: ['/** a */', ''] },
    { name: 'a line comment', lines: ['// a'] },
    { name: 'an import', lines: ['import type { B } from "./b.js";'] },
  ])('a run ends at $name, which stays', async ({ lines }) => {
    const text = [IMPORT, alias('A', 'a'), ...lines, alias('B', 'b'), ''].join('\n');
    const sent = await rewritten(text);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(`export type openapi_morph_aliases_0 = 0;\n${lines.join('\n')}`);
    // The alias right after a comment prettier prints otherwise is left with it.
    expect(sent[0]).toContain(lines[0]!.startsWith('/*') && lines.at(-1) !== '' ? alias('B', 'b') : 'openapi_morph_aliases_1');
  });

  it.each([
    { name: 'text that is not ASCII', line: alias('Cafe', 'caf\u00e9') },
    { name: 'double quotes prettier would turn to single quotes', line: 'export type Q = C["say \\"hi\\""];' },
    { name: 'a type operator for a name (prettier prints `keyof ["a"]`)', line: 'export type K = keyof["a"];' },
    { name: 'a keyword for its own name', line: 'export type readonly = C["a"];' },
  ])('an alias with $name is left to prettier', async ({ line }) => {
    const sent = await rewritten([IMPORT, alias('A', 'a'), line, ''].join('\n'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(line);
  });

  it('an alias prettier refuses (`typeof["a"]`) fails as the text does, not as the rewritten one', async () => {
    const text = [IMPORT, alias('A', 'a'), 'export type T = typeof["a"];', ''].join('\n');
    const failure = (run: Promise<string>) => run.then(() => 'formatted', (error: Error) => error.message);
    expect(await failure(alone(text))).toMatch(/\(3:/);
    expect(await failure(formatWithTypeAliases(text, alone))).toBe(await failure(alone(text)));
  });

  it.each([
    { name: 'an interface', text: `${IMPORT}\n${alias('A', 'a')}\nexport interface B {\n  b: string;\n}\n` },
    { name: 'a template literal', text: `${IMPORT}\nconst s = \`\n${alias('A', 'k'.repeat(80))}\n\`;\n` },
    { name: 'an indented comment', text: `  /** a */\n${alias('A', 'a')}\n` },
    { name: 'a comment closed before the end of its line', text: `/** a */ ${alias('A', 'a')}\n${alias('B', 'b')}\n` },
    { name: 'a comment that opens and closes in `/*/`', text: `/*/\n${alias('A', 'a')}\n*/\n` },
    { name: 'prettier-ignore', text: `// prettier-ignore\n${alias('A', 'a')}\n` },
    { name: 'an alias with type parameters', text: 'export type A<T> = T["a"];\n' },
    { name: 'no alias', text: `${IMPORT}\n` },
  ])('a text with $name is formatted as it is', async ({ text }) => {
    expect(withoutTypeAliases(text)).toBeUndefined();
    expect(await rewritten(text)).toStrictEqual([text]);
  });

  it('an output without its placeholder as it was sent goes to prettier as it is', async () => {
    const text = `${IMPORT}\n${alias('A', 'a')}\n`;
    expect(await rewritten(text, (output) => output.replace('= 0;', '= 1;'))).toStrictEqual([`${IMPORT}\nexport type openapi_morph_aliases_0 = 0;\n`, text]);
  });
});
