import type { TransformNodeOptions } from 'openapi-typescript';
import type { TypeNode } from 'typescript';
import type { openapiTypescript, typescript } from '../heavy.ts';
import { isObject, own, setOwn, type JsonObject } from '../json.ts';
import { componentSchemas, schemaName } from '../openapi/components.ts';
import { childPointer, pointer } from '../pointer.ts';

/**
 * openapi-typescript types a schema with members of its own and a `oneOf`/`anyOf` as
 * `{ …own } & (A | B)`, and an `allOf` part that names a schema as that schema (`Omit<Pet, "petType">`
 * where it is discriminated). A common polymorphism pattern, a parent whose `oneOf` lists children
 * that each `allOf` the parent, then types the parent through its children and each child through
 * the parent: a circular type (TS2502; openapi-typescript#1665, seen on MongoDB's Atlas API), so the
 * package does not compile. What such a part means is the parent's own members, and that is how the
 * types stage types it: the parent without its `oneOf` and `anyOf` (`ownPartSchema`).
 *
 * Returns the `allOf` parts (the `{ $ref }` objects of `document`) that close such a cycle, each with
 * the component it is typed from: the part names a component (or an alias of one, followed to it)
 * with a `oneOf` or `anyOf` whose members lead back to the part's schema through what a type cannot
 * recurse through here: `$ref`s, the members of `allOf`, `oneOf` and `anyOf`, and array items. (A
 * property can: an object type's members are resolved lazily.)
 */
export function unionCycleBreaks(document: JsonObject): Map<JsonObject, string> {
  const schemas = componentSchemas(document);
  const breaks = new Map<JsonObject, string>();
  if (!schemas) return breaks;
  const nodes = new Map<string, UnionNode>();
  for (const [name, schema] of Object.entries(schemas)) collect(schema, componentPath(name), nodes);
  // Each parent's reach is found once: a union of thousands of members is common in large documents.
  const reached = new Map<string, ReadonlySet<string>>();
  for (const [path, node] of nodes) {
    for (const part of node.allOfParts) {
      const parent = aliasTarget(part.name, schemas);
      const members = nodes.get(componentPath(parent))?.unionMembers ?? [];
      if (members.length === 0) continue;
      let reach = reached.get(parent);
      if (!reach) reached.set(parent, (reach = reachable(members, nodes)));
      if (reach.has(path)) breaks.set(part.ref, parent);
    }
  }
  return breaks;
}

/**
 * The key under a parent, in the types stage's copy of the document, that holds the parent without
 * its unions; a part `unionCycleBreaks` found is pointed there (`#/components/schemas/Pet/<key>`),
 * which openapi-typescript writes `components["schemas"]["Pet"]["<key>"]` and the hook replaces.
 */
const OWN_PART = 'x-openapi-morph-own-part';

/**
 * Points each part `unionCycleBreaks` finds at its parent's own part, in `document` (the types
 * stage's own copy, after openapi-typescript scanned its discriminators), and returns the
 * `postTransform` hook that types those references as the parent's own part (once per parent, by
 * the same transform at the parent's path); undefined when there is none. `discriminators` is the
 * scan's result: the own part's reference is discriminated (`Omit`) and handled as the parent's is.
 */
export function unionCycleHook(
  document: JsonObject,
  discriminators: { objects: Record<string, unknown>; refsHandled: string[] },
  ts: ReturnType<typeof typescript>,
  transformSchemaObject: ReturnType<typeof openapiTypescript>['transformSchemaObject'],
): ((type: TypeNode, options: TransformNodeOptions) => TypeNode | undefined) | undefined {
  const breaks = unionCycleBreaks(document);
  if (breaks.size === 0) return undefined;
  const schemas = componentSchemas(document)!;
  const ownParts = new Map<string, JsonObject>();
  for (const [part, parent] of breaks) {
    const parentRef = componentPath(parent);
    // `%` escaped: openapi-typescript decodes a reference's `%XX` (a name holding `%41` stays itself).
    const ref = pointer('components', 'schemas', parent.replaceAll('%', '%25'), OWN_PART);
    part['$ref'] = ref;
    if (!ownParts.has(parent)) {
      const own = ownPartSchema(schemas[parent] as JsonObject);
      ownParts.set(parent, own);
      setOwn(schemas[parent] as JsonObject, OWN_PART, own);
      const discriminator = discriminators.objects[parentRef];
      if (discriminator) discriminators.objects[ref] = discriminator;
      if (discriminators.refsHandled.includes(parentRef)) discriminators.refsHandled.push(ref);
    }
  }
  const typed = new Map<string, TypeNode>();
  const typing = new Set<string>();
  return (type, options) => {
    const found = ownPartReference(ts, type);
    const own = found && ownParts.get(found.parent);
    if (!found || !own) return undefined;
    // Met again while the parent's own part is typed (parents that `allOf` each other too): the reference it was.
    if (typing.has(found.parent)) return found.reference;
    let part = typed.get(found.parent);
    if (!part) {
      typing.add(found.parent);
      part = transformSchemaObject(own as Parameters<typeof transformSchemaObject>[0], { ...options, path: componentPath(found.parent) });
      typing.delete(found.parent);
      typed.set(found.parent, part);
    }
    return part;
  };
}

