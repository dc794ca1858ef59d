import { canonicalJson, compareStrings, isObject, own, ownString } from '../json.ts';
import { differs, pointerOf } from './annotations.ts';
import type { SchemaPlace } from './context.ts';
import { describeTypes, describeValue, describeValues } from './describe.ts';
import { CONSTRAINTS, HANDLED } from './keywords.ts';
import { schemaName } from '../openapi/components.ts';
import type { ChangeSink } from './sink.ts';
import { enumValues, valueType, type SchemaView } from './view.ts';

/** Whether a set of admitted types (undefined: any) admits type `t`; `number` admits `integer`. */
export function admitsType(types: ReadonlySet<string> | undefined, t: string): boolean {
  return !types || types.has(t) || (t === 'integer' && types.has('number'));
}

function typesOf(view: SchemaView): ReadonlySet<string> | undefined {
  return view.never ? new Set() : view.types;
}

/**
 * Type sets: a new type is a widening, a lost one a narrowing, both a change. A type the other
 * members of the union admit (`place.openOld`, `openNew`) is no change: GitHub's `null | string`
 * that became `oneOf: [string, array]` with `nullable` keeps null in a member of its own.
 */
export function compareTypes(sink: ChangeSink, place: SchemaPlace, old: SchemaView, next: SchemaView): void {
  const before = typesOf(old);
  const after = typesOf(next);
  if (!before && !after) return;
  const lost = before ? [...before].some((t) => !admitsType(after, t) && !openAdmits(place.openNew, t)) : !place.openNew.has('*');
  const gained = after ? [...after].some((t) => !admitsType(before, t) && !openAdmits(place.openOld, t)) : !place.openOld.has('*');
  if (!lost && !gained) return;
  const how = lost && gained ? 'changed' : gained ? 'widened' : 'narrowed';
  sink.add(`${place.direction}-type-${how}`, place, { old: pointerOf(old, 'type'), new: pointerOf(next, 'type') }, { from: describeTypes(before), to: describeTypes(after) });
}

/** Whether the open types of a union's other members (`openTypes`) admit type `t`. */
function openAdmits(open: ReadonlySet<string>, t: string): boolean {
  return open.has('*') || (open.size > 0 && admitsType(open, t));
}

/** Enum (and const) values, `null` left to the type comparison. */
export function compareEnums(sink: ChangeSink, place: SchemaPlace, old: SchemaView, next: SchemaView): void {
  const before = nonNull(enumValues(old.keywords));
  const after = nonNull(enumValues(next.keywords));
  if (!before && !after) return;
  const at = { old: pointerOf(old, 'enum' in old.keywords ? 'enum' : 'const'), new: pointerOf(next, 'enum' in next.keywords ? 'enum' : 'const') };
  if (before && after) {
    const keys = new Set(after.map((v) => canonicalJson(v)));
    const had = new Set(before.map((v) => canonicalJson(v)));
    const added = after.filter((v) => !had.has(canonicalJson(v)));
    const removed = before.filter((v) => !keys.has(canonicalJson(v)));
    if (added.length > 0) widened(sink, place, at, added, `added ${describeValues(added)}`);
    if (removed.length > 0) narrowed(sink, place, at, removed, `removed ${describeValues(removed)}`);
  } else if (after) {
    narrowed(sink, place, at, after, `now restricted to ${describeValues(after)}`);
  } else if (before) {
    widened(sink, place, at, before, `no longer restricted to ${describeValues(before)}`);
  }
}

function nonNull(values: unknown[] | undefined): unknown[] | undefined {
  return values?.filter((v) => v !== null);
}

/** Values a sibling union member admits anyway: changing them changes no type and no accepted input. */
function coveredByOpenSibling(place: SchemaPlace, values: readonly unknown[]): boolean {
  return place.openNew.has('*') || (place.openNew.size > 0 && values.every((v) => admitsType(place.openNew, valueType(v))));
}

function widened(sink: ChangeSink, place: SchemaPlace, at: { old: string; new: string }, values: unknown[], text: string): void {
  if (coveredByOpenSibling(place, values)) sink.add('open-enum-widened', place, at, { values: describeValues(values), what: valueTypes(values) });
  else sink.add(`${place.direction}-enum-widened`, place, at, { values: text });
}

function narrowed(sink: ChangeSink, place: SchemaPlace, at: { old: string; new: string }, values: unknown[], text: string): void {
  if (coveredByOpenSibling(place, values)) sink.add('open-enum-narrowed', place, at, { values: describeValues(values), what: valueTypes(values) });
  else sink.add(`${place.direction}-enum-narrowed`, place, at, { values: text });
}

function valueTypes(values: readonly unknown[]): string {
  return [...new Set(values.map(valueType))].sort(compareStrings).join(' or ');
}

