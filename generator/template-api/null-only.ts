import type { SchemaModel, SchemaNode } from '../model/types.ts';
import { schemasByName } from './schemas-by-name.ts';

/**
 * Whether a request body reaches a property whose only value is `null` (`type: 'null'`, directly
 * or through `$ref`s), at any depth. openapi-fetch's request type (`Writable<T>` of
 * openapi-typescript-helpers) drops such a property: it asks `NonNullable<T[K]> extends $Read<any>`,
 * and `NonNullable<null>` is `never`, which extends everything, so the property must be absent
 * (`?: never`). A method typed from `paths` alone would then not fit the call.
 */
export function reachesNullOnlyProperty(node: SchemaNode, schemas: readonly SchemaModel[]): boolean {
  const reaching = reachingByList.get(schemas) ?? reachingSchemas(schemas);
  reachingByList.set(schemas, reaching);
  return local(node, schemasByName(schemas), (name) => reaching.has(name));
}

/**
 * The named schemas of a model from which a null-only property is reached, found once for the model
 * (its schemas are frozen): a method's body is then checked without walking the schemas it refers
 * to again, which GitHub's 1,223 methods did each time (with a map of its 625 schemas built for each).
 */
const reachingByList = new WeakMap<readonly SchemaModel[], ReadonlySet<string>>();

/** The names of the schemas that reach a null-only property: each that holds one itself, then each that refers to one that reaches one. */
function reachingSchemas(schemas: readonly SchemaModel[]): ReadonlySet<string> {
  const byName = schemasByName(schemas);
  const referrers = new Map<string, string[]>();
  const reaching = new Set<string>();
  for (const [name, schema] of byName) {
    const holds = local(schema, byName, (target) => {
      const list = referrers.get(target);
      if (list) list.push(name);
      else referrers.set(target, [name]);
      return false;
    });
    if (holds) reaching.add(name);
  }
  const queue = [...reaching];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    for (const referrer of referrers.get(name) ?? []) {
      if (reaching.has(referrer)) continue;
      reaching.add(referrer);
      queue.push(referrer);
    }
  }
  return reaching;
}

/**
 * Whether `node` reaches a null-only property within itself: an object property whose schema is
 * `null`, or resolves to it through `$ref`s, at any depth; a `$ref` met on the way is answered by
 * `ref` (every one of the node's is asked, until one answers yes).
 */
function local(node: SchemaNode, byName: ReadonlyMap<string, SchemaNode>, ref: (name: string) => boolean): boolean {
  const walk = (n: SchemaNode): boolean => {
    switch (n.kind) {
      case 'ref':
        return ref(n.name);
      case 'object':
        return n.properties.some((p) => resolve(p.schema, byName)?.kind === 'null' || walk(p.schema)) || (typeof n.additionalProperties === 'object' && walk(n.additionalProperties));
      case 'array':
        return walk(n.items);
      case 'union':
        return n.variants.some(walk);
      case 'intersection':
        return n.parts.some(walk);
      default:
        return false;
    }
  };
  return walk(node);
}

/** The schema a `$ref` chain ends at, `undefined` for a chain that loops or names no schema. */
function resolve(node: SchemaNode, byName: ReadonlyMap<string, SchemaNode>): SchemaNode | undefined {
  let current: SchemaNode | undefined = node;
  const visited = new Set<string>();
  while (current?.kind === 'ref' && !visited.has(current.name)) {
    visited.add(current.name);
    current = byName.get(current.name);
  }
  return current?.kind === 'ref' ? undefined : current;
}
