import { own } from '../json.ts';
import { pointerOf } from './annotations.ts';
import { admitsType } from './compare-keywords.ts';
import type { DiffContext, SchemaPlace } from './context.ts';
import { describeMember } from './describe.ts';
import { PRIMITIVE_TYPES } from './keywords.ts';
import { structureOf } from './structure.ts';
import { buildView, enumValues, valueType, type Located, type SchemaView } from './view.ts';

interface Member {
  readonly view: SchemaView;
  readonly located: Located;
  /** The compared schema itself, standing in as the only member of a side that has no union. */
  readonly self: boolean;
}


/** The comparison of two schema views, for paired members: compare-schema.ts hands itself in, so the modules import one way. */
type CompareViews = (ctx: DiffContext, place: SchemaPlace, old: SchemaView, next: SchemaView) => void;

/**
 * `anyOf`/`oneOf` on either side. A side without a union counts as a union of one member, so
 * `type: string` -> `anyOf: [string, integer]` is one added member. Members are paired by
 * reference name, then equal structure, then similarity (types, enum-ness, shared properties and
 * single-value discriminating properties); the rest were added or removed.
 */
export function compareUnions(ctx: DiffContext, place: SchemaPlace, old: SchemaView, next: SchemaView, compareViews: CompareViews): void {
  const before = membersOf(ctx.old, old);
  const after = membersOf(ctx.new, next);
  const pairs = pairMembers(ctx, before, after);
  const pairedOld = new Set(pairs.map(([i]) => i));
  const pairedNew = new Set(pairs.map(([, j]) => j));
  const openNewAll = union(place.openNew, openTypes(after.map((m) => m.view)));
  const openOldAll = union(place.openOld, openTypes(before.map((m) => m.view)));

  for (const [i, j] of pairs) {
    const a = before[i]!;
    const b = after[j]!;
    compareViews(
      ctx,
      {
        ...place,
        path: before.length > 1 || after.length > 1 ? [...place.path, ...memberSegment(b.view, j)] : place.path,
        openOld: union(place.openOld, openTypes(before.filter((_, k) => k !== i).map((m) => m.view))),
        openNew: union(place.openNew, openTypes(after.filter((_, k) => k !== j).map((m) => m.view))),
        skipAnnotations: a.self || b.self,
      },
      a.view,
      b.view,
    );
  }
  const unionAt = (view: SchemaView): string => pointerOf(view, 'anyOf' in view.keywords ? 'anyOf' : 'oneOf');
  before.forEach((member, i) => {
    if (pairedOld.has(i)) return;
    const kind = admitsAll(openNewAll, member.view) ? 'open-union-member-removed' : `${place.direction}-union-member-removed` as const;
    ctx.sink.add(kind, place, { old: member.located.at, new: unionAt(next) }, { what: describeMember(member.view) }, { old: member.located.value });
  });
  after.forEach((member, j) => {
    if (pairedNew.has(j)) return;
    const siblings = union(place.openNew, openTypes(after.filter((_, k) => k !== j).map((m) => m.view)));
    // Open too when the old side admitted it all (GitHub's nullable string that became a nullable `oneOf`: its null member is not new).
    const kind = admitsAll(siblings, member.view) || admitsAll(openOldAll, member.view) ? 'open-union-member-added' : `${place.direction}-union-member-added` as const;
    ctx.sink.add(kind, place, { old: unionAt(old), new: member.located.at }, { what: describeMember(member.view) }, { new: member.located.value });
  });
}

/**
 * Names the member in the location when changes inside it have paths of their own (an object's
 * properties): `variables[key](InputTextContent).detail`. Primitive members need no name.
 */
function memberSegment(view: SchemaView, index: number): string[] {
  if (view.properties.size === 0 && !('items' in view.keywords)) return [];
  const title = own(view.keywords, 'title');
  return [`(${view.ref ?? (typeof title === 'string' ? title : `member ${index + 1}`)})`];
}

