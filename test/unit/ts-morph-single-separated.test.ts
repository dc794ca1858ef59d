/**
 * ts-morph prints a comma-separated list of one structure without scanning it for a comma's place
 * (generator/ts-morph-single-separated.ts): the installed module, edited, keeps its lines and prints
 * every list (one structure, several, text that ends in a comment or a comma) as the unedited one
 * does; a text whose function is written otherwise is left as it is.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { tsMorph } from '../../generator/heavy.ts';
import { singleStructureUnscanned } from '../../generator/ts-morph-single-separated.ts';

// Loaded once through the toolkit first: its `@ts-morph/common` then runs on the one TypeScript install.
tsMorph();
const file = createRequire(import.meta.url).resolve('ts-morph');
const installed = readFileSync(file, 'utf8');

/** ts-morph compiled from `text`, requiring its dependencies next to the installed file. */
function tsMorphFrom(text: string): typeof import('ts-morph') {
  const module = { exports: {} };
  new Function('exports', 'require', 'module', '__filename', text)(module.exports, createRequire(file), module, file);
  return module.exports as typeof import('ts-morph');
}

/** Statements whose printing goes through comma-separated lists of one and of several structures. */
function statements({ StructureKind, VariableDeclarationKind }: typeof import('ts-morph')): import('ts-morph').StatementStructures[] {
  const variable = (declarations: [string, string | undefined][]): import('ts-morph').VariableStatementStructure => ({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: declarations.map(([name, initializer]) => ({ name, initializer, ...(initializer === undefined ? { type: 'string' } : {}) })),
  });
  return [
    variable([['a', '{ b: 1 } // after']]),
    variable([['c', '[1, 2,]']]),
    variable([['d', '`x${"}"}` /* after */']]),
    variable([['e', undefined]]),
    variable([['f', '1 // one'], ['g', '2']]),
    variable([['h', '1'], ['i', '[3,]'], ['j', '4 /* four */']]),
    variable([['k', '{}'], ['l', '5,']]),
    {
      kind: StructureKind.Function,
      name: 'one',
      typeParameters: ['T'],
      parameters: [{ name: 'a', type: 'T /* t */' }],
      statements: ['return a;'],
    },
    {
      kind: StructureKind.Function,
      name: 'two',
      typeParameters: ['T', { name: 'U', constraint: 'string // u' }],
      parameters: [{ name: 'a', type: 'T' }, { name: 'b', type: 'U', initializer: '"b" /* b */' }],
    },
  ];
}

function printed(morph: typeof import('ts-morph')): string {
  const project = new morph.Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  return project.createSourceFile('/a.ts', { statements: statements(morph) }).getFullText();
}

describe('singleStructureUnscanned on the installed ts-morph', () => {
  const edited = singleStructureUnscanned(installed);

  it('prints a list of one structure on its own, the module\'s lines kept where they were', () => {
    const lines = installed.split('\n');
    const changed = edited.split('\n').filter((line, i) => line !== lines[i]);
    expect(edited.split('\n')).toHaveLength(lines.length);
    expect(changed).toStrictEqual(['    else if (structures.length === 1) printer.printText(writer, structures[0]); else {']);
  });

  it('prints every list as the unedited module does', () => {
    const before = printed(tsMorphFrom(installed));
    expect(before).toContain('const a = { b: 1 } // after;');
    expect(before).toContain('const h = 1, i = [3,], j = 4 /* four */;');
    // ts-morph's own rule, kept: no comma before a last structure that ends in one.
    expect(before).toContain('const k = {} l = 5,;');
    expect(printed(tsMorphFrom(edited))).toBe(before);
  });

  it('leaves a text without the function as 28.0 writes it alone', () => {
    const other = installed.replace('const commaAppendPositions = new Array(structures.length);', 'const commaAppendPositions = [];');
    expect(singleStructureUnscanned(other)).toBe(other);
    expect(singleStructureUnscanned('function printTextWithSeparator() {}')).toBe('function printTextWithSeparator() {}');
  });
});
