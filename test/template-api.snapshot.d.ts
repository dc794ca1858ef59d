// generator/config/client.ts
export interface UserClientConfig {
    readonly authEnv?: Readonly<Record<string, string>>;
    readonly browserKeyPrefixes?: readonly string[];
    readonly retryCountHeader?: string | false;
    readonly idempotencyHeader?: string | false;
    readonly headersInBrowser?: boolean;
}
export interface ResolvedClientConfig {
    readonly authEnv: Readonly<Record<string, string>>;
    readonly browserKeyPrefixes: readonly string[] | undefined;
    readonly retryCountHeader: string | undefined;
    readonly idempotencyHeader: string | undefined;
    readonly headersInBrowser: boolean;
}

// generator/config/types.ts
export interface UserConfig {
    readonly spec: string;
    readonly select?: 'all' | {
        readonly include: 'all' | readonly OperationFilter[];
        readonly exclude?: readonly OperationFilter[];
    };
    readonly output?: {
        readonly dir?: string;
        readonly preserve?: readonly string[];
        readonly banner?: string | readonly string[];
        readonly format?: boolean;
    };
    readonly package?: {
        readonly name?: string;
        readonly description?: string;
        readonly license?: string;
        readonly apiKeyEnv?: string;
        readonly releases?: string;
    };
    readonly client?: UserClientConfig;
    readonly overlays?: readonly string[];
    readonly templates?: {
        readonly dir: string;
        readonly strict?: boolean;
    };
    readonly typecheck?: 'auto' | 'always' | 'never';
    readonly naming?: Partial<NamingResolver>;
    readonly limits?: Partial<Limits>;
    readonly refs?: RefPolicy;
}
export declare function defineConfig(config: UserConfig): UserConfig;

// generator/escape/index.ts
export declare const escape: Readonly<{
    identifier: (text: string, fallback?: string) => string;
    stringLiteral: typeof stringLiteral;
    jsonText: typeof jsonText;
    jsonLiteral: typeof jsonLiteral;
    literalType: typeof literalType;
    typePropertyKey: typeof typePropertyKey;
    valuePropertyKey: typeof valuePropertyKey;
    templateLiteralText: typeof templateLiteralText;
    jsdocText: typeof jsdocText;
    markdownText: typeof markdownText;
    markdownCell: typeof markdownCell;
    markdownCode: typeof markdownCode;
    markdownAnchor: typeof markdownAnchor;
}>;
export type EscapeHelpers = typeof escape;

// generator/escape/jsdoc.ts
export declare function jsdocText(text: string): string;

// generator/escape/literal.ts
export declare function jsonLiteral(value: unknown): string;
export declare function literalType(value: string | number | boolean | null): string;

// generator/escape/markdown.ts
export declare function markdownText(text: string): string;
export declare function markdownCell(text: string): string;
export declare function markdownCode(text: string): string;
export declare function markdownAnchor(text: string): string;

// generator/escape/property-key.ts
export declare function typePropertyKey(name: string): string;
export declare function valuePropertyKey(name: string): string;

// generator/escape/string-literal.ts
export declare function stringLiteral(value: string): string;
export declare function jsonText(value: unknown, indent?: number): string;

// generator/escape/template-literal.ts
export declare function templateLiteralText(text: string): string;

// generator/load/limits.ts
export interface Limits {
    readonly maxBytes: number;
    readonly maxDepth: number;
    readonly maxAliasNodes: number;
    readonly maxEnumValues: number;
    readonly fetchTimeoutMs: number;
    readonly maxOperations: number;
    readonly maxSchemas: number;
}

// generator/load/ref-policy.ts
export type RefPolicy = {
    readonly external: false;
} | {
    readonly external: true;
    readonly allowHosts?: readonly string[];
};

