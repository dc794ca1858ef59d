import type { StructureKind, VariableDeclarationKind } from 'ts-morph';

/**
 * ts-morph's `StructureKind` values of the statements `ctx.ts` builds and a file may hold, and its
 * `VariableDeclarationKind.Const`, as constants: building a structure, or checking a template's
 * statements, then needs no ts-morph, which loads TypeScript (9 MB) with it. A render runs the
 * templates first and loads TypeScript only for what needs the compiler (the types, printing), so
 * the markdown pages reach the format worker while it loads. `test/unit/structure-kinds.test.ts`
 * holds these equal to the installed ts-morph's.
 */
export const STATEMENT_KIND = {
  Class: 2 as StructureKind.Class,
  Enum: 8 as StructureKind.Enum,
  Function: 13 as StructureKind.Function,
  Interface: 19 as StructureKind.Interface,
  Module: 29 as StructureKind.Module,
  TypeAlias: 38 as StructureKind.TypeAlias,
  ImportDeclaration: 16 as StructureKind.ImportDeclaration,
  ExportDeclaration: 11 as StructureKind.ExportDeclaration,
  ExportAssignment: 10 as StructureKind.ExportAssignment,
  VariableStatement: 41 as StructureKind.VariableStatement,
} as const;

export const CONST_DECLARATION = 'const' as VariableDeclarationKind.Const;
