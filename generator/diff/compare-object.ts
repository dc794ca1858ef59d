import { isObject, own, type JsonObject } from '../json.ts';
import { pointerOf } from './annotations.ts';
import { descend, type DiffContext, type SchemaPlace } from './context.ts';
import { describeMember } from './describe.ts';
import { buildView, type Located, type SchemaView } from './view.ts';

/** The comparison of two schemas, for the properties' own: compare-schema.ts hands itself in, so the modules import one way. */
type CompareSchemas = (ctx: DiffContext, place: SchemaPlace, old: Located, next: Located) => void;

/** Properties, their required flags, and additional properties. */
export function compareObjects(ctx: DiffContext, place: SchemaPlace, old: SchemaView, next: SchemaView, compareSchemas: CompareSchemas): void {
  const names = [...old.properties.keys(), ...[...next.properties.keys()].filter((name) => !old.properties.has(name))];
  const request = place.direction === 'request';
  for (const name of names) {
    const before = old.properties.get(name);
    const after = next.properties.get(name);
    const here = descend(place, name);
    const wasRequired = old.required.has(name);
    const isRequired = next.required.has(name);
    if (!before && after) {
      // A readOnly property is left out of a request (its types say `?: never`): required or not, a caller sends nothing new.
      const sent = isRequired && !(isObject(after.value) && own(after.value, 'readOnly') === true);
      const kind = !request ? 'response-property-added' : sent ? 'request-property-added-required' : 'request-property-added';
      ctx.sink.add(kind, here, { old: pointerOf(old, 'properties'), new: after.at }, { name }, { new: after.value });
    } else if (before && !after) {
      ctx.sink.add(`${place.direction}-property-removed`, here, { old: before.at, new: pointerOf(next, 'properties') }, { name }, { old: before.value });
    } else if (before && after) {
      if (wasRequired !== isRequired) {
        const how = isRequired ? 'became-required' : 'became-optional';
        ctx.sink.add(`${place.direction}-property-${how}`, here, { old: pointerOf(old, 'required'), new: pointerOf(next, 'required') }, { name });
      }
      compareSchemas(ctx, here, before, after);
    }
  }
  compareAdditional(ctx, place, old, next, compareSchemas);
}

type Additional = 'any' | 'none' | 'schema';

function additional(view: SchemaView): Additional {
  const value = own(view.keywords, 'additionalProperties');
  if (value === undefined || value === true) return 'any';
  if (value === false) return 'none';
  return 'schema';
}

/**
 * `additionalProperties`: absent or `true` admits any extra property, `false` none, a schema
 * those that match it. A request that may no longer carry extra properties is narrowed.
 */
function compareAdditional(ctx: DiffContext, place: SchemaPlace, old: SchemaView, next: SchemaView, compareSchemas: CompareSchemas): void {
  const before = additional(old);
  const after = additional(next);
  const at = { old: pointerOf(old, 'additionalProperties'), new: pointerOf(next, 'additionalProperties') };
  if (before === 'schema' && after === 'schema') {
    compareSchemas(ctx, descend(place, '[key]'), { value: own(old.keywords, 'additionalProperties'), at: at.old }, { value: own(next.keywords, 'additionalProperties'), at: at.new });
    return;
  }
  if (before === after) return;
  if (place.direction === 'response') {
    ctx.sink.add('response-additional-properties-changed', place, at, { from: describeAdditional(ctx.old, old, before), to: describeAdditional(ctx.new, next, after) });
    return;
  }
  const narrowed = after === 'none' || (before === 'any' && after === 'schema');
  ctx.sink.add(narrowed ? 'request-additional-properties-narrowed' : 'request-additional-properties-widened', place, at);
}

function describeAdditional(document: JsonObject, view: SchemaView, state: Additional): string {
  if (state !== 'schema') return state;
  return describeMember(buildView(document, own(view.keywords, 'additionalProperties'), view.keyAt('additionalProperties')));
}
