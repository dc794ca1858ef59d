import { own } from '../json.ts';
import { pointer } from '../pointer.ts';
import { compareAnnotations, pointerOf } from './annotations.ts';
import { compareConstraints, compareDefault, compareDiscriminator, compareEnums, compareOtherKeywords, compareTypes } from './compare-keywords.ts';
import { compareObjects } from './compare-object.ts';
import { compareUnions } from './compare-union.ts';
import { descend, type DiffContext, type SchemaPlace } from './context.ts';
import { structureOf } from './structure.ts';
import { buildView, type Located, type SchemaView } from './view.ts';

/** Compares two schemas (references followed) at a place in a request or a response. */
export function compareSchemas(ctx: DiffContext, place: SchemaPlace, old: Located, next: Located): void {
  compareViews(ctx, place, buildView(ctx.old, old.value, old.at), buildView(ctx.new, next.value, next.at));
}

export function compareViews(ctx: DiffContext, place: SchemaPlace, old: SchemaView, next: SchemaView): void {
  const key = `${place.direction}|${old.pointer}|${next.pointer}`;
  if (ctx.comparing.has(key)) {
    ctx.cuts++;
    return;
  }
  const context = `${place.direction}|${old.identity}|${next.identity}|${[...place.openOld].sort().join()}|${[...place.openNew].sort().join()}|${place.skipAnnotations === true}`;
  if (ctx.unchanged.has(context)) return;
  const before = { attempts: ctx.sink.attempts, cuts: ctx.cuts };
  ctx.comparing.add(key);
  try {
    compareContents(ctx, withFrames(place, old, next), old, next);
  } finally {
    ctx.comparing.delete(key);
  }
  if (ctx.sink.attempts === before.attempts && ctx.cuts === before.cuts) ctx.unchanged.add(context);
}

function compareContents(ctx: DiffContext, place: SchemaPlace, old: SchemaView, next: SchemaView): void {
  detectRename(ctx, place, old, next);
  if (!place.skipAnnotations) {
    compareAnnotations(ctx.sink, place, old, next);
    compareDefault(ctx.sink, place, old, next);
  }
  if (old.members || next.members) {
    // Keywords next to a union (a discriminator, `not`, ...) belong to the union itself; when only
    // one side is a union, the other side's keywords are compared with the member it pairs with.
    if (old.members && next.members) {
      compareDiscriminator(ctx.sink, place, old, next);
      compareOtherKeywords(ctx.sink, place, old, next);
    }
    compareUnions(ctx, place, old, next, compareViews);
    return;
  }
  compareTypes(ctx.sink, place, old, next);
  compareEnums(ctx.sink, place, old, next);
  compareConstraints(ctx.sink, place, old, next);
  compareDiscriminator(ctx.sink, place, old, next);
  compareOtherKeywords(ctx.sink, place, old, next);
  if (isObjectLike(old) || isObjectLike(next)) compareObjects(ctx, place, old, next, compareSchemas);
  if ('items' in old.keywords || 'items' in next.keywords) {
    compareSchemas(ctx, descend(place, '[]'), { value: own(old.keywords, 'items') ?? {}, at: pointerOf(old, 'items') }, { value: own(next.keywords, 'items') ?? {}, at: pointerOf(next, 'items') });
  }
}

/** Records the named schemas entered here, for the TypeScript diff's coverage (see `Place.frames`). */
function withFrames(place: SchemaPlace, old: SchemaView, next: SchemaView): SchemaPlace {
  const entered = [
    ...(old.ref ? [{ side: 'old' as const, schema: old.ref, base: place.path.length }] : []),
    ...(next.ref ? [{ side: 'new' as const, schema: next.ref, base: place.path.length }] : []),
  ];
  return entered.length === 0 ? place : { ...place, frames: [...(place.frames ?? []), ...entered] };
}

function isObjectLike(view: SchemaView): boolean {
  return view.types?.has('object') === true || view.properties.size > 0 || 'additionalProperties' in view.keywords;
}

/**
 * A component schema renamed with the same structure is one change, not a removal plus an
 * addition: the old name is gone from the new subset, the new name was not in the old one, and
 * both expand to the same structure. The comparison then goes on and finds at most docs changes.
 */
function detectRename(ctx: DiffContext, place: SchemaPlace, old: SchemaView, next: SchemaView): void {
  if (!old.ref || !next.ref || old.ref === next.ref) return;
  if (ctx.newSchemas.has(old.ref) || ctx.oldSchemas.has(next.ref)) return;
  const from = pointer('components', 'schemas', old.ref);
  const to = pointer('components', 'schemas', next.ref);
  if (structureOf(ctx.old, { $ref: from }, ctx.structures.old) !== structureOf(ctx.new, { $ref: to }, ctx.structures.new)) return;
  ctx.sink.add('schema-renamed', place, { old: from, new: to }, { from: old.ref, to: next.ref });
}
