import { stringLiteral } from '../escape/string-literal.ts';
import type { MediaTypeModel, OperationModel, ParameterModel, ResponseModel, SchemaModel, SchemaNode } from '../model/types.ts';
import { NameRegistry, sanitizeIdentifier } from '../naming/identifier.ts';
import { camelCase } from '../naming/words.ts';
import type { CodeSymbol } from './imports.ts';
import { bodyKind, preferredMedia, readKind, sentContentType, typedByOpenapiFetch, type BodyKind, type ReadKind } from './media.ts';
import { reachesNullOnlyProperty } from './null-only.ts';
import { reachesReadWriteMarker } from './read-write.ts';
import { schemaType } from './ts-helpers.ts';

/** One argument of a generated method. */
export interface MethodParameter {
  /** Argument name in the generated code. */
  readonly name: string;
  /** TypeScript type (refers to model types, or to `paths` for inline shapes). */
  readonly type: string;
  readonly optional: boolean;
  readonly role: 'path' | 'body' | 'params' | 'options';
  readonly description?: string;
  /** For `path` arguments: the parameter's name on the wire. */
  readonly wireName?: string;
}

/**
 * How an operation becomes a method. The rules (also in the README):
 * 1. one positional argument per path parameter, in path order, camelCased;
 * 2. `body` when the operation has a request body (optional when the body is), typed by its
 *    media type (the first JSON one, else the spec's first) as openapi-typescript's `paths` types
 *    it (the named model type for a `$ref`): JSON, multipart/form and structured text bodies as
 *    their schema (binary fields are `Blob`), a plain string as `string`, binary as `Blob |
 *    ArrayBuffer | ArrayBufferView`. A body reaching a property whose only value is `null` is
 *    typed by openapi-fetch's own request type (`RequestBodyOption`), which drops that property;
 *    a body reaching a property marked `readOnly` or `writeOnly` (read-write.ts) is its
 *    `Writable` view (`Writable<components["schemas"]["Pet"]>` for a named one), which leaves the
 *    readOnly ones out and takes the writeOnly ones, as openapi-fetch's request type does;
 * 3. `params: { query?, header?, cookie? }` when it has such parameters (required when one is);
 *    a group or path argument reaching a read/write marker is its `Writable` view;
 * 4. `options?: RequestOptions` last.
 * The result is the body of the 2xx responses (the first JSON media type of each, else its
 * first): the parsed JSON value (its model type when named), `string` for text, `Blob` for
 * binary, `void` without content; several 2xx responses with different bodies give a union.
 * A result or error body reaching a marked property is its `Readable` view (writeOnly properties
 * left out), as openapi-fetch reads it: the model type (which is that view) when named, else
 * `Readable<…>` of its `paths` type.
 */
export interface MethodSignature {
  readonly parameters: readonly MethodParameter[];
  readonly returnType: string;
  readonly success: ResponseModel | undefined;
  readonly successMedia: MediaTypeModel | undefined;
  readonly requestMedia: MediaTypeModel | undefined;
  /** How the request body is sent (undefined without one). */
  readonly requestKind: BodyKind | undefined;
  /**
   * The declared error responses (every non-2xx status, `4XX`-style ranges and `default`, unless
   * `default` is the success response), each with the type of the body its errors carry: the
   * parsed JSON value, `string` for text, `unknown` without content or for binary media.
   */
  readonly errors: readonly { readonly status: string; readonly type: string; readonly description?: string }[];
  /** The Content-Type header it is sent with: `requestMedia`'s type, made concrete for a range like `*\/*`. */
  readonly requestContentType: string | undefined;
  /** How 2xx bodies are read: `none` when the success responses have no content, `stream` for events or lines handed over unread (`ReadKind`). */
  readonly responseKind: ReadKind;
  /**
   * Each 2xx status the method reads otherwise than `responseKind`, and how (a 202 without a body
   * beside a 200 with JSON: `{ "202": "none" }`; a `2XX` range too, for the statuses not declared);
   * empty when all are read alike.
   */
  readonly responseKinds: Readonly<Record<string, ReadKind>>;
  /**
   * The request's `Accept` header: the media types the method reads its success bodies as (each
   * 2xx response's `preferredMedia`, the first JSON one, else its first), so a server that can
   * answer in several (JSON or XML) answers in the one the method parses, and one that insists on
   * its own type (JSON:API's `application/vnd.api+json`) gets it; then `*\/*;q=0.1`, so that a
   * server whose error body is of another type (JSON beside a CSV download) still sends it
   * rather than a bare 406. Undefined without content, when one of them is not a media type or
   * range an Accept header carries as written (a spec's `applicationjson`), or when the header
   * would be longer than the 128 bytes a browser sends without a CORS preflight. A value the spec
   * fixes (`OperationModel.accept`, GitHub Enterprise's previews) is sent as written instead, if it
   * passes the same checks and the method reads each of its types as it reads its own (JSON as JSON).
   */
  readonly accept: string | undefined;
  /** `paths["/a/{id}"]["post"]`, the openapi-typescript type of the operation. */
  readonly operationType: string;
  /**
   * The named types its parameter, result and error types refer to, each with the module that
   * declares it (model types: `src/models.ts`; `paths`: `src/schema.ts`; `RequestOptions`:
   * `src/runtime/options.ts`; `RequestBodyOption`: `openapi-fetch`), sorted by name: what a file
   * declaring the method imports (`ctx.ts.imports(path).types(signature.referencedTypes)`).
   */
  readonly referencedTypes: readonly CodeSymbol[];
  /** The path as a string literal, for openapi-fetch calls. */
  readonly pathLiteral: string;
  /** `body: X, options?: RequestOptions`: the parameters as a declaration lists them. */
  readonly parameterList: string;
  /**
   * The signature as docs show it, `createRealtimeSession(body: X, options?: RequestOptions): Promise<Y>`:
   * `Promise` is what a caller awaits; the default API class declares the method as returning
   * `ApiPromise<Y>`, a Promise of `Y` that also offers `.withResponse()`.
   */
  readonly text: string;
}

