import { DiagnosticCollector } from '../diagnostics/collector.ts';
import type { SourceLocation } from '../diagnostics/diagnostic.ts';
import { compareStrings, isObject, own, ownObject, ownString, type JsonObject } from '../json.ts';
import type { NamingResolver } from '../naming/resolver.ts';
import { childPointer, pointer } from '../pointer.ts';
import { followRef, keywordPointer } from '../openapi/follow-ref.ts';
import { walkOperations, type OperationEntry } from '../openapi/operations.ts';
import { hasReadWriteMarkers } from '../openapi/read-write-markers.ts';
import { discriminatedSchemas } from './discriminated-schemas.ts';
import { deepFreeze } from './freeze.ts';
import { readWriteViewNames, resolveNames, type ResolvedNames } from './names.ts';
import { toSchemaNode, type SchemaContext } from './schema-node.ts';
import type {
  ApiModel,
  EncodingModel,
  HeaderModel,
  InfoModel,
  MediaTypeModel,
  OperationModel,
  ParameterModel,
  ParametersModel,
  ParameterStyle,
  RequestBodyModel,
  ResponseModel,
  SchemaModel,
  SecurityRequirementModel,
  SecuritySchemeModel,
  ServerModel,
  ServerVariableModel,
  SourceModel,
  TagModel,
} from './types.ts';

const DEFAULT_TAG = 'default';

/**
 * Model stage: the normalized subset -> the frozen intermediate model. Resolves parameter,
 * request-body, response and header references (templates see them inline), keeps schema
 * references as `ref` nodes, and resolves every name once. `locate` places a diagnostic's pointer
 * in the spec (the render passes the spec's, which knows lines; by default the file alone).
 */
export function buildModel(document: JsonObject, source: SourceModel, naming: NamingResolver, locate: (pointer: string) => SourceLocation = (pointer) => ({ file: source.name, pointer })): ApiModel {
  const diagnostics = new DiagnosticCollector();
  const raw = collectOperations(document);
  const schemaEntries = Object.entries(ownObject(ownObject(document, 'components') ?? {}, 'schemas') ?? {});
  // The views' names are taken when the types are marked; the walk only when a schema's name is like one.
  const views = schemaEntries.some(([name]) => /readable|writable/i.test(name)) && hasReadWriteMarkers(document) ? readWriteViewNames : [];
  const names = resolveNames(
    raw.map((op) => ({ ...op, tag: op.tags[0] ?? DEFAULT_TAG })),
    schemaEntries.map(([name]) => name),
    naming,
    views,
  );
  const ctx: SchemaContext = { typeNameOf: (name) => names.types.get(name), diagnostics, locate };
  const resolver = new RefResolver(document);

  const operations = raw.map((op) => buildOperation(document, op, names, resolver, ctx));
  const tags = groupByTag(document, operations, names);
  const discriminated = discriminatedSchemas(document);
  const schemas: SchemaModel[] = schemaEntries
    .map(([name, schema]) => {
      const discriminator = discriminated.get(name);
      const at = pointer('components', 'schemas', name);
      return { name, typeName: names.types.get(name)!, pointer: at, schema: toSchemaNode(schema, at, ctx), ...(discriminator ? { discriminator } : {}) };
    })
    .sort((a, b) => compareStrings(a.typeName, b.typeName));

  diagnostics.throwIfErrors();
  return deepFreeze({
    info: readInfo(document),
    servers: readServers(own(document, 'servers')),
    tags,
    schemas,
    securitySchemes: readSecuritySchemes(document),
    source,
    renames: names.renames,
  });
}

/** An operation of the subset, with an operationId synthesized from method and path when it has none. */
interface RawOperation extends OperationEntry {
  readonly operationId: string;
}

/** The subset's operations (validated, path items inline), through the one operation walk. */
function collectOperations(document: JsonObject): RawOperation[] {
  return walkOperations(ownObject(document, 'paths') ?? {}, { pathItem: (item) => (isObject(item) ? item : undefined) }).map((entry) => ({
    ...entry,
    operationId: entry.operationId ?? `${entry.method} ${entry.path}`,
  }));
}

/**
 * Follows `#/components/...` references of non-schema objects (parameters, bodies, responses,
 * headers) through the one follower, so a 3.1 `description` beside the `$ref` overrides the target's.
 */
class RefResolver {
  readonly #document: JsonObject;

  constructor(document: JsonObject) {
    this.#document = document;
  }

