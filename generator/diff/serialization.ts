import { isObject, own, ownObject, ownString, setOwn, type JsonObject } from '../json.ts';
import { differs } from './annotations.ts';
import { isJsonMediaType } from '../template-api/media.ts';

/**
 * How a value goes on the wire, as the keywords that say it, with OpenAPI's defaults filled in:
 * a spec that writes out a default (`style: form`, `explode: true` for a query parameter) changes
 * nothing a client sends, and a default that changes because `style` did is a change of `explode`
 * too. `explode` is no part of it for a primitive (it splits arrays and objects only) nor for a
 * `deepObject` (which OpenAPI defines exploded only, and the client writes so either way).
 */
type Serialization = Readonly<Record<string, unknown>>;

/** Resolves a `$ref` (the diff's `followRef` for one side's document). */
type Follow = (value: unknown) => unknown;

/** The keys of two serializations that differ, in the order of the first's. */
export function changedKeys(before: Serialization, after: Serialization): string[] {
  return Object.keys(before).filter((key) => differs(before[key], after[key]));
}

/**
 * A parameter's: its style (`form` in a query or a cookie, `simple` in a path or a header), explode
 * and allowReserved, and the media type of a parameter defined by `content` (whose value goes as
 * that type's text, not by a style; its parameters and case aside).
 */
export function parameterSerialization(keywords: JsonObject, follow: Follow): Serialization {
  const location = ownString(keywords, 'in');
  const content = ownObject(keywords, 'content');
  const mediaType = content ? Object.keys(content)[0] : undefined;
  return {
    ...styleOf(keywords, location === 'path' || location === 'header' ? 'simple' : 'form', follow(own(keywords, 'schema'))),
    content: mediaType === undefined ? undefined : mediaTypeEssence(mediaType),
  };
}

/** A media type without its parameters, in lower case (`application/json; charset=utf-8` is `application/json`). */
export function mediaTypeEssence(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

/**
 * The media type of a `content` map a method reads or sends: the first JSON one, else the first,
 * as `preferredMedia` (template-api/media.ts) picks it from the model (without its schema: a range
 * with a structured schema is JSON there, the first type here).
 */
export function readMediaType(mediaTypes: readonly string[]): string | undefined {
  return mediaTypes.find(isJsonMediaType) ?? mediaTypes[0];
}

/**
 * A request body property's `encoding` entry, in a URL-encoded form (a part of another form has no
 * style the client follows): its style as for a query parameter, OpenAPI's default when it states
 * none; but an object (or an array of them) whose entry states no style goes as JSON text, as the
 * client writes it (runtime/body.ts `formBody`), so stating `style: form` for one is a change.
 */
export function encodingSerialization(entry: JsonObject, urlEncoded: boolean, schema: unknown, follow: Follow): Serialization {
  if (!urlEncoded) return {};
  const stated = ['style', 'explode', 'allowReserved'].some((key) => own(entry, key) !== undefined);
  return !stated && kindOf(schema, follow) === 'object' ? { style: 'JSON text', explode: undefined, allowReserved: undefined } : styleOf(entry, 'form', follow(schema));
}

function styleOf(keywords: JsonObject, defaultStyle: 'form' | 'simple', schema: unknown): Serialization {
  const style = own(keywords, 'style') ?? defaultStyle;
  const splits = style !== 'deepObject' && !isPrimitive(schema);
  return {
    style,
    explode: splits ? (own(keywords, 'explode') ?? style === 'form') : undefined,
    allowReserved: own(keywords, 'allowReserved') ?? false,
  };
}

/** A schema whose `type` names primitives only (`string`, `['integer', 'null']`). */
function isPrimitive(schema: unknown): boolean {
  const type = isObject(schema) ? own(schema, 'type') : undefined;
  const types = Array.isArray(type) ? type : [type];
  return type !== undefined && types.every((t) => t === 'string' || t === 'number' || t === 'integer' || t === 'boolean' || t === 'null');
}

/**
 * The media types a part may have: its entry's `contentType` (a comma-separated list), else
 * OpenAPI's default for its schema, lower-cased and sorted: a stated default is no change. The
 * default is `application/json` for an object, an array's its items', `application/octet-stream`
 * for bytes (a binary string) and `text/plain` for anything else, as OpenAPI 3.0 and 3.2 say (3.1.0
 * said bytes "for all other cases"; its documents cannot be told from 3.0's here, which the
 * normalize stage turns into 3.1.0).
 */
export function partTypes(entry: JsonObject, schema: unknown, follow: Follow): string[] {
  const given = ownString(entry, 'contentType');
  const types = given !== undefined ? given.split(',') : [defaultPartType(schema, follow)];
  return [...new Set(types.map((type) => type.trim().toLowerCase()).filter((type) => type !== ''))].sort();
}

function defaultPartType(schema: unknown, follow: Follow): string {
  const kind = kindOf(schema, follow);
  if (kind === 'object') return 'application/json';
  return kind === 'bytes' ? 'application/octet-stream' : 'text/plain';
}

/**
 * What a schema holds, as the defaults of a part tell it apart: an object (its `type`, one of its
 * `type`s, its `properties`, or one of its `allOf`/`oneOf`/`anyOf` members is one; an array's
 * items decide for it), bytes (a binary string), or anything else.
 */
function kindOf(schema: unknown, follow: Follow, depth = 0): 'object' | 'bytes' | 'other' {
  const node = follow(schema);
  if (!isObject(node) || depth > 16) return 'other';
  const type = own(node, 'type');
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('object') || isObject(own(node, 'properties'))) return 'object';
  if (types.includes('array')) return kindOf(own(node, 'items'), follow, depth + 1);
  for (const combinator of ['allOf', 'oneOf', 'anyOf']) {
    const members = own(node, combinator);
    if (Array.isArray(members) && members.some((member) => kindOf(member, follow, depth + 1) === 'object')) return 'object';
  }
  const binary = own(node, 'format') === 'binary' || own(node, 'contentMediaType') !== undefined || own(node, 'contentEncoding') !== undefined;
  return types.includes('string') && binary ? 'bytes' : 'other';
}

/** A body schema's properties, its `allOf` members' too (the first that names one wins). */
export function propertiesOf(schema: unknown, follow: Follow, depth = 0): JsonObject {
  const node = follow(schema);
  if (!isObject(node) || depth > 16) return {};
  const properties: JsonObject = {};
  const members = own(node, 'allOf');
  for (const source of [ownObject(node, 'properties') ?? {}, ...(Array.isArray(members) ? members.map((member) => propertiesOf(member, follow, depth + 1)) : [])]) {
    for (const [name, value] of Object.entries(source)) if (!Object.hasOwn(properties, name)) setOwn(properties, name, value);
  }
  return properties;
}