/** What a non-JSON body argument accepts; the runtime turns it into what fetch sends. */
const BINARY_INPUT = 'Blob | ArrayBuffer | ArrayBufferView';

/** Where the names a signature's types use are declared, in the default package layout. */
const MODULES = { model: 'src/models.ts', paths: 'src/schema.ts', options: 'src/runtime/options.ts', openapiFetch: 'openapi-fetch' } as const;

/** Collects the named types a signature's type strings use, as they are written. */
class TypeReferences {
  readonly #symbols = new Map<string, CodeSymbol>();
  /** A named model type (`Pet`). */
  readonly model = (typeName: string): void => this.add(typeName, MODULES.model);
  add(name: string, module: string): void {
    this.#symbols.set(name, { name, module });
  }
  sorted(): CodeSymbol[] {
    return [...this.#symbols.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

/** A token of RFC 9110 (a media type's type, subtype and parameter names and values). */
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
/** `type/subtype` or a range (`image/*`, `*\/*`), with token parameters (`; charset=utf-8`): nothing a browser's CORS rules call unsafe. */
const MEDIA_RANGE = new RegExp(`^${TOKEN}/${TOKEN}(?:[ \\t]*;[ \\t]*${TOKEN}=${TOKEN})*$`);

/** See `MethodSignature.accept`: each type once, in order, then (`anyLast`) anything at a low preference. */
function acceptHeader(types: readonly (string | undefined)[], anyLast = true): string | undefined {
  const read = [...new Set(types.filter((type): type is string => type !== undefined))];
  const header = read.includes('*/*') || !anyLast ? read.join(', ') : [...read, '*/*;q=0.1'].join(', ');
  return read.length > 0 && read.every((type) => MEDIA_RANGE.test(type)) && header.length <= 128 ? header : undefined;
}

export function successResponse(operation: OperationModel): ResponseModel | undefined {
  return operation.responses.find((r) => r.status.startsWith('2')) ?? operation.responses.find((r) => r.status === 'default');
}

/**
 * Names a method's own parameters never take: its other parameters, the `paths` type, and the
 * runtime helpers the api template's call imports into the method's body (runtime/body.ts and
 * query.ts), which a path parameter of that name would shadow (`/clash/{withCookies}`).
 */
const TAKEN_NAMES = ['body', 'params', 'options', 'paths', 'asIs', 'binary', 'formBody', 'formData', 'typedParts', 'styledQuery', 'withCookies'];

export function methodSignature(operation: OperationModel, schemas: readonly SchemaModel[] = []): MethodSignature {
  const operationType = `paths[${stringLiteral(operation.path)}][${stringLiteral(operation.method)}]`;
  const names = new NameRegistry(TAKEN_NAMES);
  const refs = new TypeReferences();
  const parameters: MethodParameter[] = [];

  // A parameter reaching a read/write marker takes what a request sends (`Writable`); openapi-fetch
  // types parameters as `paths` has them, so the api template passes them to it as `never`.
  const writable = (type: string) => {
    refs.add('Writable', MODULES.paths);
    refs.add('paths', MODULES.paths);
    return `Writable<${type}>`;
  };
  for (const param of orderedPathParameters(operation)) {
    const marked = reachesReadWriteMarker(param.schema, schemas);
    parameters.push({
      name: names.claim(sanitizeIdentifier(camelCase(param.name), 'param')),
      // A parameter defined by `content` is its media type's text: openapi-typescript types it `string`.
      type: param.contentType !== undefined ? 'string' : marked ? writable(`NonNullable<${operationType}["parameters"]["path"]>[${stringLiteral(param.name)}]`) : schemaType(param.schema, refs.model),
      optional: false,
      role: 'path',
      wireName: param.name,
      ...(param.description !== undefined ? { description: param.description } : {}),
    });
  }
  const body = operation.requestBody;
  const requestMedia = body ? preferredMedia(body.content) : undefined;
  const requestKind = requestMedia ? bodyKind(requestMedia) : undefined;
  if (body && requestMedia) {
    const pathsType = `NonNullable<${operationType}["requestBody"]>["content"][${stringLiteral(requestMedia.mediaType)}]`;
    parameters.push({
      name: 'body',
      type: bodyType(requestMedia, requestKind!, pathsType, operationType, schemas, refs),
      optional: !body.required,
      role: 'body',
      ...(body.description !== undefined ? { description: body.description } : {}),
    });
  }
  const other = [...operation.parameters.query, ...operation.parameters.header, ...operation.parameters.cookie];
  if (other.length > 0) {
    refs.add('paths', MODULES.paths);
    const groups = (['query', 'header', 'cookie'] as const).filter((location) => operation.parameters[location].length > 0);
    const members = groups.map((location) => {
      const required = operation.parameters[location].some((p) => p.required);
      const type = `NonNullable<${operationType}["parameters"][${stringLiteral(location)}]>`;
      return `${location}${required ? '' : '?'}: ${operation.parameters[location].some((p) => reachesReadWriteMarker(p.schema, schemas)) ? writable(type) : type}`;
    });
    parameters.push({
      name: 'params',
      type: `{ ${members.join('; ')} }`,
      optional: !other.some((p) => p.required),
      role: 'params',
      description: `${groups.join(', ')} parameters`,
    });
  }
  refs.add('RequestOptions', MODULES.options);
  parameters.push({ name: 'options', type: 'RequestOptions', optional: true, role: 'options', description: 'per-call options: an AbortSignal, extra headers, maxRetries, timeoutMs' });
  // A required argument cannot follow an optional one: earlier optional ones take `| undefined` instead.
  const lastRequired = parameters.map((p) => p.optional).lastIndexOf(false);
  const fixed = parameters.map((p, index) => (p.optional && index < lastRequired ? { ...p, optional: false, type: `${p.type} | undefined` } : p));

  const successes = operation.responses.filter((r) => r.status.startsWith('2'));
  const success = successResponse(operation);
  const successMedia = success ? preferredMedia(success.content) : undefined;
  const responseKind = readKind(successMedia);
  const responseKinds: Record<string, ReadKind> = {};
  for (const response of successes) {
    const kind = readKind(preferredMedia(response.content));
    if (/^2(\d\d|XX)$/i.test(response.status) && kind !== responseKind) responseKinds[response.status] = kind;
  }
  const returnTypes = (successes.length > 0 ? successes : success ? [success] : []).map((response) => {
    const media = preferredMedia(response.content);
    if (!media) return response === success ? 'void' : 'undefined';
    const kind = readKind(media);
    if (kind === 'stream') return 'ReadableStream<Uint8Array>';
    if (kind === 'text') return 'string';
    if (kind === 'binary') return 'Blob';
    return typeOf(media.schema, `${operationType}["responses"][${stringLiteral(response.status)}]["content"][${stringLiteral(media.mediaType)}]`, refs, schemas);
  });
  // A fixed value counts where the method reads each of its types as it reads its own (a TOML value beside JSON parsing would reject every answer).
  const fixedTypes = operation.accept?.split(',').map((type) => type.trim());
  const readable = fixedTypes !== undefined && successMedia !== undefined && fixedTypes.every((type) => readKind({ ...successMedia, mediaType: type }) === responseKind);
  const accept = (readable ? acceptHeader(fixedTypes, false) : undefined) ?? acceptHeader((successes.length > 0 ? successes : success ? [success] : []).map((response) => preferredMedia(response.content)?.mediaType));
  const distinct = [...new Set(returnTypes)];
  // In a union, `void` reads `undefined` (once: clarify.io's 200 and 204 without content gave `undefined | undefined`).
  const returnType = distinct.length === 0 ? 'void' : distinct.length === 1 ? distinct[0]! : [...new Set(distinct.map((t) => (t === 'void' ? 'undefined' : t)))].join(' | ');
  const errors = operation.responses
    .filter((r) => !r.status.startsWith('2') && r !== success)
    .map((response) => {
      const media = preferredMedia(response.content);
      const kind = media ? bodyKind(media) : undefined;
      const type = !media || kind === 'binary' ? 'unknown' : kind === 'text' ? 'string' : typeOf(media.schema, `${operationType}["responses"][${stringLiteral(response.status)}]["content"][${stringLiteral(media.mediaType)}]`, refs, schemas);
      return { status: response.status, type, ...(response.description !== undefined ? { description: response.description } : {}) };
    });
  const parameterList = fixed.map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type}`).join(', ');
  return {
    parameters: fixed,
    returnType,
    errors,
    success,
    successMedia,
    requestMedia,
    requestKind,
    requestContentType: requestMedia ? sentContentType(requestMedia) : undefined,
    responseKind,
    responseKinds,
    accept,
    operationType,
    referencedTypes: refs.sorted(),
    pathLiteral: stringLiteral(operation.path),
    parameterList,
    text: `${operation.methodName}(${parameterList}): Promise<${returnType}>`,
  };
}

/**
 * The body argument's type, from the same source as the call's: `paths` (or the model type that
 * aliases it), so the method and openapi-fetch cannot disagree. Only bytes take more (the runtime
 * makes a Blob of them), and only a plain string under a textual media type reads as `string`.
 */
function bodyType(media: MediaTypeModel, kind: BodyKind, pathsType: string, operationType: string, schemas: readonly SchemaModel[], refs: TypeReferences): string {
  if (kind === 'binary') return BINARY_INPUT;
  // A marked body is what a request sends, the `Writable` view openapi-fetch's request type takes
  // (of the component for a named one, which reads best; it also drops null-only properties).
  const marked = reachesReadWriteMarker(media.schema, schemas);
  // openapi-fetch's own request type, which drops null-only properties, has no body under a key it
  // does not type (`*`): the argument would be `never`.
  if (!marked && typedByOpenapiFetch(media) && reachesNullOnlyProperty(media.schema, schemas)) {
    refs.add('RequestBodyOption', MODULES.openapiFetch);
    refs.add('paths', MODULES.paths);
    return `NonNullable<RequestBodyOption<${operationType}>["body"]>`;
  }
  const schema = media.schema;
  if (kind === 'text' && schema.kind === 'string' && !schema.nullable && schema.enum === undefined && schema.const === undefined) return 'string';
  if (marked) {
    refs.add('Writable', MODULES.paths);
    const named = schema.kind === 'ref' && !schema.nullable;
    refs.add(named ? 'components' : 'paths', MODULES.paths);
    return `Writable<${named ? `components["schemas"][${stringLiteral(schema.name)}]` : pathsType}>`;
  }
  return typeOf(schema, pathsType, refs, schemas);
}

/**
 * A named schema reads best by its type name; anything inline is typed through openapi-typescript's
 * `paths` (`fallback`, a type of the operation's), as a response holds it: its `Readable` view
 * where it reaches a read/write marker (a named one is that view already: the models template).
 */
function typeOf(schema: SchemaNode, fallback: string, refs: TypeReferences, schemas: readonly SchemaModel[]): string {
  if (schema.kind === 'ref') {
    refs.model(schema.typeName);
    return schema.nullable ? `${schema.typeName} | null` : schema.typeName;
  }
  if (schema.kind === 'unknown') return 'unknown';
  refs.add('paths', MODULES.paths);
  if (!reachesReadWriteMarker(schema, schemas)) return fallback;
  refs.add('Readable', MODULES.paths);
  return `Readable<${fallback}>`;
}

function orderedPathParameters(operation: OperationModel): ParameterModel[] {
  // A name may appear twice in a path (`/a/{id}/b/{id}`): one parameter, one value.
  const inPath = [...new Set([...operation.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!))];
  const byName = new Map(operation.parameters.path.map((p) => [p.name, p]));
  const ordered = inPath.flatMap((name) => (byName.has(name) ? [byName.get(name)!] : []));
  return [...ordered, ...operation.parameters.path.filter((p) => !inPath.includes(p.name))];
}
