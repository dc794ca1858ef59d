import { isObject, own, ownObject, ownString, type JsonObject } from '../json.ts';
import { childPointer } from '../pointer.ts';
import { isParameterStyle } from './parameters.ts';
import type { RefResolver } from './ref-resolver.ts';
import { toSchemaNode, type SchemaContext } from './schema-node.ts';
import type { EncodingModel, HeaderModel, MediaTypeModel, RequestBodyModel, ResponseModel } from './types.ts';

/** A request body and its media types, references followed. */
export function buildRequestBody(body: unknown, at: string, resolver: RefResolver, ctx: SchemaContext): RequestBodyModel | undefined {
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

export function buildResponses(responses: unknown, at: string, resolver: RefResolver, ctx: SchemaContext): ResponseModel[] {
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
