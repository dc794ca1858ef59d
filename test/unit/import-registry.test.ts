import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { codeBuilders } from '../../generator/template-api/code-builders.ts';
import { importPath, importRegistry, type ImportRegistry } from '../../generator/template-api/imports.ts';

/** The registry's declarations as ts-morph prints them. */
function printed(imports: ImportRegistry): string {
  const file = new Project({ useInMemoryFileSystem: true }).createSourceFile('x.ts', { statements: imports.declarations() });
  return file.getFullText().trim();
}

describe('import registry', () => {
  const cases: { name: string; given: (imports: ImportRegistry) => void; want: string }[] = [
    {
      name: 'a symbol used twice is imported once',
      given: (i) => {
        i.value('ApiCore', 'src/runtime/core.ts');
        i.value('ApiCore', 'src/runtime/core.ts');
      },
      want: 'import { ApiCore } from "../runtime/core.js";',
    },
    {
      name: 'a module used only for types is `import type`',
      given: (i) => {
        i.type('Pet', 'src/models.ts');
        i.type('Owner', 'src/models.ts');
      },
      want: 'import type { Owner, Pet } from "../models.js";',
    },
    {
      name: 'a value and a type from one module make one declaration with an inline `type`',
      given: (i) => {
        i.type('AuthOptions', 'src/runtime/defaults.ts');
        i.value('defaults', 'src/runtime/defaults.ts');
      },
      want: 'import { type AuthOptions, defaults } from "../runtime/defaults.js";',
    },
    {
      name: 'a symbol used as a type and as a value is a value import',
      given: (i) => {
        i.type('ApiCore', 'src/runtime/core.ts');
        i.value('ApiCore', 'src/runtime/core.ts');
        i.type('ApiCore', 'src/runtime/core.ts');
      },
      want: 'import { ApiCore } from "../runtime/core.js";',
    },
    {
      name: 'packages first, then package files, each sorted by specifier; names sorted by code unit',
      given: (i) => {
        i.type('paths', 'src/schema.ts');
        i.value('b', 'src/runtime/body.ts');
        i.value('B', 'src/runtime/body.ts');
        i.type('RequestBodyOption', 'openapi-fetch');
        i.type('Pet', 'src/models.ts');
        i.value('z', 'a-package');
        i.value('local', './local.js');
      },
      want: [
        'import { z } from "a-package";',
        'import type { RequestBodyOption } from "openapi-fetch";',
        'import type { Pet } from "../models.js";',
        'import { B, b } from "../runtime/body.js";',
        'import type { paths } from "../schema.js";',
        'import { local } from "./local.js";',
      ].join('\n'),
    },
    {
      name: 'recorded symbols (a signature\'s referenced types) are type-only',
      given: (i) => i.types([{ name: 'Pet', module: 'src/models.ts' }, { name: 'paths', module: 'src/schema.ts' }]),
      want: 'import type { Pet } from "../models.js";\nimport type { paths } from "../schema.js";',
    },
    { name: 'nothing used, nothing imported', given: () => {}, want: '' },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    const imports = importRegistry('src/apis/PetsApi.ts');
    given(imports);
    expect(printed(imports)).toBe(want);
  });

  it('returns the name to write', () => {
    const imports = importRegistry('src/a.ts');
    expect(imports.value('ApiCore', 'src/runtime/core.ts')).toBe('ApiCore');
    expect(imports.type('Pet', 'src/models.ts')).toBe('Pet');
  });

  it('refuses one name from two modules, naming the file and both modules', () => {
    const imports = importRegistry('src/apis/PetsApi.ts');
    imports.type('Status', 'src/models.ts');
    expect(() => imports.value('Status', 'src/runtime/status.ts')).toThrow(
      'src/apis/PetsApi.ts: "Status" is imported from "src/models.ts" and from "src/runtime/status.ts"; one file cannot use both under one name',
    );
    expect(() => imports.types([{ name: 'Status', module: 'openapi-fetch' }])).toThrow(/"Status" is imported from "src\/models.ts" and from "openapi-fetch"/);
    // The first use stands.
    expect(printed(imports)).toBe('import type { Status } from "../models.js";');
  });

  it.each([
    ['src/apis/A.ts', 'src/models.ts', '../models.js'],
    ['src/index.ts', 'src/models.ts', './models.js'],
    ['src/index.ts', 'src/runtime/core.ts', './runtime/core.js'],
    ['src/a.ts', 'src/b.mts', './b.mjs'],
    ['src/a.ts', 'src/b.cts', './b.cjs'],
    ['src/a.ts', 'src/c.tsx', './c.jsx'],
  ])('importPath(%s, %s) is %s', (from, to, want) => {
    expect(importPath(from, to)).toBe(want);
  });
});

describe('code builders', () => {
  const { call, construct, arrowFunction, arrayLiteral, objectLiteral, returnStatement } = codeBuilders;
  it.each([
    { name: 'call', given: call('f', ['a', 'b']), want: 'f(a, b)' },
    { name: 'call with type arguments', given: call('this.#core.call', ['x'], ['Pet', 'string']), want: 'this.#core.call<Pet, string>(x)' },
    { name: 'call without arguments, empty type arguments', given: call('f', [], []), want: 'f()' },
    { name: 'construct', given: construct('ApiCore', ['options', 'defaults'], ['paths']), want: 'new ApiCore<paths>(options, defaults)' },
    { name: 'arrow function', given: arrowFunction(['client', 'init'], 'client.GET(x)'), want: '(client, init) => client.GET(x)' },
    { name: 'array', given: arrayLiteral([arrayLiteral(['"a"', '"b"']), arrayLiteral([])]), want: '[["a", "b"], []]' },
    { name: 'empty object', given: objectLiteral([]), want: '{}' },
    {
      name: 'object: code members as they are, keys made safe',
      given: objectLiteral(['...init', 'body', ['id', 'petId'], ['Content-Type', '"a/b"'], ['__proto__', 'x'], ['a"b', '1']]),
      want: '{ ...init, body, id: petId, "Content-Type": "a/b", ["__proto__"]: x, "a\\"b": 1 }',
    },
    { name: 'return', given: returnStatement('f()'), want: 'return f();' },
    {
      name: 'multi-line: each item starts a line and ends with a comma; an item\'s own line breaks are left as they are',
      given: objectLiteral([['a', arrayLiteral(['1', '`x\ny`'], { multiline: true })], '...rest'], { multiline: true }),
      want: '{\na: [\n1,\n`x\ny`,\n],\n...rest,\n}',
    },
    { name: 'multi-line, empty', given: arrayLiteral([], { multiline: true }) + objectLiteral([], { multiline: true }), want: '[]{}' },
  ])('$name', ({ given, want }) => {
    expect(given).toBe(want);
  });
});
