import { own, ownObject } from '../json.ts';
import { childPointer } from '../pointer.ts';
import { compareAnnotations, keyed, pointerOf, type Keyed } from './annotations.ts';
import { compareSchemas } from './compare-schema.ts';
import { schemaPlace, type DiffContext } from './context.ts';
import { changedKeys, encodingSerialization, mediaTypeEssence, partTypes, propertiesOf, readMediaType } from './serialization.ts';
import { followRef } from '../openapi/follow-ref.ts';
import type { Place } from './sink.ts';

/**
 * A `content` map (request body or response): media types added or removed, and for the ones in
 * both, their examples and schema. `place.prefix` is `request body` or `response 200`.
 */
export function compareContent(ctx: DiffContext, place: Place, direction: 'request' | 'response', old: Keyed, next: Keyed): void {
  const before = ownObject(old.keywords, 'content') ?? {};
  const after = ownObject(next.keywords, 'content') ?? {};
  const pairs = mediaTypePairs(Object.keys(before), Object.keys(after));
  // A response's other media types may go: the method asks for and reads the one it read before.
  const read = readMediaType(Object.keys(before));
  const readNow = read === undefined ? undefined : pairs.get(read);
  // (Not when the read one went too: a response that lost all its content reads none on either side.)
  const stillRead = direction === 'response' && readNow !== undefined && readNow === readMediaType(Object.keys(after));
  for (const mediaType of Object.keys(before).filter((t) => !pairs.has(t))) {
    const pointers = { old: childPointer(old.keyAt('content'), mediaType), new: pointerOf(next, 'content') };
    if (stillRead) ctx.sink.add('response-media-type-removed-unread', place, pointers, { name: mediaType, read: readNow }, { old: own(before, mediaType) });
    else ctx.sink.add(`${direction}-media-type-removed`, place, pointers, { name: mediaType }, { old: own(before, mediaType) });
  }
  const paired = new Set(pairs.values());
  for (const mediaType of Object.keys(after).filter((t) => !paired.has(t))) {
    ctx.sink.add(`${direction}-media-type-added`, place, { old: pointerOf(old, 'content'), new: childPointer(next.keyAt('content'), mediaType) }, { name: mediaType }, { new: own(after, mediaType) });
  }
  for (const [oldType, mediaType] of pairs) {
    const a = keyed(own(before, oldType), childPointer(old.keyAt('content'), oldType));
    const b = keyed(own(after, mediaType), childPointer(next.keyAt('content'), mediaType));
    const here: Place = { ...place, prefix: `${place.prefix} ${mediaType}` };
    compareAnnotations(ctx.sink, here, a, b, ['example', 'examples']);
    compareSchemas(ctx, schemaPlace(here, direction), { value: own(a.keywords, 'schema') ?? {}, at: pointerOf(a, 'schema') }, { value: own(b.keywords, 'schema') ?? {}, at: pointerOf(b, 'schema') });
    if (direction === 'request') compareEncoding(ctx, here, mediaType, a, b);
  }
}

/**
 * The media types of two `content` maps that are the same, old to new: the same key, or else the
 * same type without its parameters and case (`application/json` and `application/json;
 * charset=utf-8`), where each side has one such key. Before, a charset added was a media type
 * removed (breaking) and another added.
 */
function mediaTypePairs(oldTypes: readonly string[], newTypes: readonly string[]): Map<string, string> {
  const pairs = new Map(oldTypes.filter((t) => newTypes.includes(t)).map((t) => [t, t]));
  const restOld = oldTypes.filter((t) => !newTypes.includes(t));
  const restNew = newTypes.filter((t) => !oldTypes.includes(t));
  const only = (types: readonly string[], essence: string) => types.filter((t) => mediaTypeEssence(t) === essence);
  for (const type of restOld) {
    const essence = mediaTypeEssence(type);
    const [match, ...others] = only(restNew, essence);
    if (match !== undefined && others.length === 0 && only(restOld, essence).length === 1) pairs.set(type, match);
  }
  return pairs;
}

/**
 * A request body's `encoding`, property by property (a property without an entry goes the default
 * way): in a URL-encoded form, the style it states (`encodingSerialization`); in any, the media
 * types a part may have (`partTypes`). Fewer or other types, or another style, are breaking; more
 * types are not.
 */
function compareEncoding(ctx: DiffContext, place: Place, mediaType: string, old: Keyed, next: Keyed): void {
  const urlEncoded = /^application\/x-www-form-urlencoded\b/i.test(mediaType);
  const before = encodingSide(ctx.old, old);
  const after = encodingSide(ctx.new, next);
  for (const name of new Set([...Object.keys(before.entries), ...Object.keys(after.entries)])) {
    // A property added, removed or renamed is reported as such; an entry for none is nothing sent.
    const a = before.property(name, urlEncoded);
    const b = after.property(name, urlEncoded);
    if (!a || !b) continue;
    const changed = changedKeys(a.serialization, b.serialization);
    const typesChanged = a.types.join() !== b.types.join();
    const widened = typesChanged && a.types.every((type) => b.types.includes(type));
    if (typesChanged && !widened) changed.unshift('contentType');
    const pointers = { old: before.pointer(name), new: after.pointer(name) };
    if (changed.length > 0) ctx.sink.add('request-body-encoding-changed', place, pointers, { name, what: changed.join(', ') });
    else if (widened) ctx.sink.add('request-body-part-types-widened', place, pointers, { name, from: a.types.join(', '), to: b.types.join(', ') });
  }
}

/** One side's media type: its encoding entries, and a property's serialization and part types (`undefined` for a property its schema lacks). */
function encodingSide(document: DiffContext['old'], media: Keyed) {
  const entries = ownObject(media.keywords, 'encoding') ?? {};
  const follow = (value: unknown) => followRef(document, value, media.pointer).value;
  const properties = propertiesOf(own(media.keywords, 'schema'), follow);
  return {
    entries,
    property: (name: string, urlEncoded: boolean) => {
      if (!Object.hasOwn(properties, name)) return undefined;
      const entry = ownObject(entries, name) ?? {};
      const property = own(properties, name);
      return { serialization: encodingSerialization(entry, urlEncoded, property, follow), types: partTypes(entry, property, follow) };
    },
    pointer: (name: string) => (Object.hasOwn(entries, name) ? childPointer(media.keyAt('encoding'), name) : pointerOf(media, 'encoding')),
  };
}