  /** The object and where each of its keywords lives; undefined when the chain loops or ends nowhere. */
  resolve(node: unknown, at: string): { node: JsonObject; at: (key: string) => string } | undefined {
    const followed = followRef(this.#document, node, at);
    return isObject(followed.value) ? { node: followed.value, at: (key) => keywordPointer(followed, key) } : undefined;
  }
}

function buildOperation(document: JsonObject, raw: RawOperation, names: ResolvedNames, resolver: RefResolver, ctx: SchemaContext): OperationModel {
  const op = raw.operation;
  const summary = ownString(op, 'summary');
  const description = ownString(op, 'description');
  const requestBody = buildRequestBody(own(op, 'requestBody'), childPointer(raw.pointer, 'requestBody'), resolver, ctx);
  return {
    operationId: raw.operationId,
    methodName: names.methods.get(raw.pointer)!,
    method: raw.method,
    path: raw.path,
    pointer: raw.pointer,
    ...(summary !== undefined ? { summary } : {}),
    ...(description !== undefined ? { description } : {}),
    deprecated: own(op, 'deprecated') === true,
    tags: raw.tags,
    parameters: buildParameters(raw, resolver, ctx),
    ...(requestBody ? { requestBody } : {}),
    responses: buildResponses(own(op, 'responses'), childPointer(raw.pointer, 'responses'), resolver, ctx),
    security: readSecurity(own(op, 'security') ?? own(document, 'security')),
    ...operationServers(raw),
  };
}

function buildParameters(raw: RawOperation, resolver: RefResolver, ctx: SchemaContext): ParametersModel {
  const byKey = new Map<string, ParameterModel>();
  const add = (list: unknown, at: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, index) => {
      const resolved = resolver.resolve(entry, childPointer(at, index));
      if (!resolved) return;
      const { node, at: where } = resolved;
      const name = ownString(node, 'name');
      const location = ownString(node, 'in');
      if (name === undefined || !isParameterLocation(location)) return;
      const description = ownString(node, 'description');
      const given = own(node, 'schema');
      const schema = given ?? firstContentSchema(node);
      const contentType = given === undefined ? firstContentType(node) : undefined;
      byKey.set(`${location}:${name}`, {
        name,
        in: location,
        required: location === 'path' || own(node, 'required') === true,
        deprecated: own(node, 'deprecated') === true,
        ...(description !== undefined ? { description } : {}),
        schema: toSchemaNode(schema, where('schema'), ctx),
        ...serialization(node, location),
        ...(contentType !== undefined ? { contentType } : {}),
      });
    });
  };
  add(own(raw.pathItem, 'parameters'), `${pointer('paths', raw.path)}/parameters`);
  add(own(raw.operation, 'parameters'), childPointer(raw.pointer, 'parameters'));
  const all = [...byKey.values()];
  const of = (location: ParameterModel['in']) => all.filter((p) => p.in === location);
  return { path: of('path'), query: of('query'), header: of('header'), cookie: of('cookie') };
}

/** A parameter's `style`, `explode` and `allowReserved`, with OpenAPI's defaults for its location. */
function serialization(node: JsonObject, location: ParameterModel['in']): Required<Pick<ParameterModel, 'style' | 'explode' | 'allowReserved'>> {
  const given = ownString(node, 'style');
  const style = given !== undefined && isParameterStyle(given) ? given : location === 'query' || location === 'cookie' ? 'form' : 'simple';
  const explode = own(node, 'explode');
  return { style, explode: typeof explode === 'boolean' ? explode : style === 'form', allowReserved: own(node, 'allowReserved') === true };
}

function isParameterStyle(value: string): value is ParameterStyle {
  return ['matrix', 'label', 'simple', 'form', 'spaceDelimited', 'pipeDelimited', 'deepObject'].includes(value);
}

function isParameterLocation(value: string | undefined): value is ParameterModel['in'] {
  return value === 'path' || value === 'query' || value === 'header' || value === 'cookie';
}

/** The media type of a parameter defined by `content` (its first; OpenAPI allows one). */
function firstContentType(node: JsonObject): string | undefined {
  const content = ownObject(node, 'content');
  return content ? Object.keys(content)[0] : undefined;
}

function firstContentSchema(node: JsonObject): unknown {
  const content = ownObject(node, 'content');
  const first = content ? Object.values(content)[0] : undefined;
  return isObject(first) ? own(first, 'schema') : undefined;
}

