/**
 * openapi-morph's public API: the config, the template API, the model types templates receive,
 * and the pipeline for programmatic use.
 */
import type * as generating from './generate.ts';
import type * as pipeline from './pipeline.ts';
import type * as syncing from './sync/index.ts';

export { defineConfig } from './config/types.ts';
export type { UserConfig, ResolvedConfig } from './config/types.ts';
export { loadConfig } from './config/load.ts';
export { resolveConfig } from './config/resolve.ts';
export { defineTemplate, TEMPLATE_API_VERSION } from './template-api/types.ts';
export type * from './template-api/types.ts';
export type { TsHelpers, DocsInput, TypeScriptStatement } from './template-api/ts-helpers.ts';
export type { CodeBuilders, LiteralLayout, ObjectMember } from './template-api/code-builders.ts';
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
/*
 * The pipeline for programmatic use, each loaded on its first call: a config or a team template
 * imports `defineConfig` or `defineTemplate` from here, and must not load every render stage with
 * it (a no-op `check` loads the config and nothing of the render).
 */
export const render: typeof pipeline.render = async (...args) => (await import('./pipeline.ts')).render(...args);
export const generate: typeof generating.generate = async (...args) => (await import('./generate.ts')).generate(...args);
export const check: typeof generating.check = async (...args) => (await import('./generate.ts')).check(...args);
export const sync: typeof syncing.sync = async (...args) => (await import('./sync/index.ts')).sync(...args);
export type { SyncReport, SourceOptions } from './sync/index.ts';
export type { MethodSignature, MethodParameter } from './template-api/signature.ts';
/** How a body of a media type travels (`json`, `multipart`, `form`, `text`, `binary`): the rule method signatures use. */
export { bodyKind, readKind, typedByOpenapiFetch, type BodyKind, type ReadKind } from './template-api/media.ts';
export { defaultBaseUrlOf } from './openapi/default-base-url.ts';