// generator/model/types.ts
export interface ApiModel {
    readonly info: InfoModel;
    readonly servers: readonly ServerModel[];
    readonly tags: readonly TagModel[];
    readonly schemas: readonly SchemaModel[];
    readonly securitySchemes: readonly SecuritySchemeModel[];
    readonly source: SourceModel;
    readonly renames: readonly RenameModel[];
}
export interface SourceModel {
    readonly name: string;
    readonly sha256: string;
    readonly openapi: string;
}
export interface InfoModel {
    readonly title: string;
    readonly version: string;
    readonly summary?: string;
    readonly description?: string;
    readonly license?: {
        readonly name: string;
        readonly url?: string;
        readonly identifier?: string;
    };
}
export interface ServerModel {
    readonly url: string;
    readonly description?: string;
    readonly defaultUrl?: string;
    readonly variables?: readonly ServerVariableModel[];
}
export interface ServerVariableModel {
    readonly name: string;
    readonly default: string;
    readonly enum?: readonly string[];
    readonly description?: string;
}
export interface TagModel {
    readonly name: string;
    readonly description?: string;
    readonly className: string;
    readonly operations: readonly OperationModel[];
}
export interface OperationModel {
    readonly operationId: string;
    readonly methodName: string;
    readonly method: HttpMethod;
    readonly path: string;
    readonly pointer: string;
    readonly summary?: string;
    readonly description?: string;
    readonly deprecated: boolean;
    readonly tags: readonly string[];
    readonly parameters: ParametersModel;
    readonly accept?: string;
    readonly requestBody?: RequestBodyModel;
    readonly responses: readonly ResponseModel[];
    readonly security: readonly SecurityRequirementModel[];
    readonly servers?: readonly ServerModel[];
}
export interface ParametersModel {
    readonly path: readonly ParameterModel[];
    readonly query: readonly ParameterModel[];
    readonly header: readonly ParameterModel[];
    readonly cookie: readonly ParameterModel[];
}
export interface ParameterModel {
    readonly name: string;
    readonly in: 'path' | 'query' | 'header' | 'cookie';
    readonly required: boolean;
    readonly deprecated: boolean;
    readonly description?: string;
    readonly schema: SchemaNode;
    readonly style?: ParameterStyle;
    readonly explode?: boolean;
    readonly allowReserved?: boolean;
    readonly contentType?: string;
}
export type ParameterStyle = 'matrix' | 'label' | 'simple' | 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
export interface RequestBodyModel {
    readonly required: boolean;
    readonly description?: string;
    readonly content: readonly MediaTypeModel[];
}
export interface ResponseModel {
    readonly status: string;
    readonly description?: string;
    readonly content: readonly MediaTypeModel[];
    readonly headers: readonly HeaderModel[];
}
export interface HeaderModel {
    readonly name: string;
    readonly description?: string;
    readonly required: boolean;
    readonly schema: SchemaNode;
}
export interface MediaTypeModel {
    readonly mediaType: string;
    readonly schema: SchemaNode;
    readonly examples?: readonly unknown[];
    readonly encoding?: Readonly<Record<string, EncodingModel>>;
}
export interface EncodingModel {
    readonly contentType?: string;
    readonly style?: ParameterStyle;
    readonly explode?: boolean;
    readonly allowReserved?: boolean;
}
export interface SecurityRequirementModel {
    readonly schemes: readonly {
        readonly name: string;
        readonly scopes: readonly string[];
    }[];
}
export type SecuritySchemeModel = {
    readonly name: string;
    readonly type: 'http';
    readonly scheme: string;
    readonly bearerFormat?: string;
    readonly description?: string;
} | {
    readonly name: string;
    readonly type: 'apiKey';
    readonly in: 'query' | 'header' | 'cookie';
    readonly parameterName: string;
    readonly description?: string;
} | {
    readonly name: string;
    readonly type: 'oauth2';
    readonly description?: string;
    readonly flows?: readonly OAuthFlowModel[];
} | {
    readonly name: string;
    readonly type: 'openIdConnect';
    readonly description?: string;
    readonly openIdConnectUrl?: string;
} | {
    readonly name: string;
    readonly type: 'mutualTLS';
    readonly description?: string;
};
export interface OAuthFlowModel {
    readonly flow: 'implicit' | 'password' | 'clientCredentials' | 'authorizationCode' | 'deviceAuthorization';
    readonly authorizationUrl?: string;
    readonly tokenUrl?: string;
    readonly refreshUrl?: string;
    readonly scopes: readonly {
        readonly name: string;
        readonly description: string;
    }[];
}
export interface SchemaModel {
    readonly name: string;
    readonly typeName: string;
    readonly pointer: string;
    readonly schema: SchemaNode;
    readonly discriminator?: {
        readonly propertyName: string;
        readonly value?: string;
        readonly omitted: boolean;
    };
}
export interface RenameModel {
    readonly kind: 'type' | 'class' | 'method';
    readonly from: string;
    readonly to: string;
    readonly reason: string;
}
export interface SchemaMeta {
    readonly title?: string;
    readonly description?: string;
    readonly deprecated?: boolean;
    readonly readOnly?: boolean;
    readonly writeOnly?: boolean;
    readonly default?: {
        readonly value: unknown;
    };
    readonly examples?: readonly unknown[];
    readonly format?: string;
    readonly nullable: boolean;
    readonly constraints?: Readonly<Record<string, number | string | boolean>>;
}
export type SchemaNode = RefNode | StringNode | NumberNode | BooleanNode | NullNode | ArrayNode | ObjectNode | UnionNode | IntersectionNode | EnumNode | UnknownNode;
export interface RefNode extends SchemaMeta {
    readonly kind: 'ref';
    readonly name: string;
    readonly typeName: string;
}
export interface StringNode extends SchemaMeta {
    readonly kind: 'string';
    readonly enum?: readonly string[];
    readonly const?: string;
}
export interface NumberNode extends SchemaMeta {
    readonly kind: 'number' | 'integer';
    readonly enum?: readonly number[];
    readonly const?: number;
}
export interface BooleanNode extends SchemaMeta {
    readonly kind: 'boolean';
    readonly const?: boolean;
}
export interface NullNode extends SchemaMeta {
    readonly kind: 'null';
}
export interface ArrayNode extends SchemaMeta {
    readonly kind: 'array';
    readonly items: SchemaNode;
    readonly prefixItems?: readonly SchemaNode[];
    readonly closed?: true;
}
export interface PropertyModel {
    readonly name: string;
    readonly required: boolean;
    readonly schema: SchemaNode;
}
export interface ObjectNode extends SchemaMeta {
    readonly kind: 'object';
    readonly properties: readonly PropertyModel[];
    readonly additionalProperties: boolean | SchemaNode;
}
export interface UnionNode extends SchemaMeta {
    readonly kind: 'union';
    readonly combinator: 'anyOf' | 'oneOf' | 'type';
    readonly variants: readonly SchemaNode[];
    readonly discriminator?: {
        readonly propertyName: string;
        readonly mapping: Readonly<Record<string, string>>;
    };
    readonly openEnum?: true;
}
export interface IntersectionNode extends SchemaMeta {
    readonly kind: 'intersection';
    readonly parts: readonly SchemaNode[];
}
export interface EnumNode extends SchemaMeta {
    readonly kind: 'enum';
    readonly values: readonly unknown[];
}
export interface UnknownNode extends SchemaMeta {
    readonly kind: 'unknown';
}