function buildRequestBody(body: unknown, at: string, resolver: RefResolver, ctx: SchemaContext): RequestBodyModel | undefined {
  const resolved = resolver.resolve(body, at);
  if (!resolved) return undefined;
  const description = ownString(resolved.node, 'description');
  return {
    required: own(resolved.node, 'required') === true,
    ...(description !== undefined ? { description } : {}),
    content: buildContent(own(resolved.node, 'content'), resolved.at('content'), ctx),
  };
}

function buildContent(content: unknown, at: string, ctx: SchemaContext): MediaTypeModel[] {
  if (!isObject(content)) return [];
  return Object.entries(content).map(([mediaType, media]) => {
    const examples = isObject(media) ? mediaExamples(media) : [];
    const encoding = isObject(media) ? readEncoding(media) : undefined;
    return {
      mediaType,
      schema: toSchemaNode(isObject(media) ? own(media, 'schema') : undefined, childPointer(at, mediaType, 'schema'), ctx),
      ...(examples.length > 0 ? { examples } : {}),
      ...(encoding ? { encoding } : {}),
    };
  });
}

/** A media type's `encoding`, the members each property gives (`undefined` without any). */
function readEncoding(media: JsonObject): Record<string, EncodingModel> | undefined {
  const entries = Object.entries(ownObject(media, 'encoding') ?? {}).flatMap(([name, entry]): [string, EncodingModel][] => {
    if (!isObject(entry)) return [];
    const contentType = ownString(entry, 'contentType');
    const style = ownString(entry, 'style');
    const explode = own(entry, 'explode');
    const allowReserved = own(entry, 'allowReserved');
    return [
      [
        name,
        {
          ...(contentType !== undefined ? { contentType } : {}),
          ...(style !== undefined && isParameterStyle(style) ? { style } : {}),
          ...(typeof explode === 'boolean' ? { explode } : {}),
          ...(typeof allowReserved === 'boolean' ? { allowReserved } : {}),
        },
      ],
    ];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** A media type's `example`, then the inline `value` of each of its `examples` (referenced Example Objects are not followed). */
function mediaExamples(media: JsonObject): unknown[] {
  const examples: unknown[] = [];
  if (own(media, 'example') !== undefined) examples.push(structuredClone(own(media, 'example')));
  const named = own(media, 'examples');
  if (isObject(named)) {
    for (const entry of Object.values(named)) {
      if (isObject(entry) && own(entry, '$ref') === undefined && own(entry, 'value') !== undefined) examples.push(structuredClone(own(entry, 'value')));
    }
  }
  return examples;
}

function buildResponses(responses: unknown, at: string, resolver: RefResolver, ctx: SchemaContext): ResponseModel[] {
  if (!isObject(responses)) return [];
  return Object.entries(responses).flatMap(([status, entry]): ResponseModel[] => {
    const resolved = resolver.resolve(entry, childPointer(at, status));
    if (!resolved) return [];
    const description = ownString(resolved.node, 'description');
    return [
      {
        status,
        ...(description !== undefined ? { description } : {}),
        content: buildContent(own(resolved.node, 'content'), resolved.at('content'), ctx),
        headers: buildHeaders(own(resolved.node, 'headers'), resolved.at('headers'), resolver, ctx),
      },
    ];
  });
}

function buildHeaders(headers: unknown, at: string, resolver: RefResolver, ctx: SchemaContext): HeaderModel[] {
  if (!isObject(headers)) return [];
  return Object.entries(headers).flatMap(([name, entry]): HeaderModel[] => {
    const resolved = resolver.resolve(entry, childPointer(at, name));
    if (!resolved) return [];
    const description = ownString(resolved.node, 'description');
    return [
      {
        name,
        ...(description !== undefined ? { description } : {}),
        required: own(resolved.node, 'required') === true,
        schema: toSchemaNode(own(resolved.node, 'schema'), resolved.at('schema'), ctx),
      },
    ];
  });
}

function readSecurity(security: unknown): SecurityRequirementModel[] {
  if (!Array.isArray(security)) return [];
  return security.filter(isObject).map((requirement) => ({
    schemes: Object.entries(requirement).map(([name, scopes]) => ({
      name,
      scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [],
    })),
  }));
}

function groupByTag(document: JsonObject, operations: readonly OperationModel[], names: ResolvedNames): TagModel[] {
  const declared = new Map<string, string | undefined>();
  const tagList = own(document, 'tags');
  if (Array.isArray(tagList)) {
    for (const tag of tagList) {
      if (isObject(tag) && typeof tag['name'] === 'string') declared.set(tag['name'], ownString(tag, 'description'));
    }
  }
  const groups = new Map<string, OperationModel[]>();
  for (const operation of operations) {
    const tag = operation.tags[0] ?? DEFAULT_TAG;
    groups.set(tag, [...(groups.get(tag) ?? []), operation]);
  }
  return [...groups]
    .map(([name, ops]) => {
      const description = declared.get(name);
      return { name, className: names.classes.get(name)!, ...(description !== undefined ? { description } : {}), operations: ops };
    })
    .sort((a, b) => compareStrings(a.className, b.className));
}

function readInfo(document: JsonObject): InfoModel {
  const info = ownObject(document, 'info') ?? {};
  const license = ownObject(info, 'license');
  const optional = (key: string) => {
    const value = ownString(info, key);
    return value === undefined ? {} : { [key]: value };
  };
  const licenseName = license ? ownString(license, 'name') : undefined;
  return {
    title: ownString(info, 'title') ?? 'API',
    version: ownString(info, 'version') ?? '0.0.0',
    ...optional('summary'),
    ...optional('description'),
    ...(license && licenseName !== undefined
      ? {
          license: {
            name: licenseName,
            ...(ownString(license, 'url') !== undefined ? { url: ownString(license, 'url')! } : {}),
            ...(ownString(license, 'identifier') !== undefined ? { identifier: ownString(license, 'identifier')! } : {}),
          },
        }
      : {}),
  };
}

/** An operation's own servers, else its path item's: `{ servers }` when either has some, else nothing (the document's apply). */
function operationServers(raw: RawOperation): { servers?: ServerModel[] } {
  for (const node of [raw.operation, raw.pathItem]) {
    const servers = readServers(own(node, 'servers'));
    if (servers.length > 0) return { servers };
  }
  return {};
}

function readServers(servers: unknown): ServerModel[] {
  if (!Array.isArray(servers)) return [];
  return servers.filter(isObject).flatMap((server) => {
    const url = ownString(server, 'url');
    if (url === undefined) return [];
    const description = ownString(server, 'description');
    const variables = readServerVariables(server);
    const defaults = new Map(variables.map((v) => [v.name, v.default]));
    // RFC 6570 level 1, as OpenAPI's server URLs are: `{name}` is the variable's default.
    const defaultUrl = url.replace(/\{([^{}]+)\}/g, (whole, name: string) => defaults.get(name) ?? whole);
    return [{ url, ...(description !== undefined ? { description } : {}), defaultUrl, variables }];
  });
}

/** A server's variables that have a default, a string (or a number, as text; OpenAPI requires one); others are left out. */
function readServerVariables(server: JsonObject): ServerVariableModel[] {
  return Object.entries(ownObject(server, 'variables') ?? {}).flatMap(([name, variable]) => {
    if (!isObject(variable)) return [];
    const value = own(variable, 'default');
    if (typeof value !== 'string' && typeof value !== 'number') return [];
    const allowed = own(variable, 'enum');
    const description = ownString(variable, 'description');
    return [
      {
        name,
        default: String(value),
        ...(Array.isArray(allowed) ? { enum: allowed.filter((v) => typeof v === 'string' || typeof v === 'number').map(String) } : {}),
        ...(description !== undefined ? { description } : {}),
      },
    ];
  });
}

function readSecuritySchemes(document: JsonObject): SecuritySchemeModel[] {
  const schemes = ownObject(ownObject(document, 'components') ?? {}, 'securitySchemes') ?? {};
  return Object.entries(schemes)
    .sort(([a], [b]) => compareStrings(a, b))
    .flatMap(([name, scheme]): SecuritySchemeModel[] => {
      if (!isObject(scheme)) return [];
      const type = ownString(scheme, 'type');
      const description = ownString(scheme, 'description');
      const common = { name, ...(description !== undefined ? { description } : {}) };
      if (type === 'http') {
        const bearerFormat = ownString(scheme, 'bearerFormat');
        return [{ ...common, type, scheme: (ownString(scheme, 'scheme') ?? 'bearer').toLowerCase(), ...(bearerFormat !== undefined ? { bearerFormat } : {}) }];
      }
      if (type === 'apiKey') {
        const location = ownString(scheme, 'in');
        if (location !== 'query' && location !== 'header' && location !== 'cookie') return [];
        return [{ ...common, type, in: location, parameterName: ownString(scheme, 'name') ?? '' }];
      }
      if (type === 'oauth2' || type === 'openIdConnect' || type === 'mutualTLS') return [{ ...common, type }];
      return [];
    });
}
