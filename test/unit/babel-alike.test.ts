/**
 * Where prettier's babel-ts and typescript parsers print a TypeScript text differently, the
 * standalone formatter must not use babel-ts (babel-alike.ts). Each text a review found is refused
 * and formatted as prettier alone formats it (or fails as it fails); the texts our templates emit
 * are taken.
 */
import { describe, expect, it } from 'vitest';
import { babelAlike } from '../../generator/format/babel-alike.ts';
import { createFormatter, DEFAULT_PACKAGE_SETUP } from '../../generator/format/formatter.ts';
import { prettierStandalone } from '../../generator/heavy.ts';
import { seeded } from '../helpers/seeded.ts';

/** Each text `babelAlike` takes, and prettier's two parsers print the same. */
async function expectTakenAndAlike(texts: readonly string[]): Promise<void> {
  const { format, plugins } = prettierStandalone(['typescript'], false);
  const differ: string[] = [];
  for (const text of texts) {
    expect(babelAlike(text), text).toBe(true);
    if ((await format(text, { parser: 'babel-ts', plugins })) !== (await format(text, { parser: 'typescript', plugins }))) differ.push(text);
  }
  expect(differ).toStrictEqual([]);
}

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
    { name: 'a PURE annotation before a call', text: 'export const defaults: ClientDefaults = { schemes: { ApiKeyAuth: /* @__PURE__ */ http("Bearer") } };\n' },
    { name: 'awaited calls', text: 'const a = await f();\nawait g(await h());\n' },
  ])('takes $name', ({ text }) => {
    expect(babelAlike(text)).toBe(true);
  });

  it.each([
    { name: 'a PURE annotation before a parameter', text: 'class A {\n  m(/* @__PURE__ */ x: number) {}\n}\n' },
    { name: 'a PURE annotation before a parenthesis', text: 'const a = /* @__PURE__ */ (b);\n' },
  ])('refuses $name', ({ text }) => {
    expect(babelAlike(text)).toBe(false);
  });

  it('takes comments after a `;`, `{` or `}` on its line or below, and both parsers print them alike', async () => {
    const random = seeded(9);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    // A comment after the code before it (on its line, or the line below) or none.
    const c = () => {
      if (random() < 0.5) return ' ';
      const comment = pick(['// c', '/* c */', '/** Doc. */', '/** A standard API key, sent as a bearer token. */']);
      return ` ${comment}${comment.startsWith('//') || random() < 0.5 ? '\n' : ' '}`;
    };
    const shapes = [
      () => `export type T = {${c()}readonly a?: string;${c()}b: { x: number; y?: string };${c()}};${c()}`,
      () => `export interface I {${c()}a: "x" | "y";${c()}m(a: {${c()}x: 1;${c()}}): void;${c()}[k: string]: unknown;${c()}}`,
      () => `class A extends B {${c()}x = 1;${c()}constructor(private a: string) {${c()}super();${c()}}${c()}get v(): number {${c()}return 1;${c()}}${c()}}`,
      () => `const v = f();${c()}if (x) {${c()}a();${c()}}${c()}else {${c()}b();${c()}}${c()}`,
      () => `try {${c()}a();${c()}}${c()}catch (e) {${c()}b();${c()}}${c()}finally {${c()}c();${c()}}${c()}`,
      () => `switch (x) {${c()}case 1: {${c()}a();${c()}}${c()}default: b();${c()}}${c()}`,
      () => `export function h(a: {${c()}x: 1;${c()}}): {${c()}y: 2;${c()}} {${c()}return { y: 2 };${c()}}${c()}`,
      () => `const o = { b() {${c()}return 1;${c()}} };${c()}namespace N {${c()}export const a = 1;${c()}}${c()}`,
      () => `export const defaults: D = { s: { A: /* @__PURE__ */ http("Bearer") } };${c()}export type AuthOptions = {${c()}readonly ApiKeyAuth?: ApiKeySource;${c()}};${c()}`,
    ];
    const texts = Array.from({ length: 120 }, () => `${pick(shapes)()}\n`);
    await expectTakenAndAlike(texts);
    // Comments stand after code on the same line in most texts.
    expect(texts.filter((text) => /[;{}] \/[/*]/.test(text)).length).toBeGreaterThan(80);
  });

  it('takes PURE annotations before calls wherever they stand, and both parsers print them alike', async () => {
    const random = seeded(5);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const pure = () => pick(['/* @__PURE__ */ ', '/*#__PURE__*/ ', '/* @__PURE__ */']);
    const literal = () => pick(['"Bearer"', '1', 'x', 'true', `"${'w'.repeat(Math.floor(random() * 40))}"`, '{}', '[]']);
    const call = (depth: number): string => `${pure()}${pick(['http', 'apiKey', 'a.b', 'new Thing'])}(${Array.from({ length: Math.floor(random() * 3) }, () => value(depth + 1)).join(', ')})`;
    const value = (depth: number): string => {
      const kind = depth > 2 ? 0 : Math.floor(random() * 4);
      if (kind === 1) return call(depth);
      if (kind === 2) return `{ ${Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => `${pick([`k${i}`, `"q${i}"`, `[c${i}]`])}: ${value(depth + 1)}`).join(', ')} }`;
      if (kind === 3) return `[${value(depth + 1)}, ${call(depth + 1)}]`;
      return literal();
    };
    const contexts = [
      (e: string) => `export const defaults: D = { a: ${e}, b: ${e} };`,
      (e: string) => `const x = ${e};`,
      (e: string) => `f(${e}, ${e});`,
      (e: string) => `class A {\n  x = ${e};\n  m(a = ${e}) {}\n}`,
      (e: string) => `const g = (a = ${e}) => ${e};`,
      (e: string) => `function h({ a = ${e} }: T, b = [${e}]) {}`,
      (e: string) => `export default ${e};`,
    ];
    const texts = Array.from({ length: 150 }, () => `${pick(contexts)(call(0))}\n`);
    await expectTakenAndAlike(texts);
    // The texts are broken over lines (some wider than 80 columns) and hold annotations in each context.
    expect(texts.filter((text) => text.length > 100).length).toBeGreaterThan(30);
  });
});
