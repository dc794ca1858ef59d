/**
 * A markdown fence's code goes to a strict babel (strict-babel.ts): prettier formats a fence with
 * its `typescript` parser and leaves code that parser refuses as it is, and babel reads some such
 * code. Each form two reviews found is refused, and the page's bytes are prettier's; usage
 * examples are read as babel-ts reads them, and other code is left to the typescript parser.
 */
import { describe, expect, it } from 'vitest';
import { createFormatter, DEFAULT_PACKAGE_SETUP } from '../../generator/format/formatter.ts';
import { babelOnly, STRICT_BABEL_TS, strictBabelPlugin } from '../../generator/format/strict-babel.ts';
import { prettierStandalone } from '../../generator/heavy.ts';

const { format, plugins } = prettierStandalone(['typescript'], false);
const strict = [...plugins, strictBabelPlugin(plugins)!];
const page = (code: string) => `# A\n\n\`\`\`ts\n${code}\n\`\`\`\n`;

/** Code babel-ts formats (the review's cases), which prettier's typescript parser refuses. */
const BABEL_ONLY = [
  { name: 'a date with 08 (recovered)', code: 'const d = new Date(2024,  08, 01);' },
  { name: 'an octal literal (recovered)', code: 'export const   a = 010;' },
  { name: 'an octal escape (recovered)', code: 'let s = "\\8"  ;' },
  { name: 'a separator after a leading zero (recovered)', code: 'const n =  0_1;' },
  { name: 'a throw expression', code: 'const port = env.PORT ?? throw  new Error("PORT is required");' },
  { name: 'a pipeline with a topic', code: 'const x = y  |> f(%);' },
  { name: 'a do expression', code: 'const v = do {  1 };' },
  { name: 'a module expression', code: 'let m = module {  export const a = 1 };' },
  { name: 'a bind expression', code: 'const g =  a::b;' },
  { name: 'a partial application', code: 'const g = f(x,  ?);' },
  { name: 'function.sent', code: 'function* g() {  return function.sent; }' },
  { name: 'new import.meta', code: 'const x =  new import.meta("x");' },
  { name: 'a variable named this', code: 'let this =  1;' },
  { name: 'a function named null', code: 'declare module "x" {\n  export function  null (): void;\n}' },
  { name: 'a namespace without its name', code: 'export namespace A {\n  export namespace  {\n    export type T = string;\n  }\n}' },
  { name: 'export of a default from a module', code: 'export v  from "mod";' },
  { name: 'a V8 intrinsic', code: '%DebugPrint( x );' },
  { name: 'await as a name (a script)', code: 'const res = await;\nif (await   in x) {}' },
  // A second review's probes: forms outside what babel reads a fence for.
  { name: 'this as an optional parameter', code: 'function f(this?: A) {}' },
  { name: 'void as a parameter with a type', code: 'function f(void: A) {}' },
  { name: 'a readonly getter', code: 'class A { readonly get x() { return 1; } }' },
  { name: 'a private name in an optional chain', code: 'const v = this?.#x;' },
  { name: 'an ambient async function', code: 'export declare async function getPet(id: number): Promise<Pet>;' },
  { name: 'a declared variable with !', code: 'declare let x!: number;' },
  { name: 'an octal escape in a module name', code: 'declare module "\\8" {}' },
  { name: 'an import with a phase', code: 'import source x from "y";' },
  { name: 'a reserved word as a tuple label', code: 'type T = [if: 1];' },
  { name: 'a type named from null', code: 'let x: null.a;' },
  { name: 'a type assertion before an arrow function', code: 'x = <a>b => c;' },
  { name: 'a type named as', code: 'export type as =  1;' },
];

/** Code both parsers read that babel prints otherwise (the second review's). */
const PRINTED_OTHERWISE = ['declare global;', 'declare module global {}', 'x = f<T>?.();'];

describe('the strict babel', () => {
  it.each(BABEL_ONLY)('refuses $name, and the page is as prettier gives it', async ({ code }) => {
    const loose = await format(`${code}\n`, { parser: 'babel-ts', plugins }).then(String, () => undefined);
    expect(loose, 'babel-ts formats it').toBeDefined();
    await expect(format(`${code}\n`, { parser: 'typescript', plugins })).rejects.toThrow();
    await expect(format(`${code}\n`, { parser: STRICT_BABEL_TS, plugins: strict })).rejects.toThrow(/babel reads .* TypeScript's parser refuses/);
    const ours = await createFormatter(DEFAULT_PACKAGE_SETUP);
    const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
    expect(await ours.format(page(code), 'markdown', 'docs/A.md')).toBe(await prettier.format(page(code), 'markdown', 'docs/A.md'));
  });

  it.each(PRINTED_OTHERWISE)('refuses %j, which babel prints otherwise, and the page is as prettier gives it', async (code) => {
    await expect(format(`${code}\n`, { parser: STRICT_BABEL_TS, plugins: strict })).rejects.toThrow(/babel reads .* TypeScript's parser refuses/);
    const ours = await createFormatter(DEFAULT_PACKAGE_SETUP);
    const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
    expect(await ours.format(page(code), 'markdown', 'docs/A.md')).toBe(await prettier.format(page(code), 'markdown', 'docs/A.md'));
  });

  it.each([
    'import { A, type B } from "pkg";\nconst api = new A({ apiKey: "k" });\ntry {\n  await api.create();\n} catch (error) {\n  if (!(error instanceof ApiError)) throw error;\n}',
    'const controller = new AbortController();\nsetTimeout(() => controller.abort(), 5_000); // e.g. the user navigated away\nconst { data, response } = await api.get({ id: 1, tags: ["a"] }).withResponse();',
    'export interface Pet {\n  id: number;\n  tags?: string[] | null;\n}\nexport type Kind = "cat" | "dog";\nconst n = 0.5 + 0x1f + 1_000 + 10n;\nconst p = (x as Pet)!.id;',
  ])('reads usage examples as babel-ts does: %j', async (code) => {
    expect(await format(`${code}\n`, { parser: STRICT_BABEL_TS, plugins: strict })).toBe(await format(`${code}\n`, { parser: 'babel-ts', plugins }));
  });

  it.each(['const f = async <T,>(x: T): Promise<T> => x;', 'class A { #x = 1; }', 'enum E { A }'])('leaves other code to the typescript parser: %j', async (code) => {
    await expect(format(`${code}\n`, { parser: STRICT_BABEL_TS, plugins: strict })).rejects.toThrow(/babel reads .* TypeScript's parser refuses/);
  });

  it('names the first babel-only form of a tree', () => {
    expect(babelOnly({ type: 'File', program: { type: 'Program', body: [{ type: 'ExpressionStatement', expression: { type: 'UnaryExpression', operator: 'throw' } }] } })).toBe('a throw expression');
    expect(babelOnly({ type: 'File', program: { type: 'Program', body: [{ type: 'ExpressionStatement', expression: { type: 'UnaryExpression', operator: '!' } }] } })).toBeUndefined();
    expect(babelOnly({ type: 'File', program: { type: 'Program', body: [{ type: 'ClassDeclaration' }] } })).toBe('a ClassDeclaration');
    // A reserved word may be a property's name after a `.` or an object's key.
    expect(babelOnly({ type: 'MemberExpression', computed: false, object: { type: 'Identifier', name: 'a' }, property: { type: 'Identifier', name: 'default' } })).toBeUndefined();
    expect(babelOnly({ type: 'MemberExpression', computed: true, object: { type: 'Identifier', name: 'a' }, property: { type: 'Identifier', name: 'default' } })).toBe('a name `default`');
  });
});
