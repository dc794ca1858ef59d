/**
 * The intermediate model (IR): the one description of an API that templates see. Built once from
 * the normalized (OpenAPI 3.1) subset, with every name already resolved, then frozen. Templates
 * never read the raw spec. Changing a member here is a change to the template API (apiVersion).
 */

import type { HttpMethod } from '../openapi/operations.ts';

export type { HttpMethod };

export interface ApiModel {
  readonly info: InfoModel;
  /** Servers in document order; the first one is the client's default base URL. */
  readonly servers: readonly ServerModel[];
  /** Operations grouped by their first tag (`default` when untagged), in first-appearance order. */
  readonly tags: readonly TagModel[];
  /** Named component schemas, sorted by type name. */
  readonly schemas: readonly SchemaModel[];
  readonly securitySchemes: readonly SecuritySchemeModel[];
  readonly source: SourceModel;
  /** Every name that differs from the spec's name after sanitizing or de-duplicating. */
  readonly renames: readonly RenameModel[];
}

export interface SourceModel {
  /** Project-relative path (or URL) of the spec the model was built from. */
  readonly name: string;
  /** sha256 of the spec's bytes, hex. */
  readonly sha256: string;
  /** The `openapi` version of the source before normalization. */
  readonly openapi: string;
}

export interface InfoModel {
  readonly title: string;
  readonly version: string;
  readonly summary?: string;
  readonly description?: string;
  readonly license?: { readonly name: string; readonly url?: string; readonly identifier?: string };
}

export interface ServerModel {
  /** As the spec writes it, variables included (`https://{region}.api.test/v1`). */
  readonly url: string;
  readonly description?: string;
  /**
   * `url` with each variable's default in place (`https://us-east-1.api.test/v1`); `url` itself
   * when it has none. A variable the server does not define stays as written. The model always
   * sets it and `variables`; both are optional so that a model a template builds keeps compiling.
   */
  readonly defaultUrl?: string;
  /** The server's variables, in spec order. */
  readonly variables?: readonly ServerVariableModel[];
}

export interface ServerVariableModel {
  readonly name: string;
  readonly default: string;
  /** The values the spec allows, when it lists them. */
  readonly enum?: readonly string[];
  readonly description?: string;
}

export interface TagModel {
  /** Tag name as in the spec. */
  readonly name: string;
  readonly description?: string;
  /** Resolved class name, e.g. `RealtimeApi`. */
  readonly className: string;
  readonly operations: readonly OperationModel[];
}

export interface OperationModel {
  /** operationId as in the spec (synthesized from method and path when absent). */
  readonly operationId: string;
  /** Resolved method name, e.g. `createRealtimeSession`. */
  readonly methodName: string;
  readonly method: HttpMethod;
  readonly path: string;
  /** JSON pointer of the operation in the spec. */
  readonly pointer: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly tags: readonly string[];
  readonly parameters: ParametersModel;
  /**
   * The `Accept` value the spec fixes in a header parameter (its `const`, one `enum` value, or a
   * `default` without an `enum`: GitHub Enterprise 2.x's preview media types); absent when it fixes
   * none. The client sends it instead of the media types it reads, where it reads each of its
   * types as it reads its own (`MethodSignature.accept`).
   */
  readonly accept?: string;
  readonly requestBody?: RequestBodyModel;
  /** In spec order: status codes (`200`, `4XX`) and `default`. */
  readonly responses: readonly ResponseModel[];
  /** Effective security: the operation's, else the document's. Empty means no auth. */
  readonly security: readonly SecurityRequirementModel[];
  /**
   * The operation's own servers (OpenAPI's `servers` on the operation, else on its path item),
   * where the spec gives some; absent when the document's apply.
   */
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
  /**
   * How the value is written (OpenAPI's `style`), with OpenAPI's default filled in: `form` in the
   * query and cookies, `simple` in the path and headers. The model always sets the three; they
   * are optional so that a model a template builds itself keeps compiling (an absent one means
   * OpenAPI's default).
   */
  readonly style?: ParameterStyle;
  /** Whether an array or object value is exploded (OpenAPI's `explode`; default: true for `form` only). */
  readonly explode?: boolean;
  /** Whether reserved characters of a query value are sent unencoded (OpenAPI's `allowReserved`). */
  readonly allowReserved?: boolean;
  /**
   * The media type of a parameter the spec defines by `content` instead of `schema` (`schema` is
   * then that media type's): its value is that media type's text (`JSON.stringify(...)` for
   * `application/json`), a `string` as openapi-typescript types it, sent encoded as any string.
   */
  readonly contentType?: string;
}

export type ParameterStyle = 'matrix' | 'label' | 'simple' | 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';

export interface RequestBodyModel {
  readonly required: boolean;
  readonly description?: string;
  readonly content: readonly MediaTypeModel[];
}

export interface ResponseModel {
  /** `200`, `4XX`, `default`. */
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
  /** `application/json`, `multipart/form-data`, ... */
  readonly mediaType: string;
  readonly schema: SchemaNode;
  /** The media type's `example` and the values of its `examples`, in spec order; untrusted (may not fit the schema). */
  readonly examples?: readonly unknown[];
  /** How properties of a form or multipart body are written (OpenAPI's `encoding`), by property name, where the spec says. */
  readonly encoding?: Readonly<Record<string, EncodingModel>>;
}

