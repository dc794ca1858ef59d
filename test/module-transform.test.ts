import { createRequire, isBuiltin } from 'node:module';
import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { moduleTransform } from '../generator/module-transform.ts';

const builtin = createRequire(import.meta.url);

/** Runs transformed CommonJS as jiti does (a function of `exports` and `require`), with `openapi-morph` resolved to a `defineConfig` that marks what it got, and Node's builtins. */
function evaluate(code: string): unknown {
  const module = { exports: {} as Record<string, unknown> };
  const require = (id: string): unknown => {
    if (id === 'openapi-morph') return { defineConfig: (c: unknown) => ({ defined: c }) };
    if (isBuiltin(id)) return builtin(id);
    throw new Error(`unexpected require(${id})`);
  };
  runInThisContext(`(function (exports, require, module) { ${code}\n})`)(module.exports, require, module);
  return module.exports.default ?? module.exports;
}

/** As `evaluate`, for Babel's output in jiti's async mode: an async function, with `jitiImport` for what it imports. */
async function evaluateAsync(code: string): Promise<unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const jitiImport = async (id: string): Promise<unknown> => {
    throw new Error(`unexpected import(${id})`);
  };
  await runInThisContext(`(async function (exports, require, module, jitiImport) { ${code}\n})`)(module.exports, builtin, module, jitiImport);
  return module.exports.default;
}

const transform = (source: string, filename: string, extra: { ts?: boolean; jsx?: boolean } = {}) =>
  moduleTransform({ source, filename, ts: extra.ts ?? /\.[cm]?ts$/.test(filename), async: true, ...(extra.jsx ? { jsx: true } : {}) });