/**
 * A parent's own members: the parent without its `oneOf` and `anyOf` (in its inline `allOf` parts
 * too) and without `null` among its types (a child is an object). Without members left (a
 * `type: object` that held only a discriminator and a union), no type: the part adds nothing to the
 * child, and says so as `unknown`.
 */
function ownPartSchema(schema: JsonObject): JsonObject {
  const { oneOf: _oneOf, anyOf: _anyOf, ...rest } = schema;
  const allOf = own(rest, 'allOf');
  if (Array.isArray(allOf)) rest['allOf'] = allOf.map((part) => (isObject(part) && own(part, '$ref') === undefined ? ownPartSchema(part) : part));
  const types = own(rest, 'type');
  const nonNull = Array.isArray(types) ? types.filter((type) => type !== 'null') : [types];
  const members = ['properties', 'additionalProperties', 'patternProperties', 'allOf', 'items', 'prefixItems', 'enum', 'const'].some((key) => own(rest, key) !== undefined);
  if ((!members && nonNull.length === 1 && nonNull[0] === 'object') || nonNull.length === 0) delete rest['type'];
  else if (Array.isArray(types)) rest['type'] = nonNull.length === 1 ? nonNull[0] : nonNull;
  return rest;
}

/**
 * For the type openapi-typescript writes for a reference to Pet's own part,
 * `components["schemas"]["Pet"]["<OWN_PART>"]`: `Pet`, and the type of a reference to Pet.
 */
function ownPartReference(ts: ReturnType<typeof typescript>, type: TypeNode): { parent: string; reference: TypeNode } | undefined {
  const key = (node: TypeNode): string | undefined => (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal) ? node.literal.text : undefined);
  if (!ts.isIndexedAccessTypeNode(type) || key(type.indexType) !== OWN_PART || !ts.isIndexedAccessTypeNode(type.objectType)) return undefined;
  const parent = key(type.objectType.indexType);
  return parent === undefined ? undefined : { parent, reference: type.objectType };
}

function componentPath(name: string): string {
  return pointer('components', 'schemas', name);
}

interface UnionNode {
  /** Paths this one's type names directly: `$ref` targets, inline union members, array items; an inline `allOf` part's are its schema's. */
  readonly next: Set<string>;
  /** The `allOf` parts that name a component, with that name. */
  readonly allOfParts: { readonly ref: JsonObject; readonly name: string }[];
  /** Paths of its `oneOf`/`anyOf` members. */
  readonly unionMembers: string[];
}

/** Adds a schema's node: `path` is a component's, or an inline union member's or array item's below it (the graph's keys only). */
function collect(schema: unknown, path: string, nodes: Map<string, UnionNode>): void {
  if (!isObject(schema)) return;
  let node = nodes.get(path);
  if (!node) nodes.set(path, (node = { next: new Set(), allOfParts: [], unionMembers: [] }));
  // openapi-typescript reads nothing beside a `$ref` (a 3.1 sibling `oneOf` makes no union).
  const alias = schemaName(own(schema, '$ref'));
  if (alias !== undefined) {
    node.next.add(componentPath(alias));
    return;
  }
  const allOf = own(schema, 'allOf');
  for (const part of Array.isArray(allOf) ? allOf : []) {
    const named = isObject(part) ? schemaName(own(part, '$ref')) : undefined;
    if (named === undefined) collect(part, path, nodes);
    else {
      node.next.add(componentPath(named));
      node.allOfParts.push({ ref: part as JsonObject, name: named });
    }
  }
  for (const key of ['oneOf', 'anyOf']) {
    const members = own(schema, key);
    for (const [index, member] of (Array.isArray(members) ? members : []).entries()) {
      const named = isObject(member) ? schemaName(own(member, '$ref')) : undefined;
      const at = named === undefined ? childPointer(path, key, index) : componentPath(named);
      if (named === undefined) collect(member, at, nodes);
      node.next.add(at);
      node.unionMembers.push(at);
    }
  }
  const items = own(schema, 'items');
  const item = isObject(items) ? schemaName(own(items, '$ref')) : undefined;
  const at = item === undefined ? childPointer(path, 'items') : componentPath(item);
  if (isObject(items)) node.next.add(at);
  if (item === undefined) collect(items, at, nodes);
}

/** The paths reachable from `from` (themselves included). */
function reachable(from: readonly string[], nodes: Map<string, UnionNode>): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  for (let path = stack.pop(); path !== undefined; path = stack.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    stack.push(...(nodes.get(path)?.next ?? []));
  }
  return seen;
}

/** The component an alias (`Name: { $ref }`, in a chain) stands for; the name itself otherwise. */
function aliasTarget(name: string, schemas: JsonObject): string {
  const seen = new Set<string>();
  let current = name;
  for (;;) {
    seen.add(current);
    const schema = own(schemas, current);
    const next = isObject(schema) ? schemaName(own(schema, '$ref')) : undefined;
    if (next === undefined || seen.has(next)) return current;
    current = next;
  }
}
