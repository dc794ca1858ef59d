import { createRequire, isBuiltin } from 'node:module';
import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { jitiTransform } from '../generator/heavy.ts';
import { moduleTransform } from '../generator/module-transform.ts';

const builtin = createRequire(import.meta.url);
/** The toolkit as a config sees it, reduced to a `defineConfig` that marks what it got. */
const toolkit = { defineConfig: (c: unknown) => ({ defined: c }) };
const load = (id: string): unknown => {
  if (id === 'openapi-morph') return toolkit;
  if (isBuiltin(id)) return builtin(id);
  throw new Error(`unexpected import of ${id}`);
};

/**
 * Runs transformed code as jiti does (its async wrapper, `require` and `jitiImport`; `module`,
 * `__filename` and `__dirname` of `/p/`), and returns the module's default export.
 */
async function run(code: string, filename = '/p/openapi-morph.config.ts'): Promise<unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const wrapper = runInThisContext(`(async function (exports, require, module, __filename, __dirname, jitiImport, jitiESMResolve) { ${code}\n});`) as (...args: unknown[]) => Promise<void>;
  // jitiImport answers as an ES module namespace: a builtin's value is its default export too.
  const namespace = (id: string) => (isBuiltin(id) ? { ...(load(id) as object), default: load(id) } : load(id));
  await wrapper(module.exports, load, module, filename, '/p', async (id: string) => namespace(id), undefined);
  return module.exports.default;
}

type Extra = { ts?: boolean; jsx?: boolean; babel?: Record<string, unknown> };
const optionsFor = (source: string, filename: string, extra: Extra = {}) => ({ source, filename, ts: extra.ts ?? /\.[cm]?ts$/.test(filename), async: true, ...(extra.jsx ? { jsx: true } : {}), babel: extra.babel ?? {} });
const transform = (source: string, filename = '/p/openapi-morph.config.ts', extra: Extra = {}) => moduleTransform(optionsFor(source, filename, extra)).code;
/** What jiti's Babel transform makes of the same module. */
const babel = (source: string, filename = '/p/openapi-morph.config.ts', extra: Extra = {}) => jitiTransform(optionsFor(source, filename, extra)).code;

describe('moduleTransform: sucrase transpiles a module that imports only the toolkit and builtins', () => {
  it.each([
    [
      'TypeScript: an enum, a type-only import, `satisfies`, a cast',
      "import type { Config } from 'openapi-morph';\nimport { defineConfig } from 'openapi-morph';\nenum Names { Client = 'enum-client' }\nconst size: number = 2 as number;\nexport default defineConfig({ spec: 'a.yaml', package: { name: Names.Client }, size } satisfies Partial<Config> & { size: number });\n",
      { defined: { spec: 'a.yaml', package: { name: 'enum-client' }, size: 2 } },
    ],
    [
      "Node's builtins, with and without `node:`",
      "import { join } from 'node:path';\nimport { sep } from 'path';\nimport { defineConfig } from 'openapi-morph';\nexport default defineConfig({ spec: join('specs', 'a.yaml').split(sep).join('/') });\n",
      { defined: { spec: 'specs/a.yaml' } },
    ],
    [
      "comments and 'use strict' before the imports; a JSDoc type import",
      "'use strict';\n// the config\n/** @type {import('openapi-morph').Config} */\nimport { defineConfig } from 'openapi-morph';\nexport default defineConfig({ spec: 'a.yaml' });\n",
      { defined: { spec: 'a.yaml' } },
    ],
    ['a scoped package name and an e-mail address', "export default { spec: 'a.yaml', package: { name: '@acme/client' }, author: 'team@acme.example' };\n", { spec: 'a.yaml', package: { name: '@acme/client' }, author: 'team@acme.example' }],
    ['an import over several lines', "import {\n  defineConfig,\n} from 'openapi-morph';\nexport default defineConfig({ spec: 'a.yaml' });\n", { defined: { spec: 'a.yaml' } }],
  ])('%s', async (_, source, want) => {
    const code = transform(source);
    expect(code).not.toBe(babel(source));
    expect(code).not.toMatch(/: number|satisfies/);
    expect(await run(code)).toStrictEqual(want);
  });

  it("keeps the source's line numbers (a runtime error in a config points at its own line)", () => {
    const source = "import { defineConfig } from 'openapi-morph';\n\n\nthrow new Error('line 4');\n";
    const code = transform(source, '/p/openapi-morph.config.mjs');
    expect(code).not.toBe(babel(source, '/p/openapi-morph.config.mjs'));
    expect(code.split('\n').findIndex((l) => l.includes("'line 4'"))).toBe(3);
  });
});