describe('moduleTransform: how a config or a team template becomes CommonJS', () => {
  it('TypeScript (an enum, a type-only import, `satisfies`, a cast) runs with its values; types leave nothing behind', () => {
    const source = [
      "import type { Config } from 'openapi-morph';",
      "import { defineConfig } from 'openapi-morph';",
      "enum Names { Client = 'enum-client' }",
      'const size: number = 2 as number;',
      "export default defineConfig({ spec: 'a.yaml', package: { name: Names.Client }, size } satisfies Partial<Config> & { size: number });",
    ].join('\n');
    const { code } = transform(source, '/p/openapi-morph.config.ts');
    expect(evaluate(code)).toStrictEqual({ defined: { spec: 'a.yaml', package: { name: 'enum-client' }, size: 2 } });
    expect(code).not.toMatch(/\bConfig\b|: number|satisfies/);
  });

  it("imports of the toolkit and Node's builtins are required in place (sucrase); Babel would have awaited each through jiti", () => {
    const source = "import { join } from 'node:path';\nimport { sep } from 'path';\nimport { defineConfig } from 'openapi-morph';\nexport default defineConfig({ spec: join('specs', 'a.yaml').split(sep).join('/') });\n";
    const { code } = transform(source, '/p/openapi-morph.config.mts');
    expect(code).not.toContain('jitiImport');
    expect(evaluate(code)).toStrictEqual({ defined: { spec: 'specs/a.yaml' } });
  });

  it.each([
    ['a package', "import { z } from 'zod';\nexport default { z };\n"],
    ["the toolkit's template modules (an ejected template)", "import { api } from 'openapi-morph/templates/api.ts';\nexport default api;\n"],
    ["a module of the project's own", "export { helper } from './helper.ts';\n"],
  ])('a module that imports %s goes to Babel, which awaits it through jiti (native import of a package, top-level await in a module of its own)', (_, source) => {
    expect(transform(source, '/p/t.ts').code).toContain('jitiImport(');
  });

  it("keeps the source's line numbers (a runtime error in a config points at its own line)", () => {
    const source = "import { defineConfig } from 'openapi-morph';\n\n\nthrow new Error('line 4');\n";
    const { code } = transform(source, '/p/openapi-morph.config.mjs');
    const lines = code.split('\n');
    expect(lines.findIndex((l) => l.includes("'line 4'"))).toBe(3);
  });

  it("`import.meta` goes to jiti's Babel transform, which gives the module its own file URL", () => {
    const { code } = transform('export default { url: import.meta.url };\n', '/p/openapi-morph.config.mjs');
    expect(evaluate(code)).toStrictEqual({ url: 'file:///p/openapi-morph.config.mjs' });
  });

  it.each([
    ['a namespace that holds values (sucrase would drop it)', 'namespace N { export const a = 1; }\nexport default { a: N.a };\n', { a: 1 }],
    ["a legacy `module` block", 'module M { export const a = 2; }\nexport default { a: M.a };\n', { a: 2 }],
    ['an enum merged with a namespace', 'enum E { A = 1 }\nnamespace E { export const B = 2; }\nexport default { a: E.A, b: (E as any).B };\n', { a: 1, b: 2 }],
    ['a decorator on a line of its own', 'function d(t: unknown) { return t; }\n@d\nclass K {}\nexport default { k: typeof K };\n', { k: 'function' }],
    ['a decorator before `class`', 'function d(t: unknown) { return t; }\n@d class K {}\nexport default { k: typeof K };\n', { k: 'function' }],
    ['a parameter decorator (sucrase would drop it, silently)', 'const seen: number[] = [];\nfunction inj() { return (_t: unknown, _k: unknown, i: number) => { seen.push(i); }; }\nclass S { constructor(@inj() x: number) {} }\nexport default { seen };\n', { seen: [0] }],
    ['a member decorator on a line of its own', 'const seen: string[] = [];\nfunction d(_t: unknown, k: string) { seen.push(k); }\nclass C {\n  @d\n  m() {}\n}\nexport default { seen };\n', { seen: ['m'] }],
  ])('%s goes to Babel, which runs it', async (_, source, want) => {
    const { code } = transform(source, '/p/openapi-morph.config.ts');
    expect(await evaluateAsync(code)).toStrictEqual(want);
  });

  it("an `accessor` field goes to Babel, whose answer is the located error jiti reports (sucrase would leave it to fail unlocated)", () => {
    const { code } = transform('class C { accessor a = 1; }\nexport default { a: new C().a };\n', '/p/openapi-morph.config.ts');
    expect(code).toMatch(/__JITI_ERROR__.*"line":1/);
  });

  it.each([
    ['a JSDoc type tag', "/** @type {import('openapi-morph').Config} */\nexport default { spec: 'a.yaml' };\n"],
    ['a scoped package name', "export default { spec: 'a.yaml', package: { name: '@acme/client' } };\n"],
    ['an e-mail address', "export default { spec: 'a.yaml', author: 'team@acme.example' };\n"],
  ])('%s is no reason for Babel: sucrase requires in place', (_, source) => {
    const { code } = transform(source, '/p/openapi-morph.config.mjs');
    // Babel's preamble for a default export; sucrase writes none.
    expect(code).not.toContain('exports.default = void 0');
    expect(evaluate(code)).toMatchObject({ spec: 'a.yaml' });
  });

  it('a dynamic `import()` goes to Babel too, which routes it through jiti', () => {
    const { code } = transform("export default async () => import('./other.ts');\n", '/p/t.ts');
    expect(code).toContain('jitiImport(');
  });

  it("source sucrase refuses gets Babel's answer: the located syntax error jiti reports", () => {
    const { code } = transform("export default { spec: 'a.yaml', (\n", '/p/openapi-morph.config.ts');
    expect(code).toContain('__JITI_ERROR__');
    expect(code).toMatch(/"filename":"\/p\/openapi-morph\.config\.ts","line":1,"column":\d+/);
  });

  it('JSX goes to Babel', () => {
    const { code } = transform('export default () => <b>x</b>;\n', '/p/t.tsx', { ts: true, jsx: true });
    expect(code).not.toContain('<b>');
    expect(code).not.toContain('__JITI_ERROR__');
  });
});
