import { isObject, own, setOwn, type JsonObject } from '../json.ts';
import { childPointer } from '../pointer.ts';
import { DOC_KEYWORDS, READ_WRITE_KEYWORDS } from './keywords.ts';
import { keywordPointer, followRef } from '../openapi/follow-ref.ts';

/** A value in a document and its pointer. */
export interface Located {
  readonly value: unknown;
  readonly at: string;
}

/**
 * One schema as the comparison sees it: references followed, `allOf` merged into one object,
 * nested pure unions flattened, `anyOf: [X, {type: null}]` read as a nullable X, and the type
 * inferred from shape keywords when `type` is missing (upstream writes `items` without
 * `type: array`). Two documents that say the same thing in different words give equal views.
 */
export interface SchemaView {
  /** Pointer of the schema (the reference target), used to detect cycles. */
  readonly pointer: string;
  /** Pointer where the schema is used. */
  readonly site: string;
  /**
   * What the view was built from: the pointer, plus the site when keywords next to a `$ref` (or
   * around a nullable union) were laid over the target. Equal identities give equal views.
   */
  readonly identity: string;
  /** Component schema name the site refers to, if any. */
  readonly ref: string | undefined;
  /** The merged keywords, vendor extensions removed. */
  readonly keywords: JsonObject;
  /** Pointer of a keyword (in the target, the site, or the `allOf` member it came from). */
  keyAt(key: string): string;
  /** Admitted JSON types (`null` included when nullable); undefined means any type. */
  readonly types: ReadonlySet<string> | undefined;
  readonly properties: ReadonlyMap<string, Located>;
  readonly required: ReadonlySet<string>;
  /** `anyOf`/`oneOf` members (the distinction does not change a client's types), flattened. */
  readonly members: readonly Located[] | undefined;
  /** The `false` schema: admits nothing. */
  readonly never: boolean;
}

const MAX_DEPTH = 16;

export function buildView(document: JsonObject, value: unknown, at: string, depth = 0): SchemaView {
  const resolved = followRef(document, value, at);
  const raw = resolved.value;
  if (!isObject(raw)) {
    return { pointer: resolved.pointer, site: at, identity: resolved.pointer, ref: resolved.ref, keywords: {}, keyAt: (key) => childPointer(resolved.pointer, key), types: undefined, properties: new Map(), required: new Set(), members: undefined, never: raw === false };
  }
  const keywords: JsonObject = {};
  const pointers = new Map<string, string>();
  for (const [key, keyword] of Object.entries(raw)) {
    if (key.startsWith('x-') || key === '$ref') continue;
    setOwn(keywords, key, keyword);
    pointers.set(key, keywordPointer(resolved, key));
  }
  const keyAt = (key: string): string => pointers.get(key) ?? childPointer(resolved.pointer, key);

  const properties = new Map<string, Located>();
  const ownProperties = own(keywords, 'properties');
  if (isObject(ownProperties)) {
    for (const [name, schema] of Object.entries(ownProperties)) properties.set(name, { value: schema, at: childPointer(keyAt('properties'), name) });
  }
  const required = new Set(stringList(own(keywords, 'required')));
  let types: ReadonlySet<string> | undefined = declaredTypes(keywords);
  let members: readonly Located[] | undefined = unionMembers(document, keywords, keyAt, depth);
  const requiredOnly = members && requiredOnlyLists(document, keywords, keyAt);
  if (requiredOnly) {
    // `anyOf: [{ required: [a] }, { required: [b] }]` beside the properties (GitHub's "one of
    // these"): no union of shapes, but the object's own, requiring what every member of a list
    // requires (an `anyOf` and a `oneOf` both apply). Before, its members were compared as shapes
    // without properties: `a` removed, breaking.
    for (const lists of requiredOnly) for (const name of lists.reduce((common, list) => common.filter((n) => list.includes(n)))) required.add(name);
    members = undefined;
    delete keywords['anyOf'];
    delete keywords['oneOf'];
  }

  const allOf = own(keywords, 'allOf');
  if (Array.isArray(allOf) && depth < MAX_DEPTH) {
    delete keywords['allOf'];
    allOf.forEach((member, index) => {
      const part = buildView(document, member, childPointer(keyAt('allOf'), index), depth + 1);
      for (const [name, located] of part.properties) {
        const existing = properties.get(name);
        properties.set(name, existing ? { value: { allOf: [existing.value, located.value] }, at: existing.at } : located);
      }
      for (const name of part.required) required.add(name);
      types = types && part.types ? new Set([...types].filter((t) => part.types!.has(t) || (t === 'integer' && part.types!.has('number')))) : (types ?? part.types);
      members ??= part.members;
      for (const [key, keyword] of Object.entries(part.keywords)) {
        if (key in keywords) continue;
        setOwn(keywords, key, keyword);
        pointers.set(key, part.keyAt(key));
      }
    });
  }
  types ??= inferredTypes(keywords, properties);

  const identity = resolved.siblings.size > 0 ? `${resolved.pointer}@${at}` : resolved.pointer;
  const view: SchemaView = { pointer: resolved.pointer, site: at, identity, ref: resolved.ref, keywords, keyAt, types, properties, required, members, never: false };
  return unwrapNullable(document, view, depth);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function declaredTypes(keywords: JsonObject): Set<string> | undefined {
  const type = own(keywords, 'type');
  if (typeof type === 'string') return new Set([type]);
  if (Array.isArray(type)) return new Set(stringList(type));
  return undefined;
}

/** JSON types of enum/const values; `integer` for whole numbers. */
export function valueType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function inferredTypes(keywords: JsonObject, properties: ReadonlyMap<string, Located>): Set<string> | undefined {
  if ('items' in keywords || 'prefixItems' in keywords) return new Set(['array']);
  if (properties.size > 0 || 'additionalProperties' in keywords || 'required' in keywords) return new Set(['object']);
  const values = enumValues(keywords);
  if (values) return new Set(values.map(valueType));
  return undefined;
}

/** `enum` values, or `[const]`; undefined when neither is present. */
export function enumValues(keywords: JsonObject): unknown[] | undefined {
  const values = own(keywords, 'enum');
  if (Array.isArray(values)) return values;
  if ('const' in keywords) return [own(keywords, 'const')];
  return undefined;
}

function unionMembers(document: JsonObject, keywords: JsonObject, keyAt: (key: string) => string, depth: number): Located[] | undefined {
  const lists = (['anyOf', 'oneOf'] as const).filter((key) => Array.isArray(own(keywords, key)));
  if (lists.length === 0) return undefined;
  const members: Located[] = [];
  for (const key of lists) {
    (own(keywords, key) as unknown[]).forEach((member, index) => members.push(...flatten(document, { value: member, at: childPointer(keyAt(key), index) }, depth + 1)));
  }
  return members;
}

/**
 * For each of `anyOf` and `oneOf`, its members' `required` lists, when every member of both holds
 * nothing else (annotations aside); otherwise `undefined`.
 */
function requiredOnlyLists(document: JsonObject, keywords: JsonObject, keyAt: (key: string) => string): string[][][] | undefined {
  const all: string[][][] = [];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = own(keywords, key);
    if (!Array.isArray(members)) continue;
    const lists: string[][] = [];
    for (const [index, member] of members.entries()) {
      const resolved = followRef(document, member, childPointer(keyAt(key), index)).value;
      if (!isObject(resolved)) return undefined;
      const keys = Object.keys(resolved).filter((name) => !name.startsWith('x-') && !DOC_KEYWORDS.has(name));
      if (keys.length !== 1 || keys[0] !== 'required') return undefined;
      lists.push(stringList(own(resolved, 'required')));
    }
    if (lists.length > 0) all.push(lists);
  }
  return all.length > 0 ? all : undefined;
}