// generator/naming/resolver.ts
export interface NamingResolver {
    typeName(schemaName: string): string;
    className(tag: string): string;
    methodName(operation: {
        readonly operationId: string;
        readonly method: string;
        readonly path: string;
    }): string;
    apiFile(className: string): string;
    apiDocFile(className: string): string;
    modelDocFile(typeName: string): string;
}
export declare const defaultNaming: NamingResolver;

// generator/naming/words.ts
export declare function splitWords(text: string): string[];
export declare function pascalCase(text: string): string;
export declare function camelCase(text: string): string;

// generator/openapi/default-base-url.ts
export declare function defaultBaseUrlOf(urls: readonly string[]): string | undefined;

// generator/openapi/operations.ts
export declare const httpMethods: readonly [
    "get",
    "put",
    "post",
    "delete",
    "options",
    "head",
    "patch",
    "trace"
];
export type HttpMethod = (typeof httpMethods)[number];

// generator/releases.ts
export interface Release {
    readonly version: string;
    readonly date: string;
    readonly source: string;
    readonly summary: string;
    readonly changes: readonly ReleaseChange[];
    readonly specSha256?: string;
}
export interface ReleaseChange {
    readonly severity: 'breaking' | 'non-breaking' | 'docs';
    readonly message: string;
    readonly operation?: string;
}

// generator/select/filters.ts
export interface OperationFilter {
    readonly by: 'path' | 'tag' | 'operationId';
    readonly pattern: string | RegExp;
}
export interface Selection {
    readonly include: 'all' | readonly OperationFilter[];
    readonly exclude: readonly OperationFilter[];
}