/** Validation constraints: tightening a request's is breaking; a response's only informs. */
export function compareConstraints(sink: ChangeSink, place: SchemaPlace, old: SchemaView, next: SchemaView): void {
  for (const [key, how] of CONSTRAINTS) {
    const before = constraint(old, key);
    const after = constraint(next, key);
    if (!differs(before, after)) continue;
    const at = { old: pointerOf(old, key), new: pointerOf(next, key) };
    const params = { name: key, from: describeValue(before), to: describeValue(after) };
    if (place.direction === 'response') {
      sink.add('response-constraint-changed', place, at, params);
      continue;
    }
    sink.add(tightens(how, before, after) ? 'request-constraint-tightened' : 'request-constraint-loosened', place, at, params);
  }
}

function constraint(view: SchemaView, key: string): unknown {
  const value = own(view.keywords, key);
  if (key === 'format' && typeof value === 'string' && WIDEST_NUMBER_FORMATS.has(value) && numeric(view)) return undefined;
  return key === 'uniqueItems' && value === false ? undefined : value;
}

/**
 * Number formats that admit every value a JavaScript number holds: on a number they constrain
 * nothing a client can send, so adding or dropping one is no change (GitHub's 24 integer path
 * parameters that gained `format: int64` were each breaking, for a type that stayed `number`).
 */
const WIDEST_NUMBER_FORMATS = new Set(['int64', 'double']);

function numeric(view: SchemaView): boolean {
  return view.types !== undefined && [...view.types].every((t) => t === 'integer' || t === 'number' || t === 'null');
}

function tightens(how: 'raise' | 'lower' | 'set', before: unknown, after: unknown): boolean {
  if (before === undefined) return true;
  if (after === undefined) return false;
  if (how === 'set' || typeof before !== 'number' || typeof after !== 'number') return true;
  return how === 'raise' ? after > before : after < before;
}

/**
 * A default decides what omitting a request field means: changing or dropping one is a change of
 * behaviour. Adding one where there was none documents what the server already did.
 */
export function compareDefault(sink: ChangeSink, place: SchemaPlace, old: SchemaView, next: SchemaView): void {
  const before = own(old.keywords, 'default');
  const after = own(next.keywords, 'default');
  if (!differs(before, after)) return;
  if (before === undefined) {
    sink.add('default-added', place, { old: pointerOf(old, 'default'), new: pointerOf(next, 'default') }, { to: describeValue(after) });
    return;
  }
  sink.add(`${place.direction}-default-changed`, place, { old: pointerOf(old, 'default'), new: pointerOf(next, 'default') }, { from: describeValue(before), to: describeValue(after) });
}

export function compareDiscriminator(sink: ChangeSink, place: SchemaPlace, old: SchemaView, next: SchemaView): void {
  const before = discriminatorProperty(old);
  const after = discriminatorProperty(next);
  const at = { old: pointerOf(old, 'discriminator'), new: pointerOf(next, 'discriminator') };
  if (before !== after) {
    sink.add('discriminator-changed', place, at, { from: before ?? 'none', to: after ?? 'none' });
    return;
  }
  // A value the discriminator no longer takes (`dog` renamed `doggo` in the mapping): a request can
  // no longer send it (breaking); a response no longer holds it (not breaking). A value added comes
  // with its member, which the union's comparison reports.
  const values = discriminatorValues(next);
  const removed = values === undefined ? [] : (discriminatorValues(old) ?? []).filter((value) => !values.includes(value));
  for (const value of removed) sink.add(`${place.direction}-discriminator-value-removed`, place, at, { name: value });
}

/**
 * The values a discriminator takes: its mapping's keys, and for each member of its union that no
 * mapping entry names, the member's schema name (OpenAPI's implicit value). `undefined` where they
 * are not known from here: a parent without a union (its children name it through `allOf`) and
 * without a mapping.
 */
function discriminatorValues(view: SchemaView): string[] | undefined {
  const discriminator = own(view.keywords, 'discriminator');
  const mapping = isObject(discriminator) ? own(discriminator, 'mapping') : undefined;
  const explicit = isObject(mapping) ? Object.entries(mapping) : [];
  const targets = new Set(explicit.map(([, target]) => (typeof target === 'string' ? (schemaName(target) ?? target) : '')));
  const implicit = (view.members ?? []).map((member) => schemaName(isObject(member.value) ? own(member.value, '$ref') : undefined)).filter((name): name is string => name !== undefined && !targets.has(name));
  if (view.members === undefined && explicit.length === 0) return undefined;
  return [...explicit.map(([value]) => value), ...implicit];
}

function discriminatorProperty(view: SchemaView): string | undefined {
  const discriminator = own(view.keywords, 'discriminator');
  return isObject(discriminator) ? ownString(discriminator, 'propertyName') : undefined;
}

/** Keywords the diff does not model (`not`, `patternProperties`, `if`, ...): any change is reported as breaking. */
export function compareOtherKeywords(sink: ChangeSink, place: SchemaPlace, old: SchemaView, next: SchemaView): void {
  const keys = new Set([...Object.keys(old.keywords), ...Object.keys(next.keywords)]);
  for (const key of [...keys].sort(compareStrings)) {
    if (HANDLED.has(key)) continue;
    if (differs(own(old.keywords, key), own(next.keywords, key))) {
      sink.add('schema-keyword-changed', place, { old: pointerOf(old, key), new: pointerOf(next, key) }, { name: key });
    }
  }
}
