/**
 * Where prettier's babel-ts and typescript parsers print a TypeScript text differently, the
 * standalone formatter must not use babel-ts (babel-alike.ts). Each text a review found is refused
 * and formatted as prettier alone formats it (or fails as it fails); the texts our templates emit
 * are taken.
 */
import { describe, expect, it } from 'vitest';
import { babelAlike } from '../../generator/format/babel-alike.ts';
import { createFormatter, DEFAULT_PACKAGE_SETUP } from '../../generator/format/formatter.ts';

const outcome = (run: Promise<string>) => run.then((output) => ({ output }), (error: Error) => ({ error: error.message.split('\n')[0] }));

describe('babelAlike', () => {
  it.each([
    { name: 'a JSDoc type cast', text: 'let a = /** @type {X} */ (b);\n' },
    { name: 'a JSDoc satisfies cast', text: 'let a = /** @satisfies {X} */ (b);\n' },
    { name: 'a quoted abstract key', text: 'abstract class A {\n  abstract "a": number;\n}\n' },
    { name: 'a quoted key of a protected abstract readonly member', text: 'abstract class A {\n  protected abstract readonly "a": number;\n}\n' },
    { name: 'a line comment after a method\'s parenthesis', text: 'class A {\n  m(// c\n    x: number) {}\n}\n' },
    { name: 'a block comment after a method\'s parenthesis', text: 'class A {\n  m(/* c */\n    x: number) {}\n}\n' },
    { name: 'a comment between a method\'s name and its parameters', text: 'class A {\n  m\n  // c\n  (): void;\n}\n' },
    { name: 'a comment between an object method\'s name and its parameters', text: 'const o = {\n  m\n  // c\n  () {},\n};\n' },
    { name: 'a comment in an export\'s head', text: 'export /* c */ * as ns from "x";\n' },
    { name: 'a comment before a return type', text: 'function f()\n// c\n: number { return 1; }\n' },
    { name: 'a comment after a parameter\'s comma', text: 'function f(a: number,\n  // c\n  b: number) {}\n' },
    { name: 'an initializer in for-in (prettier\'s typescript parser refuses it)', text: 'for (var x = 1 in y) {}\n' },
    { name: 'an initializer in for-of', text: 'for (let x = 1 of y) {}\n' },
    { name: 'a decorator on a parameter', text: 'function f(@d x) {}\n' },
    { name: 'a template literal', text: 'const a = `x${1}`;\n' },
    { name: 'a regular expression', text: 'const a = /x/.test("x");\n' },
    { name: 'a division', text: 'const a = 1 / 2;\n' },
    { name: 'a string not closed on its line', text: 'const a = "x\n";\n' },
    { name: 'a key written from its dot after a member without its semicolon', text: 'interface A {\n  a: {\n    b: string;\n  } | null\n  .5: number;\n}\n' },
  ])('refuses $name, and the formatter gives what prettier alone gives', async ({ text }) => {
    expect(babelAlike(text)).toBe(false);
    const ours = await createFormatter(DEFAULT_PACKAGE_SETUP);
    const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
    expect(await outcome(ours.format(text, 'typescript', 'src/a.ts'))).toStrictEqual(await outcome(prettier.format(text, 'typescript', 'src/a.ts')));
  });

  it.each([
    { name: 'types with JSDoc before members, quoted and numeric keys', text: 'export interface paths {\n    "/": {\n        /** @description Root */\n        get: operations["meta/root"];\n    };\n}\nexport interface responses {\n    /** @description OK */\n    200: {\n        [name: string]: unknown;\n    };\n}\n' },
    { name: 'a class with JSDoc before its members and a private field', text: 'export class ReposApi {\n  readonly #client: Client;\n\n  /** Get a repository. */\n  async reposGet(owner: string): Promise<Repo> {\n    return this.#client.GET("/repos/{owner}", { params: { path: { owner } } });\n  }\n}\n' },
    { name: 'line comments between statements, strings with // and escaped quotes', text: '// about a\nexport const a = "https://x.test/a\\"b";\n// about b\nexport const b = \'c//d\';\n' },
    { name: 'a key named for or abstract', text: 'export interface A {\n  for: string;\n  abstract: number;\n}\n' },
  ])('takes $name', ({ text }) => {
    expect(babelAlike(text)).toBe(true);
  });
});
