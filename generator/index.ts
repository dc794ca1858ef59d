/**
 * openapi-morph's public API: the config, the template API, the model types templates receive,
 * and the pipeline for programmatic use.
 */
export { defineConfig } from './config/types.ts';
export type { UserConfig, ResolvedConfig } from './config/types.ts';
export { loadConfig } from './config/load.ts';
export { resolveConfig } from './config/resolve.ts';
export { defineTemplate, TEMPLATE_API_VERSION } from './template-api/types.ts';
export type * from './template-api/types.ts';
export type { TsHelpers, DocsInput, TypeScriptStatement } from './template-api/ts-helpers.ts';
export type { CodeBuilders, ObjectMember } from './template-api/code-builders.ts';
export type { CodeSymbol, ImportRegistry } from './template-api/imports.ts';
/** ts-morph's structure types, for templates that build or decorate TypeScript (ts-morph is pinned by openapi-morph). */
export type {
  ClassDeclarationStructure,
  ExportDeclarationStructure,
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  InterfaceDeclarationStructure,
  MethodDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
  VariableStatementStructure,
  WriterFunction,
} from 'ts-morph';
export type { MarkdownHelpers } from './template-api/markdown-helpers.ts';
export type { EscapeHelpers } from './escape/index.ts';
export { escape } from './escape/index.ts';
export type * from './model/types.ts';
export type { NamingResolver } from './naming/resolver.ts';
export { defaultNaming } from './naming/resolver.ts';
export { camelCase, pascalCase, splitWords } from './naming/words.ts';
export type { OperationFilter, Selection } from './select/filters.ts';
export type { Diagnostic, SourceLocation } from './diagnostics/diagnostic.ts';
export { MorphError } from './diagnostics/diagnostic.ts';
export { render } from './pipeline.ts';
export { generate, check } from './generate.ts';
export { sync } from './sync/index.ts';
export type { SyncReport, SourceOptions } from './sync/index.ts';
export type { MethodSignature, MethodParameter } from './template-api/signature.ts';
/** How a body of a media type travels (`json`, `multipart`, `form`, `text`, `binary`): the rule method signatures use. */
export { bodyKind, type BodyKind } from './template-api/media.ts';