/** A member that is itself only a union (`anyOf` and annotations) contributes its members instead. */
function flatten(document: JsonObject, member: Located, depth: number): Located[] {
  if (depth >= MAX_DEPTH) return [member];
  const resolved = followRef(document, member.value, member.at);
  if (!isObject(resolved.value)) return [member];
  const keys = Object.keys(resolved.value).filter((key) => !key.startsWith('x-') && !DOC_KEYWORDS.has(key) && !(READ_WRITE_KEYWORDS as readonly string[]).includes(key));
  const unionKeys = keys.filter((key) => key === 'anyOf' || key === 'oneOf');
  if (unionKeys.length === 0 || unionKeys.length !== keys.length) return [member];
  return unionKeys.flatMap((key) =>
    (own(resolved.value as JsonObject, key) as unknown[]).flatMap((inner, index) => flatten(document, { value: inner, at: childPointer(keywordPointer(resolved, key), index) }, depth + 1)),
  );
}

export function isNullSchema(document: JsonObject, value: unknown): boolean {
  const resolved = followRef(document, value, '#').value;
  if (!isObject(resolved)) return false;
  const type = own(resolved, 'type');
  if (type === 'null' || (Array.isArray(type) && type.length === 1 && type[0] === 'null')) return true;
  const values = enumValues(resolved);
  return values !== undefined && values.length === 1 && values[0] === null;
}

/**
 * `anyOf: [X, {type: null}]` (3.1 style, and what normalize makes of a 3.0 `nullable` without a
 * type) is read as X plus the `null` type, so it compares equal to `type: [x, "null"]`.
 */
function unwrapNullable(document: JsonObject, view: SchemaView, depth: number): SchemaView {
  if (!view.members || view.types || view.properties.size > 0 || 'enum' in view.keywords || 'items' in view.keywords) return view;
  const nonNull = view.members.filter((member) => !isNullSchema(document, member.value));
  if (nonNull.length !== 1 || nonNull.length === view.members.length) return view;
  const inner = buildView(document, nonNull[0]!.value, nonNull[0]!.at, depth + 1);
  const keywords: JsonObject = { ...inner.keywords };
  const fromOuter = new Set<string>();
  for (const [key, keyword] of Object.entries(view.keywords)) {
    if (key === 'anyOf' || key === 'oneOf') continue;
    setOwn(keywords, key, keyword);
    fromOuter.add(key);
  }
  return {
    ...inner,
    site: view.site,
    identity: `${view.identity}|${inner.identity}`,
    ref: inner.ref ?? view.ref,
    keywords,
    keyAt: (key) => (fromOuter.has(key) ? view.keyAt(key) : inner.keyAt(key)),
    types: inner.types ? new Set([...inner.types, 'null']) : undefined,
    members: inner.members ? [...inner.members, ...view.members.filter((member) => isNullSchema(document, member.value))] : undefined,
  };
}