describe("moduleTransform: jiti's Babel transform takes what sucrase would transpile otherwise", () => {
  it.each([
    ['`import.meta` (Babel gives it the file URL)', 'export default { url: import.meta.url };\n', { url: 'file:///p/openapi-morph.config.ts' }],
    ['a namespace that holds values (sucrase drops it)', 'namespace N { export const a = 1; }\nexport default { a: N.a };\n', { a: 1 }],
    ['a legacy `module` block', 'module M { export const a = 2; }\nexport default { a: M.a };\n', { a: 2 }],
    ['an enum merged with a namespace', 'enum E { A = 1 }\nnamespace E { export const B = 2; }\nexport default { a: E.A, b: (E as any).B };\n', { a: 1, b: 2 }],
    ['a decorator on a line of its own', 'const seen: string[] = [];\nfunction d(t: unknown) { seen.push(typeof t); }\n@d\nclass K {}\nexport default { seen };\n', { seen: ['function'] }],
    ['a decorator before `class`', 'const seen: string[] = [];\nfunction d(t: unknown) { seen.push(typeof t); }\n@d class K {}\nexport default { seen };\n', { seen: ['function'] }],
    ['a member decorator on the line of its member', 'const seen: string[] = [];\nfunction d(_t: unknown, k: string) { seen.push(k); }\nclass C { @d m() {} }\nexport default { seen };\n', { seen: ['m'] }],
    ['a parameter decorator (sucrase refuses it)', 'const seen: number[] = [];\nfunction inj() { return (_t: unknown, _k: unknown, i: number) => { seen.push(i); }; }\nclass S { constructor(@inj() x: number) {} }\nexport default { seen };\n', { seen: [0] }],
    ["a top-level `module` (jiti's wrapper passes one)", "const module = 'barrel';\nexport default { name: module };\n", { name: 'barrel' }],
    ['a top-level `__dirname` of its own', "import path from 'node:path';\nconst __dirname = path.resolve('/q');\nexport default { dir: __dirname };\n", { dir: '/q' }],
    ['a function named `exports` (it would take the place of the exports, silently)', "export default { spec: 'a.yaml' };\nfunction exports() {}\n", { spec: 'a.yaml' }],
    ['an import after the code that uses it (ES modules import first)', "const config = defineConfig({ spec: 'a.yaml' });\nexport default config;\nimport { defineConfig } from 'openapi-morph';\n", { defined: { spec: 'a.yaml' } }],
    ['a dynamic `import()` in code, in a block too', "let path: unknown;\nif (true) {import('node:path').then((m) => { path = m; });}\nexport default { spec: 'a.yaml' };\n", { spec: 'a.yaml' }],
  ])('%s', async (_, source, want) => {
    const code = transform(source);
    expect(code).toBe(babel(source));
    expect(await run(code)).toStrictEqual(want);
  });

  it.each([
    ['a package', "import { z } from 'zod';\nexport default { z };\n"],
    ["the toolkit's template modules (an ejected template)", "import { api } from 'openapi-morph/templates/api.ts';\nexport default api;\n"],
    ["a module of the project's own", "export { helper } from './helper.ts';\n"],
  ])('a module that imports %s (jiti imports it natively, or with top-level await)', (_, source) => {
    const code = transform(source, '/p/t.ts');
    expect(code).toBe(babel(source, '/p/t.ts'));
    expect(code).toContain('jitiImport(');
  });

  it('JSX, and a run that asks for source maps (JITI_SOURCE_MAPS)', () => {
    const jsx = 'export default () => <b>x</b>;\n';
    expect(transform(jsx, '/p/t.tsx', { jsx: true })).toBe(babel(jsx, '/p/t.tsx', { jsx: true }));
    const plain = "export default { spec: 'a.yaml' };\n";
    const maps = { sourceFileName: '/p/openapi-morph.config.ts', sourceMaps: 'inline' };
    expect(transform(plain, undefined, { babel: maps })).toBe(babel(plain, undefined, { babel: maps }));
  });

  it.each([
    ['a syntax error', "export default { spec: 'a.yaml', (\n", 1],
    ['a name declared twice (sucrase does not look)', "const name = 'a';\nconst name = 'b';\nexport default { name };\n", 2],
    ['an `accessor` field (sucrase leaves it)', 'class C {\n  accessor a = 1;\n}\nexport default { a: new C().a };\n', 2],
  ])("%s gets Babel's answer: the error jiti reports, at its line", (_, source, line) => {
    const code = transform(source);
    expect(code).toBe(babel(source));
    expect(code).toMatch(new RegExp(`__JITI_ERROR__ = \\{"filename":"/p/openapi-morph\\.config\\.ts","line":${line},"column":\\d+`));
  });
});
