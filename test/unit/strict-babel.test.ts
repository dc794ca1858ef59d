/**
 * A markdown fence's code goes to a strict babel (strict-babel.ts): prettier formats a fence with
 * its `typescript` parser and leaves code that parser refuses as it is, and babel reads some such
 * code. Each form a review found is refused, and the page's bytes are prettier's; ordinary code
 * is read as babel-ts reads it.
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
];

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

  it.each([
    'import { A, type B } from "pkg";\nconst api = new A({ apiKey: "k" });\ntry {\n  await api.create();\n} catch (error) {\n  throw error;\n}',
    'export type Pet = { kind: "cat" } | { kind: "dog" };\nconst f = async <T,>(x: T): Promise<T> => x;\nconst n = 0.5 + 0x1f + 1_000;',
    'const meta = import.meta.url;\nfunction F(this: Window) { return new.target; }\nexport * as ns from "x";',
  ])('reads ordinary code as babel-ts does: %j', async (code) => {
    expect(await format(`${code}\n`, { parser: STRICT_BABEL_TS, plugins: strict })).toBe(await format(`${code}\n`, { parser: 'babel-ts', plugins }));
  });

  it('names the first babel-only form of a tree', () => {
    expect(babelOnly({ type: 'File', program: { type: 'Program', body: [{ type: 'ExpressionStatement', expression: { type: 'UnaryExpression', operator: 'throw' } }] } })).toBe('a throw expression');
    expect(babelOnly({ type: 'File', program: { type: 'Program', body: [{ type: 'ExpressionStatement', expression: { type: 'UnaryExpression', operator: '!' } }] } })).toBeUndefined();
  });
});
