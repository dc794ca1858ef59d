import { own, ownObject, type JsonObject } from '../json.ts';
import { childPointer } from '../pointer.ts';
import { compareAnnotations, keyed, pointerOf, type Keyed } from './annotations.ts';
import { compareSchemas } from './compare-schema.ts';
import { schemaPlace, type DiffContext } from './context.ts';
import { serializationChanges } from './serialization.ts';
import type { Place } from './sink.ts';

/**
 * A `content` map (request body or response): media types added or removed, and for the ones in
 * both, their examples and schema. `place.prefix` is `request body` or `response 200`.
 */
export function compareContent(ctx: DiffContext, place: Place, direction: 'request' | 'response', old: Keyed, next: Keyed): void {
  const before = ownObject(old.keywords, 'content') ?? {};
  const after = ownObject(next.keywords, 'content') ?? {};
  const oldTypes = Object.keys(before);
  const newTypes = Object.keys(after);
  for (const mediaType of oldTypes.filter((t) => !newTypes.includes(t))) {
    ctx.sink.add(`${direction}-media-type-removed`, place, { old: childPointer(old.keyAt('content'), mediaType), new: pointerOf(next, 'content') }, { name: mediaType }, { old: own(before, mediaType) });
  }
  for (const mediaType of newTypes.filter((t) => !oldTypes.includes(t))) {
    ctx.sink.add(`${direction}-media-type-added`, place, { old: pointerOf(old, 'content'), new: childPointer(next.keyAt('content'), mediaType) }, { name: mediaType }, { new: own(after, mediaType) });
  }
  for (const mediaType of oldTypes.filter((t) => newTypes.includes(t))) {
    const a = keyed(own(before, mediaType), childPointer(old.keyAt('content'), mediaType));
    const b = keyed(own(after, mediaType), childPointer(next.keyAt('content'), mediaType));
    const here: Place = { ...place, prefix: `${place.prefix} ${mediaType}` };
    compareAnnotations(ctx.sink, here, a, b, ['example', 'examples']);
    compareSchemas(ctx, schemaPlace(here, direction), { value: own(a.keywords, 'schema') ?? {}, at: pointerOf(a, 'schema') }, { value: own(b.keywords, 'schema') ?? {}, at: pointerOf(b, 'schema') });
    if (direction === 'request') compareEncoding(ctx, here, mediaType, a, b);
  }
}

/**
 * A request body's `encoding`, property by property: how a form's field or a multipart part goes
 * (its content type; in a URL-encoded form also its style, explode and allowReserved, which the
 * generated client follows). A property without an entry goes the default way.
 */
function compareEncoding(ctx: DiffContext, place: Place, mediaType: string, old: Keyed, next: Keyed): void {
  const before = ownObject(old.keywords, 'encoding') ?? {};
  const after = ownObject(next.keywords, 'encoding') ?? {};
  const keys = /^application\/x-www-form-urlencoded\b/i.test(mediaType) ? ['contentType', 'style', 'explode', 'allowReserved'] : ['contentType'];
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const changed = serializationChanges(ownObject(before, name) ?? {}, ownObject(after, name) ?? {}, keys, 'form');
    if (changed.length === 0) continue;
    const at = (side: Keyed, entries: JsonObject) => (name in entries ? childPointer(side.keyAt('encoding'), name) : pointerOf(side, 'encoding'));
    ctx.sink.add('request-body-encoding-changed', place, { old: at(old, before), new: at(next, after) }, { name, what: changed.join(', ') });
  }
}
