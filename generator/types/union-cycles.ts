import type { TransformNodeOptions } from 'openapi-typescript';
import type { TypeNode } from 'typescript';
import type { openapiTypescript, typescript } from '../heavy.ts';
import { isObject, own, ownObject, type JsonObject } from '../json.ts';
import { childPointer, parsePointer, pointer } from '../pointer.ts';

/**
 * openapi-typescript types a schema with members of its own and a `oneOf`/`anyOf` as
 * `{ …own } & (A | B)`, and an `allOf` part that names a schema as that schema (`Omit<Pet, "petType">`
 * where it is discriminated). A common polymorphism pattern, a parent whose `oneOf` lists children
 * that each `allOf` the parent, then types the parent through its children and each child through
 * the parent: a circular type (TS2502; openapi-typescript#1665, seen on MongoDB's Atlas API), so the
 * package does not compile. What such a part means is the parent's own members, and that is how the
 * types stage types it (openapi-types.ts): the parent without its `oneOf` and `anyOf`.
 *
 * Returns, by the path openapi-typescript transforms an `allOf` at (a component's pointer, or an
 * inline `oneOf`/`anyOf` member's below it: an inline `allOf` part is transformed at its schema's),
 * the names of the components whose `allOf` parts there close such a cycle: the component has a
 * `oneOf` or `anyOf`, and one of its members leads back to that path through `$ref`s and the
 * members of `allOf`, `oneOf` and `anyOf` (what a type alias cannot recurse through; a property or
 * an array item can).
 */
export function unionCycleBreaks(document: JsonObject): Map<string, Set<string>> {
  const schemas = componentSchemas(document);
  const breaks = new Map<string, Set<string>>();
  if (!schemas) return breaks;
  const nodes = new Map<string, UnionNode>();
  for (const [name, schema] of Object.entries(schemas)) collect(schema, componentPath(name), nodes);
  for (const [path, node] of nodes) {
    for (const parent of node.allOfParts) {
      const members = nodes.get(componentPath(parent))?.unionMembers ?? [];
      if (reaches(members, path, nodes)) breaks.set(path, (breaks.get(path) ?? new Set()).add(parent));
    }
  }
  return breaks;
}

/**
 * openapi-typescript's `postTransform` hook that types the `allOf` parts `unionCycleBreaks` finds as
 * their component without its `oneOf` and `anyOf` (made once per component, at its own path, by the
 * same transform; a part met again while that is made stays as it was). Undefined when the document
 * has none.
 */
export function unionCycleHook(
  document: JsonObject,
  ts: ReturnType<typeof typescript>,
  transformSchemaObject: ReturnType<typeof openapiTypescript>['transformSchemaObject'],
): ((type: TypeNode, options: TransformNodeOptions) => TypeNode | undefined) | undefined {
  const breaks = unionCycleBreaks(document);
  if (breaks.size === 0) return undefined;
  // A parent `unionCycleBreaks` names is a component schema, an object.
  const schemas = componentSchemas(document) ?? {};
  const parts = new Map<string, TypeNode | undefined>();
  const ownPart = (name: string, options: TransformNodeOptions): TypeNode | undefined => {
    if (parts.has(name)) return parts.get(name);
    parts.set(name, undefined);
    const { oneOf: _oneOf, anyOf: _anyOf, ...members } = schemas[name] as JsonObject;
    const part = transformSchemaObject(members as Parameters<typeof transformSchemaObject>[0], { ...options, path: componentPath(name) });
    parts.set(name, part);
    return part;
  };
  return (type, options) => {
    const parents = breaks.get(options.path ?? '');
    const parent = parents && schemaReference(ts, type);
    return parent !== undefined && parents?.has(parent) ? ownPart(parent, options) : undefined;
  };
}

/**
 * `Pet` for the type openapi-typescript writes for a `$ref` to it, `components["schemas"]["Pet"]`
 * (a subset's schema `$ref`s all name a component schema: the model refuses others, OM209).
 */
function schemaReference(ts: ReturnType<typeof typescript>, type: TypeNode): string | undefined {
  if (!ts.isIndexedAccessTypeNode(type) || !ts.isIndexedAccessTypeNode(type.objectType)) return undefined;
  const key = type.indexType;
  return ts.isLiteralTypeNode(key) && ts.isStringLiteral(key.literal) ? key.literal.text : undefined;
}

function componentSchemas(document: JsonObject): JsonObject | undefined {
  const components = ownObject(document, 'components');
  return components && ownObject(components, 'schemas');
}

/** The path openapi-typescript transforms a component schema at. */
function componentPath(name: string): string {
  return pointer('components', 'schemas', name);
}

interface UnionNode {
  /** Paths this one's type names directly: `$ref` targets and inline union members. */
  readonly next: Set<string>;
  /** Components its `allOf` parts name. */
  readonly allOfParts: string[];
  /** Paths of its own `oneOf`/`anyOf` members. */
  readonly unionMembers: string[];
}

function collect(schema: unknown, path: string, nodes: Map<string, UnionNode>): void {
  if (!isObject(schema)) return;
  let node = nodes.get(path);
  if (!node) nodes.set(path, (node = { next: new Set(), allOfParts: [], unionMembers: [] }));
  const alias = componentOf(own(schema, '$ref'));
  if (alias !== undefined) node.next.add(componentPath(alias));
  const allOf = own(schema, 'allOf');
  for (const part of Array.isArray(allOf) ? allOf : []) {
    const named = isObject(part) ? componentOf(own(part, '$ref')) : undefined;
    if (named === undefined) collect(part, path, nodes);
    else {
      node.next.add(componentPath(named));
      node.allOfParts.push(named);
    }
  }
  for (const key of ['oneOf', 'anyOf']) {
    const members = own(schema, key);
    for (const [index, member] of (Array.isArray(members) ? members : []).entries()) {
      const named = isObject(member) ? componentOf(own(member, '$ref')) : undefined;
      const at = named === undefined ? childPointer(path, key, index) : componentPath(named);
      if (named === undefined) collect(member, at, nodes);
      node.next.add(at);
      node.unionMembers.push(at);
    }
  }
}

function reaches(from: readonly string[], target: string, nodes: Map<string, UnionNode>): boolean {
  const seen = new Set<string>();
  const stack = [...from];
  for (let path = stack.pop(); path !== undefined; path = stack.pop()) {
    if (path === target) return true;
    if (seen.has(path)) continue;
    seen.add(path);
    stack.push(...(nodes.get(path)?.next ?? []));
  }
  return false;
}

function componentOf(ref: unknown): string | undefined {
  const segments = typeof ref === 'string' ? parsePointer(ref) : undefined;
  return segments?.length === 3 && segments[0] === 'components' && segments[1] === 'schemas' ? segments[2] : undefined;
}
