import type {
  Scope,
  StructureKind,
  VariableDeclarationKind,
  ClassDeclarationStructure,
  ExportDeclarationStructure,
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  ImportSpecifierStructure,
  InterfaceDeclarationStructure,
  JSDocStructure,
  JSDocTagStructure,
  OptionalKind,
  StatementStructures,
  TypeAliasDeclarationStructure,
  VariableStatementStructure,
  WriterFunction,
} from 'ts-morph';
import { jsdocText } from '../escape/jsdoc.ts';
import { tsMorph } from '../heavy.ts';
import { literalType } from '../escape/literal.ts';
import { typePropertyKey } from '../escape/property-key.ts';
import type { SchemaNode } from '../model/types.ts';
import { codeBuilders, type CodeBuilders } from './code-builders.ts';
import { importRegistry, type ImportRegistry } from './imports.ts';
import { CONST_DECLARATION, STATEMENT_KIND } from './structure-kinds.ts';

/** One statement of a TypeScript file: a ts-morph structure, a writer function, or code. */
export type TypeScriptStatement = string | WriterFunction | StatementStructures;

export interface DocsInput {
  readonly summary?: string | undefined;
  readonly description?: string | undefined;
  /** `true`, or the reason. */
  readonly deprecated?: boolean | string | undefined;
  readonly params?: readonly { readonly name: string; readonly text: string }[];
  readonly returns?: string;
  readonly throws?: readonly string[];
  /** Further tags (`{ tagName: 'see', text: '...' }`); text is escaped like the rest. */
  readonly tags?: readonly { readonly tagName: string; readonly text?: string }[];
}

/**
 * Helpers for TypeScript output. `docs` is the only way to put prose into a JSDoc comment (it
 * escapes); `schemaType` writes the TypeScript type of a model schema node; the code builders
 * (`call`, `objectLiteral`, ...) write the expressions inside declarations, and `imports(path)`
 * the import declarations that follow from the symbols the code uses.
 */
export interface TsHelpers extends CodeBuilders {
  docs(input: DocsInput): OptionalKind<JSDocStructure>[];
  schemaType(node: SchemaNode): string;
  /** `import { a, type B } from "spec"` (all type-only with `{ typeOnly: true }`). */
  importFrom(moduleSpecifier: string, names: readonly (string | OptionalKind<ImportSpecifierStructure>)[], options?: { typeOnly?: boolean }): ImportDeclarationStructure;
  /**
   * The import registry of the file at `path` (from the package root): record each symbol where the
   * code uses it (`imports.value('ApiCore', 'src/runtime/core.ts')`), then put
   * `imports.declarations()` first in the file's statements.
   */
  imports(path: string): ImportRegistry;
  /** `export { a } from "spec"` (type-only with `{ typeOnly: true }`). */
  exportFrom(moduleSpecifier: string, names: readonly string[], options?: { typeOnly?: boolean }): ExportDeclarationStructure;
  typeAlias(structure: OptionalKind<TypeAliasDeclarationStructure>): TypeAliasDeclarationStructure;
  interfaceDeclaration(structure: OptionalKind<InterfaceDeclarationStructure>): InterfaceDeclarationStructure;
  classDeclaration(structure: OptionalKind<ClassDeclarationStructure>): ClassDeclarationStructure;
  functionDeclaration(structure: OptionalKind<FunctionDeclarationStructure>): FunctionDeclarationStructure;
  /** `export const name: type = initializer;` (`initializer` is code: build it with the escape helpers). */
  constDeclaration(input: { name: string; initializer: string; type?: string; exported?: boolean; docs?: OptionalKind<JSDocStructure>[] }): VariableStatementStructure;
  /**
   * A file's statements as a list (a lone string or writer function becomes a one-item list), for a
   * template that decorates what `ctx.renderDefault()` returned.
   */
  statementList(statements: string | WriterFunction | readonly TypeScriptStatement[]): readonly TypeScriptStatement[];
  /** Narrows a statement to a structure of one kind: `ts.isStructure(s, ts.StructureKind.Class)`. */
  isStructure<K extends StatementStructures['kind']>(statement: TypeScriptStatement, kind: K): statement is Extract<StatementStructures, { kind: K }>;
  readonly StructureKind: typeof StructureKind;
  readonly VariableDeclarationKind: typeof VariableDeclarationKind;
  readonly Scope: typeof Scope;
}

function docs(input: DocsInput): OptionalKind<JSDocStructure>[] {
  const text = [input.summary, input.description]
    .filter((part): part is string => part !== undefined && part.trim() !== '')
    .map(jsdocText)
    .filter((part, index, all) => all.indexOf(part) === index)
    .join('\n\n');
  const tags: OptionalKind<JSDocTagStructure>[] = [];
  for (const param of input.params ?? []) tags.push({ tagName: 'param', text: `${param.name} ${jsdocText(param.text)}`.trim() });
  if (input.returns !== undefined) tags.push({ tagName: 'returns', text: jsdocText(input.returns) });
  for (const thrown of input.throws ?? []) tags.push({ tagName: 'throws', text: jsdocText(thrown) });
  if (input.deprecated) tags.push({ tagName: 'deprecated', ...(typeof input.deprecated === 'string' ? { text: jsdocText(input.deprecated) } : {}) });
  for (const tag of input.tags ?? []) {
    tags.push({ tagName: tag.tagName.replace(/[^A-Za-z]/g, ''), ...(tag.text !== undefined ? { text: jsdocText(tag.text) } : {}) });
  }
  if (text === '' && tags.length === 0) return [];
  return [{ ...(text !== '' ? { description: text } : {}), tags }];
}