// generator/template-api/code-builders.ts
export type ObjectMember = string | readonly [
    key: string,
    value: string
];
export interface CodeBuilders {
    call(callee: string, args: readonly string[], typeArguments?: readonly string[]): string;
    construct(className: string, args: readonly string[], typeArguments?: readonly string[]): string;
    arrowFunction(parameters: readonly string[], body: string): string;
    arrayLiteral(elements: readonly string[], layout?: LiteralLayout): string;
    objectLiteral(members: readonly ObjectMember[], layout?: LiteralLayout): string;
    returnStatement(expression: string): string;
}
export interface LiteralLayout {
    readonly multiline?: boolean;
}

// generator/template-api/imports.ts
export interface CodeSymbol {
    readonly name: string;
    readonly module: string;
}
export interface ImportRegistry {
    value(name: string, module: string): string;
    type(name: string, module: string): string;
    types(symbols: readonly CodeSymbol[]): void;
    declarations(): ImportDeclarationStructure[];
}

// generator/template-api/markdown-helpers.ts
export interface MarkdownHelpers {
    table(head: readonly string[], rows: readonly (readonly string[])[]): string;
    schemaType(node: SchemaNode, link: (typeName: string) => string): string;
    propertyRows(node: SchemaNode): readonly {
        readonly path: string;
        readonly property: PropertyModel;
    }[];
    text(value: string): string;
    block(value: string): string;
    cell(value: string): string;
    code(value: string): string;
    codeBlock(language: string, content: string): string;
}

// generator/template-api/media.ts
export type BodyKind = 'json' | 'multipart' | 'form' | 'text' | 'binary';
export type ReadKind = BodyKind | 'none' | 'stream';
export declare function readKind(media: MediaTypeModel | undefined): ReadKind;
export declare function bodyKind(media: MediaTypeModel): BodyKind;
export declare function typedByOpenapiFetch(media: MediaTypeModel): boolean;

// generator/template-api/signature.ts
export interface MethodParameter {
    readonly name: string;
    readonly type: string;
    readonly optional: boolean;
    readonly role: 'path' | 'body' | 'params' | 'options';
    readonly description?: string;
    readonly wireName?: string;
}
export interface MethodSignature {
    readonly parameters: readonly MethodParameter[];
    readonly returnType: string;
    readonly success: ResponseModel | undefined;
    readonly successMedia: MediaTypeModel | undefined;
    readonly requestMedia: MediaTypeModel | undefined;
    readonly requestKind: BodyKind | undefined;
    readonly errors: readonly {
        readonly status: string;
        readonly type: string;
        readonly description?: string;
    }[];
    readonly requestContentType: string | undefined;
    readonly responseKind: ReadKind;
    readonly responseKinds: Readonly<Record<string, ReadKind>>;
    readonly accept: string | undefined;
    readonly operationType: string;
    readonly referencedTypes: readonly CodeSymbol[];
    readonly pathLiteral: string;
    readonly parameterList: string;
    readonly text: string;
}

// generator/template-api/ts-helpers.ts
export type TypeScriptStatement = string | WriterFunction | StatementStructures;
export interface DocsInput {
    readonly summary?: string | undefined;
    readonly description?: string | undefined;
    readonly deprecated?: boolean | string | undefined;
    readonly params?: readonly {
        readonly name: string;
        readonly text: string;
    }[];
    readonly returns?: string;
    readonly throws?: readonly string[];
    readonly tags?: readonly {
        readonly tagName: string;
        readonly text?: string;
    }[];
}
export interface TsHelpers extends CodeBuilders {
    docs(input: DocsInput): OptionalKind<JSDocStructure>[];
    schemaType(node: SchemaNode): string;
    importFrom(moduleSpecifier: string, names: readonly (string | OptionalKind<ImportSpecifierStructure>)[], options?: {
        typeOnly?: boolean;
    }): ImportDeclarationStructure;
    imports(path: string): ImportRegistry;
    exportFrom(moduleSpecifier: string, names: readonly string[], options?: {
        typeOnly?: boolean;
    }): ExportDeclarationStructure;
    typeAlias(structure: OptionalKind<TypeAliasDeclarationStructure>): TypeAliasDeclarationStructure;
    interfaceDeclaration(structure: OptionalKind<InterfaceDeclarationStructure>): InterfaceDeclarationStructure;
    classDeclaration(structure: OptionalKind<ClassDeclarationStructure>): ClassDeclarationStructure;
    functionDeclaration(structure: OptionalKind<FunctionDeclarationStructure>): FunctionDeclarationStructure;
    constDeclaration(input: {
        name: string;
        initializer: string;
        type?: string;
        exported?: boolean;
        docs?: OptionalKind<JSDocStructure>[];
    }): VariableStatementStructure;
    statementList(statements: string | WriterFunction | readonly TypeScriptStatement[]): readonly TypeScriptStatement[];
    isStructure<K extends StatementStructures['kind']>(statement: TypeScriptStatement, kind: K): statement is Extract<StatementStructures, {
        kind: K;
    }>;
    readonly StructureKind: typeof StructureKind;
    readonly VariableDeclarationKind: typeof VariableDeclarationKind;
    readonly Scope: typeof Scope;
}
export declare function schemaType(node: SchemaNode, onRef?: (typeName: string) => void): string;

