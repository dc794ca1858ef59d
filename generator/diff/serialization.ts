import { isObject, own, ownObject, ownString, type JsonObject } from '../json.ts';
import { differs } from './annotations.ts';

/**
 * How a value goes on the wire, as the keywords that say it, with OpenAPI's defaults filled in:
 * a spec that writes out a default (`style: form`, `explode: true` for a query parameter) changes
 * nothing a client sends, and a default that changes because `style` did is a change of `explode`
 * too. A `deepObject`'s `explode` is no part of it (OpenAPI defines the style exploded only, and
 * the client writes it so either way).
 */
type Serialization = Readonly<Record<string, unknown>>;

/** The keys of two serializations that differ, in the order of the first's. */
export function changedKeys(before: Serialization, after: Serialization): string[] {
  return Object.keys(before).filter((key) => differs(before[key], after[key]));
}

/**
 * A parameter's: its style (`form` in a query or a cookie, `simple` in a path or a header), explode,
 * allowReserved and allowEmptyValue, and the media type of a parameter defined by `content` (whose
 * value goes as that type's text, not by a style).
 */
export function parameterSerialization(keywords: JsonObject): Serialization {
  const location = ownString(keywords, 'in');
  const content = ownObject(keywords, 'content');
  return {
    ...styleOf(keywords, location === 'path' || location === 'header' ? 'simple' : 'form'),
    allowEmptyValue: own(keywords, 'allowEmptyValue') ?? false,
    content: content ? Object.keys(content)[0] : undefined,
  };
}

/**
 * A request body property's `encoding` entry, in a URL-encoded form (a part of another form has no
 * style the client follows): its style as for a query parameter, OpenAPI's default when it states
 * none; but an object (or an array of them) whose entry states no style goes as JSON text, as the
 * client writes it (runtime/body.ts `formBody`), so stating `style: form` for one is a change.
 */
export function encodingSerialization(entry: JsonObject, urlEncoded: boolean, schema: unknown, follow: (value: unknown) => unknown): Serialization {
  if (!urlEncoded) return {};
  const stated = ['style', 'explode', 'allowReserved'].some((key) => own(entry, key) !== undefined);
  return !stated && defaultPartType(schema, follow) === 'application/json' ? { style: 'JSON text', explode: undefined, allowReserved: undefined } : styleOf(entry, 'form');
}

function styleOf(keywords: JsonObject, defaultStyle: 'form' | 'simple'): Serialization {
  const style = own(keywords, 'style') ?? defaultStyle;
  return {
    style,
    explode: style === 'deepObject' ? true : (own(keywords, 'explode') ?? style === 'form'),
    allowReserved: own(keywords, 'allowReserved') ?? false,
  };
}

/**
 * The media types a part may have: its entry's `contentType` (a comma-separated list), else
 * OpenAPI's default for its schema (`application/json` for an object, `application/octet-stream`
 * for bytes, `text/plain` otherwise; an array's is its items'), lower-cased and sorted: a stated
 * default is no change. `follow` resolves a schema's `$ref`.
 */
export function partTypes(entry: JsonObject, schema: unknown, follow: (value: unknown) => unknown): string[] {
  const given = ownString(entry, 'contentType');
  const types = given !== undefined ? given.split(',') : [defaultPartType(schema, follow)];
  return [...new Set(types.map((type) => type.trim().toLowerCase()).filter((type) => type !== ''))].sort();
}

/** OpenAPI's default content type of a part (3.0's Encoding Object; an array's is its items'). */
function defaultPartType(schema: unknown, follow: (value: unknown) => unknown, depth = 0): string {
  const node = follow(schema);
  if (!isObject(node)) return 'text/plain';
  const type = own(node, 'type');
  if (type === 'object' || (type === undefined && isObject(own(node, 'properties')))) return 'application/json';
  if (type === 'array' && depth < 8) return defaultPartType(own(node, 'items'), follow, depth + 1);
  if (type === 'string' && (own(node, 'format') === 'binary' || own(node, 'contentMediaType') !== undefined)) return 'application/octet-stream';
  return 'text/plain';
}