/**
 * The TypeScript type of a schema node, in the same terms as openapi-typescript. `onRef` hears the
 * type name of every named schema the type refers to (what a file using it must import).
 */
export function schemaType(node: SchemaNode, onRef: (typeName: string) => void = () => {}): string {
  const base = shapeType(node, onRef);
  return node.nullable && node.kind !== 'null' ? `${wrap(base)} | null` : base;
}

function shapeType(node: SchemaNode, onRef: (typeName: string) => void): string {
  const type = (child: SchemaNode) => schemaType(child, onRef);
  switch (node.kind) {
    case 'ref':
      onRef(node.typeName);
      return node.typeName;
    case 'string':
    case 'number':
    case 'integer':
      if (node.const !== undefined) return literalType(node.const);
      if (node.enum && node.enum.length > 0) return node.enum.map(literalType).join(' | ');
      if (node.kind === 'string') return node.format === 'binary' ? 'Blob' : 'string';
      return 'number';
    case 'boolean':
      return node.const !== undefined ? String(node.const) : 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return node.prefixItems ? `[${node.prefixItems.map(type).join(', ')}]` : `${wrap(type(node.items))}[]`;
    case 'object': {
      const members = node.properties.map((p) => `${typePropertyKey(p.name)}${p.required ? '' : '?'}: ${type(p.schema)};`);
      if (typeof node.additionalProperties === 'object') members.push(`[key: string]: ${type(node.additionalProperties)};`);
      if (members.length === 0) return node.additionalProperties === false ? 'Record<string, never>' : 'Record<string, unknown>';
      return `{ ${members.join(' ')} }`;
    }
    case 'union': {
      // An open enum (a plain string plus known values): `string | "a"` would collapse to `string`.
      if (node.openEnum) return ['(string & {})', ...node.variants.filter((v) => v.kind === 'string' && (v.enum !== undefined || v.const !== undefined)).map(type)].join(' | ');
      return node.variants.map((v) => wrap(type(v))).join(' | ');
    }
    case 'intersection':
      return node.parts.map((p) => wrap(type(p))).join(' & ');
    case 'enum':
      return node.values
        .filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v))
        .map(literalType)
        .join(' | ');
    case 'unknown':
      return 'unknown';
  }
}

function wrap(type: string): string {
  return /^[\w$."-]+(\[\])*$/.test(type) || /^\{.*\}$/.test(type) ? type : `(${type})`;
}

const helpers: TsHelpers = {
  ...codeBuilders,
  docs,
  imports: importRegistry,
  schemaType: (node) => schemaType(node),
  importFrom: (moduleSpecifier, names, options) => ({
    kind: STATEMENT_KIND.ImportDeclaration,
    moduleSpecifier,
    namedImports: [...names],
    ...(options?.typeOnly ? { isTypeOnly: true } : {}),
  }),
  exportFrom: (moduleSpecifier, names, options) => ({
    kind: STATEMENT_KIND.ExportDeclaration,
    moduleSpecifier,
    namedExports: [...names],
    ...(options?.typeOnly ? { isTypeOnly: true } : {}),
  }),
  typeAlias: (structure) => ({ ...structure, kind: STATEMENT_KIND.TypeAlias }),
  interfaceDeclaration: (structure) => ({ ...structure, kind: STATEMENT_KIND.Interface }),
  classDeclaration: (structure) => ({ ...structure, kind: STATEMENT_KIND.Class }),
  functionDeclaration: (structure) => ({ ...structure, kind: STATEMENT_KIND.Function }),
  constDeclaration: (input) => ({
    kind: STATEMENT_KIND.VariableStatement,
    declarationKind: CONST_DECLARATION,
    isExported: input.exported ?? true,
    ...(input.docs ? { docs: input.docs } : {}),
    declarations: [{ name: input.name, initializer: input.initializer, ...(input.type ? { type: input.type } : {}) }],
  }),
  statementList: (statements) => (Array.isArray(statements) ? statements : [statements as string | WriterFunction]),
  isStructure: <K extends StatementStructures['kind']>(statement: TypeScriptStatement, kind: K): statement is Extract<StatementStructures, { kind: K }> =>
    typeof statement === 'object' && statement !== null && statement.kind === kind,
  // ts-morph's enums, read when a template uses them (ts-morph loads on first use; see heavy.ts).
  get StructureKind() {
    return tsMorph().StructureKind;
  },
  get VariableDeclarationKind() {
    return tsMorph().VariableDeclarationKind;
  },
  get Scope() {
    return tsMorph().Scope;
  },
};

export const tsHelpers: TsHelpers = Object.freeze(helpers);