/** One property's `encoding`, as the spec gives it (OpenAPI's defaults are the reader's). */
export interface EncodingModel {
  readonly contentType?: string;
  readonly style?: ParameterStyle;
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
}

export interface SecurityRequirementModel {
  /** All schemes of one requirement apply together. */
  readonly schemes: readonly { readonly name: string; readonly scopes: readonly string[] }[];
}

export type SecuritySchemeModel =
  | { readonly name: string; readonly type: 'http'; readonly scheme: string; readonly bearerFormat?: string; readonly description?: string }
  | { readonly name: string; readonly type: 'apiKey'; readonly in: 'query' | 'header' | 'cookie'; readonly parameterName: string; readonly description?: string }
  | { readonly name: string; readonly type: 'oauth2'; readonly description?: string; readonly flows?: readonly OAuthFlowModel[] }
  | { readonly name: string; readonly type: 'openIdConnect'; readonly description?: string; readonly openIdConnectUrl?: string }
  | { readonly name: string; readonly type: 'mutualTLS'; readonly description?: string };

/** One OAuth 2 flow of a scheme, as the spec declares it: where a token is obtained, and the scopes it may carry. */
export interface OAuthFlowModel {
  readonly flow: 'implicit' | 'password' | 'clientCredentials' | 'authorizationCode' | 'deviceAuthorization';
  readonly authorizationUrl?: string;
  readonly tokenUrl?: string;
  readonly refreshUrl?: string;
  /** Scope names with their descriptions, in spec order. */
  readonly scopes: readonly { readonly name: string; readonly description: string }[];
}

export interface SchemaModel {
  /** Component name as in the spec. */
  readonly name: string;
  /** Resolved exported type name. */
  readonly typeName: string;
  readonly pointer: string;
  readonly schema: SchemaNode;
  /**
   * How the generated types (openapi-typescript's rules) treat this schema's discriminator property,
   * when they treat it specially: a `oneOf` with a discriminator lists or maps this schema, or it
   * holds or inherits (through `allOf`) a discriminator.
   */
  readonly discriminator?: {
    readonly propertyName: string;
    /** The one value the types allow, where they fix one: an example of the schema must use it. */
    readonly value?: string;
    /** The types leave the property out where an `allOf` names this schema (it holds or inherits a discriminator). */
    readonly omitted: boolean;
  };
}

export interface RenameModel {
  readonly kind: 'type' | 'class' | 'method';
  /** The name in the spec. */
  readonly from: string;
  /** The name in the generated code. */
  readonly to: string;
  readonly reason: string;
}

/** What every schema node may carry besides its shape. */
export interface SchemaMeta {
  readonly title?: string;
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly readOnly?: boolean;
  readonly writeOnly?: boolean;
  /** `null` is a value too: present only when the spec has `default`. */
  readonly default?: { readonly value: unknown };
  readonly examples?: readonly unknown[];
  readonly format?: string;
  /** True when `null` is an accepted value (3.1 `type: [..., "null"]`). */
  readonly nullable: boolean;
  readonly constraints?: Readonly<Record<string, number | string | boolean>>;
}

export type SchemaNode =
  | RefNode
  | StringNode
  | NumberNode
  | BooleanNode
  | NullNode
  | ArrayNode
  | ObjectNode
  | UnionNode
  | IntersectionNode
  | EnumNode
  | UnknownNode;

/** A reference to a named component schema. */
export interface RefNode extends SchemaMeta {
  readonly kind: 'ref';
  /** Component name in the spec. */
  readonly name: string;
  /** Resolved type name. */
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
  /** Each item's schema; with `prefixItems`, that of the items after them (`unknown` where the spec gives none). */
  readonly items: SchemaNode;
  /**
   * A tuple (OpenAPI 3.1's `prefixItems`): the schema of the item at each position. The types are
   * this tuple alone, as openapi-typescript writes them (`[number, string]`).
   */
  readonly prefixItems?: readonly SchemaNode[];
  /** `items: false`: no item after `prefixItems` (none at all without them). */
  readonly closed?: true;
}

export interface PropertyModel {
  /** The property name exactly as on the wire. */
  readonly name: string;
  readonly required: boolean;
  readonly schema: SchemaNode;
}

export interface ObjectNode extends SchemaMeta {
  readonly kind: 'object';
  /** In spec order. */
  readonly properties: readonly PropertyModel[];
  /** `true`: any extra keys; `false`: none; a node: extra keys of that type. */
  readonly additionalProperties: boolean | SchemaNode;
}

export interface UnionNode extends SchemaMeta {
  readonly kind: 'union';
  readonly combinator: 'anyOf' | 'oneOf' | 'type';
  readonly variants: readonly SchemaNode[];
  readonly discriminator?: { readonly propertyName: string; readonly mapping: Readonly<Record<string, string>> };
  /** An open enum: one plain string variant plus string enums or consts (any string, known values suggested). */
  readonly openEnum?: true;
}

export interface IntersectionNode extends SchemaMeta {
  readonly kind: 'intersection';
  readonly parts: readonly SchemaNode[];
}

/** An enum whose values are of mixed JSON types. */
export interface EnumNode extends SchemaMeta {
  readonly kind: 'enum';
  readonly values: readonly unknown[];
}

export interface UnknownNode extends SchemaMeta {
  readonly kind: 'unknown';
}
