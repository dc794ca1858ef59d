import type { SourceFileStructure } from 'ts-morph';
import type { ResolvedClientConfig } from '../config/client.ts';
import type { EscapeHelpers } from '../escape/index.ts';
import type { ApiModel, OperationModel, SchemaModel, SchemaNode, TagModel } from '../model/types.ts';
import type { NamingResolver } from '../naming/resolver.ts';
import type { MarkdownHelpers } from './markdown-helpers.ts';
import type { MethodSignature } from './signature.ts';
import type { TsHelpers } from './ts-helpers.ts';
import type { Release } from '../releases.ts';

export type { Release, ReleaseChange } from '../releases.ts';

/**
 * The template API, version 1. A template is a typed function for one output concept. Breaking
 * changes to anything exported from this file (or to the model types it hands out) bump the
 * version; `test/template-api-compat.test.ts` snapshots the public types so that an accidental
 * change fails CI. Versioning policy: templates/README.md.
 */
export const TEMPLATE_API_VERSION = 1 as const;

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** TypeScript statements: ts-morph structures for declarations, writer functions or constant code for bodies. */
export type TypeScriptStatements = NonNullable<SourceFileStructure['statements']>;

/**
 * One output file, path relative to the package root with `/` separators. The pipeline adds the
 * do-not-edit header and formats it with prettier; templates never do either.
 */
export type TemplateFile =
  | { readonly kind: 'typescript'; readonly path: string; readonly statements: TypeScriptStatements }
  | { readonly kind: 'text'; readonly path: string; readonly content: string }
  | { readonly kind: 'json'; readonly path: string; readonly value: JsonValue };

/**
 * What `render` returns for one node. `undefined`: nothing from this template here, or, from a
 * team template that replaces a default, "use the default for this node". `[]`: no file for this
 * node, also from an override (it suppresses the default).
 */
export type TemplateResult = TemplateFile | readonly TemplateFile[] | undefined;

/** What the config resolved, as templates need it. */
export interface TemplateOptions {
  readonly package: {
    readonly name: string;
    readonly version: string;
    readonly description: string;
    readonly license: string;
    /** Environment variable the client reads the API key from when none is given. */
    readonly apiKeyEnv: string | undefined;
    readonly releases: readonly Release[];
  };
  /** The client runtime's settings from the config's `client` (resolved). */
  readonly client: ResolvedClientConfig;
  readonly toolkit: { readonly name: string; readonly version: string };
  /** Versions the generated package depends on, keyed by package name (e.g. `openapi-fetch`). */
  readonly dependencies: Readonly<Record<string, string>>;
}

export interface TemplateContext {
  readonly apiVersion: typeof TEMPLATE_API_VERSION;
  readonly model: ApiModel;
  readonly naming: NamingResolver;
  readonly options: TemplateOptions;
  /** The only way spec strings may reach output. */
  readonly escape: EscapeHelpers;
  readonly ts: TsHelpers;
  readonly md: MarkdownHelpers;
  /**
   * openapi-typescript's declarations (`paths`, `components`, `operations`) for the selected subset,
   * made when a template first reads them (they need TypeScript's compiler, which loads in ~0.3 s).
   */
  readonly openapiTypes: string;
  /**
   * How an operation becomes a method: arguments, return type, the openapi-typescript types to use.
   * Frozen, as the model is, and the same object for the same operation in every template of a render.
   */
  signature(operation: OperationModel): MethodSignature;
  /** A small value that fits a schema, for code examples (render it with `escape.jsonLiteral`); frozen, the same for the same node. */
  example(node: SchemaNode): unknown;
  /**
   * The same example as a method's argument in TypeScript code: `format: binary` values as
   * `new Blob([...])`, and without the properties marked `readOnly`, which a request does not send
   * (see `readWriteMarked`).
   */
  exampleCode(node: SchemaNode): string;
  /**
   * Whether a schema's types hold openapi-typescript's read/write markers: it reaches a property
   * marked `readOnly` or `writeOnly` (not both) at any depth, through `$ref`s. Such a type is read
   * through a view, both declared by `src/schema.ts`: `Readable<T>` for what a response holds
   * (writeOnly properties left out), `Writable<T>` for what a request sends (readOnly ones left
   * out). The default models template declares a marked schema's type as its `Readable` view, and
   * `signature` types bodies and results so.
   */
  readWriteMarked(node: SchemaNode): boolean;
  /** Relative module specifier from one package file to another: `importPath('src/apis/A.ts', 'src/models.ts')` is `'../models.js'`. */
  importPath(from: string, to: string): string;
  /** Relative link from one package file to another: `linkPath('docs/A.md', 'README.md')` is `'../README.md'`. */
  linkPath(from: string, to: string): string;
  /**
   * The files the default template of the same name renders for the node being rendered, for a
   * team template that decorates the default instead of replacing it (add a statement, a JSON
   * member). `[]` when there is no default of that name, or it emits nothing here. The files are
   * fresh objects on every call; change copies, not the model.
   */
  renderDefault(): readonly TemplateFile[];
}

interface TemplateBase {
  readonly apiVersion: typeof TEMPLATE_API_VERSION;
  /** Unique; a team template with the same name replaces the default one. Must equal its file name. */
  readonly name: string;
  /** What it emits, one line (shown by `openapi-morph templates list`). */
  readonly description: string;
}

/** Runs once. */
export interface DocumentTemplate extends TemplateBase {
  readonly scope: 'document';
  render(ctx: TemplateContext): TemplateResult;
}

/** Runs once per tag (one API class each). */
export interface TagTemplate extends TemplateBase {
  readonly scope: 'tag';
  render(ctx: TemplateContext, tag: TagModel): TemplateResult;
}

/** Runs once per named component schema. */
export interface SchemaTemplate extends TemplateBase {
  readonly scope: 'schema';
  render(ctx: TemplateContext, schema: SchemaModel): TemplateResult;
}

export type Template = DocumentTemplate | TagTemplate | SchemaTemplate;

/** Declares a template; the identity function, there for type checking and editor help. */
export function defineTemplate(template: DocumentTemplate): DocumentTemplate;
export function defineTemplate(template: TagTemplate): TagTemplate;
export function defineTemplate(template: SchemaTemplate): SchemaTemplate;
export function defineTemplate(template: Template): Template {
  return template;
}
