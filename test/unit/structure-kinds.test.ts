import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CONST_DECLARATION, STATEMENT_KIND } from '../../generator/template-api/structure-kinds.ts';

const { StructureKind, VariableDeclarationKind } = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');

describe('the structure kinds the template API writes without loading ts-morph', () => {
  it.each(Object.entries(STATEMENT_KIND))('%s is the installed ts-morph StructureKind value', (name, value) => {
    expect(value).toBe(StructureKind[name as keyof typeof StructureKind]);
  });

  it('const is the installed ts-morph VariableDeclarationKind.Const', () => {
    expect(CONST_DECLARATION).toBe(VariableDeclarationKind.Const);
  });
});