// generator/template-api/types.ts
export declare const TEMPLATE_API_VERSION: 1;
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | {
    readonly [key: string]: JsonValue;
};
export type TypeScriptStatements = NonNullable<SourceFileStructure['statements']>;
export type TemplateFile = {
    readonly kind: 'typescript';
    readonly path: string;
    readonly statements: TypeScriptStatements;
} | {
    readonly kind: 'text';
    readonly path: string;
    readonly content: string;
} | {
    readonly kind: 'json';
    readonly path: string;
    readonly value: JsonValue;
};
export type TemplateResult = TemplateFile | readonly TemplateFile[] | undefined;
export interface TemplateOptions {
    readonly package: {
        readonly name: string;
        readonly version: string;
        readonly description: string;
        readonly license: string;
        readonly apiKeyEnv: string | undefined;
        readonly releases: readonly Release[];
    };
    readonly client: ResolvedClientConfig;
    readonly toolkit: {
        readonly name: string;
        readonly version: string;
    };
    readonly dependencies: Readonly<Record<string, string>>;
}
export interface TemplateContext {
    readonly apiVersion: typeof TEMPLATE_API_VERSION;
    readonly model: ApiModel;
    readonly naming: NamingResolver;
    readonly options: TemplateOptions;
    readonly escape: EscapeHelpers;
    readonly ts: TsHelpers;
    readonly md: MarkdownHelpers;
    readonly openapiTypes: string;
    signature(operation: OperationModel): MethodSignature;
    example(node: SchemaNode): unknown;
    exampleCode(node: SchemaNode): string;
    readWriteMarked(node: SchemaNode): boolean;
    importPath(from: string, to: string): string;
    linkPath(from: string, to: string): string;
    renderDefault(): readonly TemplateFile[];
}
interface TemplateBase {
    readonly apiVersion: typeof TEMPLATE_API_VERSION;
    readonly name: string;
    readonly description: string;
}
export interface DocumentTemplate extends TemplateBase {
    readonly scope: 'document';
    render(ctx: TemplateContext): TemplateResult;
}
export interface TagTemplate extends TemplateBase {
    readonly scope: 'tag';
    render(ctx: TemplateContext, tag: TagModel): TemplateResult;
}
export interface SchemaTemplate extends TemplateBase {
    readonly scope: 'schema';
    render(ctx: TemplateContext, schema: SchemaModel): TemplateResult;
}
export type Template = DocumentTemplate | TagTemplate | SchemaTemplate;
export declare function defineTemplate(template: DocumentTemplate): DocumentTemplate;
export declare function defineTemplate(template: TagTemplate): TagTemplate;
export declare function defineTemplate(template: SchemaTemplate): SchemaTemplate;

// from other packages
// ts-morph: ClassDeclarationStructure, ExportDeclarationStructure, FunctionDeclarationStructure, ImportDeclarationStructure, ImportSpecifierStructure, InterfaceDeclarationStructure, JSDocStructure, MethodDeclarationStructure, OptionalKind, ParameterDeclarationStructure, Scope, SourceFileStructure, StatementStructures, StructureKind, TypeAliasDeclarationStructure, VariableDeclarationKind, VariableStatementStructure, WriterFunction
