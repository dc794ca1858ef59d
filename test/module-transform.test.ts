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