function membersOf(document: Parameters<typeof buildView>[0], view: SchemaView): Member[] {
  if (!view.members) return [{ view, located: { value: { $ref: view.pointer }, at: view.site }, self: true }];
  return view.members.map((located) => ({ view: buildView(document, located.value, located.at), located, self: false }));
}

function union(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  return b.size === 0 ? a : a.size === 0 ? b : new Set([...a, ...b]);
}

/** Primitive types (and `null`) the members admit with no enum (`*` for a member that admits anything). */
export function openTypes(views: readonly SchemaView[]): ReadonlySet<string> {
  const open = new Set<string>();
  for (const view of views) {
    if (view.members || view.never || enumValues(view.keywords)) continue;
    if (!view.types) {
      if (view.properties.size === 0 && !('items' in view.keywords)) open.add('*');
      continue;
    }
    for (const t of view.types) if (t === 'null' || (PRIMITIVE_TYPES as readonly string[]).includes(t)) open.add(t);
  }
  return open;
}

/** Whether every value a member admits is admitted anyway by the open types. */
function admitsAll(open: ReadonlySet<string>, view: SchemaView): boolean {
  if (open.has('*')) return true;
  if (open.size === 0 || view.members) return false;
  const values = enumValues(view.keywords);
  if (values) return values.every((v) => admitsType(open, valueType(v)));
  if (!view.types || view.properties.size > 0) return false;
  return [...view.types].every((t) => admitsType(open, t));
}

const PAIR_THRESHOLD = 20;

function pairMembers(ctx: DiffContext, before: readonly Member[], after: readonly Member[]): [number, number][] {
  const candidates: { i: number; j: number; score: number }[] = [];
  before.forEach((a, i) =>
    after.forEach((b, j) => {
      const score = similarity(ctx, a, b);
      if (score >= PAIR_THRESHOLD) candidates.push({ i, j, score });
    }),
  );
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: [number, number][] = [];
  for (const { i, j } of candidates) {
    if (usedOld.has(i) || usedNew.has(j)) continue;
    usedOld.add(i);
    usedNew.add(j);
    pairs.push([i, j]);
  }
  return pairs.sort((x, y) => x[0] - y[0]);
}

function similarity(ctx: DiffContext, a: Member, b: Member): number {
  if (a.view.ref && a.view.ref === b.view.ref) return 1000;
  if (structureOf(ctx.old, a.located.value, ctx.structures.old) === structureOf(ctx.new, b.located.value, ctx.structures.new)) return 500;
  let score = 0;
  const ta = a.view.types;
  const tb = b.view.types;
  if (ta && tb) {
    const shared = [...ta].filter((t) => tb.has(t)).length;
    if (shared === ta.size && shared === tb.size) score += 50;
    else if (shared > 0) score += 20;
  } else if (!ta && !tb) {
    score += 10;
  }
  if (Boolean(enumValues(a.view.keywords)) === Boolean(enumValues(b.view.keywords))) score += 5;
  const titleA = own(a.view.keywords, 'title');
  if (titleA !== undefined && titleA === own(b.view.keywords, 'title')) score += 5;
  score += propertySimilarity(ctx, a.view, b.view);
  return score;
}

/** Shared property names, and equal single-value properties (a discriminator such as `type: audio/pcm`). */
function propertySimilarity(ctx: DiffContext, a: SchemaView, b: SchemaView): number {
  if (a.properties.size === 0 || b.properties.size === 0) return 0;
  let shared = 0;
  let discriminating = 0;
  for (const [name, located] of a.properties) {
    const other = b.properties.get(name);
    if (!other) continue;
    shared++;
    const va = enumValues(buildView(ctx.old, located.value, located.at).keywords);
    const vb = enumValues(buildView(ctx.new, other.value, other.at).keywords);
    if (va?.length === 1 && vb?.length === 1) discriminating += JSON.stringify(va[0]) === JSON.stringify(vb[0]) ? 30 : -30;
  }
  const all = new Set([...a.properties.keys(), ...b.properties.keys()]).size;
  return Math.round((20 * shared) / all) + discriminating;
}
