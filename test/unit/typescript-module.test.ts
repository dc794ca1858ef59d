/**
 * A large module's parse is given twice, once to the print stage's syntax check and once to the
 * format stage's chunk plan (typescript-module.ts); a small one's, and a third ask, parse again.
 */
import { describe, expect, it } from 'vitest';
import { letParseGo, parseModule } from '../../generator/typescript-module.ts';

const large = (tag: string) => `${Array.from({ length: 6_000 }, (_, i) => `export type ${tag}${i} = { a: ${i}; b: "${'x'.repeat(40)}" };`).join('\n')}\n`;

describe('parseModule', () => {
  it('gives the parse of a large text once more for the same text, then parses again', () => {
    const text = large('A');
    const first = parseModule(text);
    expect(first.statements).toHaveLength(6_000);
    // An equal text, not the same string: the print stage and the format stage each hold their own.
    expect(parseModule(text.slice(0, -1) + '\n')).toBe(first);
    expect(parseModule(text)).not.toBe(first);
  });

  it('parses again for another text, and for a small one', () => {
    const a = large('A');
    const first = parseModule(a);
    expect(parseModule(large('B'))).not.toBe(first);
    expect(parseModule(a)).not.toBe(first);
    const small = 'export const a = 1;\n';
    const parsed = parseModule(small);
    expect(parseModule(small)).not.toBe(parsed);
  });

  it('lets the kept parse go when told', () => {
    const text = large('C');
    const first = parseModule(text);
    letParseGo();
    expect(parseModule(text)).not.toBe(first);
  });

  it('reports syntax errors as TypeScript does, with ES2022 rules', () => {
    const diagnostics = (text: string) => (parseModule(text) as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics.length;
    expect(diagnostics('export const = 1;\n')).toBeGreaterThan(0);
    expect(diagnostics('export const a: number = 1;\n')).toBe(0);
  });

  it('does not parse JSDoc (its syntax is no part of the file\'s): a broken tag is no error, and no node carries JSDoc', () => {
    const source = parseModule('/** @param {string */\nexport const a = 1;\n');
    expect((source as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics).toHaveLength(0);
    expect((source.statements[0] as unknown as { jsDoc?: unknown }).jsDoc).toBeUndefined();
  });
});
