import type { SchemaModel, SchemaNode } from '../model/types.ts';
import { schemasByName } from './schemas-by-name.ts';

/** Whether an object property's schema is of the kind asked for (`byName`: the model's schemas, to follow its `$ref`s). */
export type PropertyTest = (schema: SchemaNode, byName: ReadonlyMap<string, SchemaNode>) => boolean;

/**
 * `(node, schemas) => boolean`: whether `node` reaches an object property that passes `test`, at any
 * depth, through `$ref`s (and their cycles), properties, extra keys, items, unions and
 * intersections. The named schemas that reach one are found once per model (its schemas are
 * frozen): a method's body is then checked without walking the schemas it refers to again, which
 * GitHub's 1,223 methods did each time (with a map of its 625 schemas built for each).
 */
export function propertyReach(test: PropertyTest): (node: SchemaNode, schemas: readonly SchemaModel[]) => boolean {
  const reachingByList = new WeakMap<readonly SchemaModel[], ReadonlySet<string>>();
  return (node, schemas) => {
    let reaching = reachingByList.get(schemas);
    if (!reaching) reachingByList.set(schemas, (reaching = reachingSchemas(schemas, test)));
    const found = reaching;
    return local(node, schemasByName(schemas), test, (name) => found.has(name));
  };
}

/** The names of the schemas that reach a property passing `test`: each that holds one itself, then each that refers to one that reaches one. */
function reachingSchemas(schemas: readonly SchemaModel[], test: PropertyTest): ReadonlySet<string> {
  const byName = schemasByName(schemas);
  const referrers = new Map<string, string[]>();
  const reaching = new Set<string>();
  for (const [name, schema] of byName) {
    const holds = local(schema, byName, test, (target) => {
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
 * Whether `node` reaches a property passing `test` within itself, at any depth; a `$ref` met on the
 * way is answered by `ref` (every one of the node's is asked, until one answers yes).
 */
function local(node: SchemaNode, byName: ReadonlyMap<string, SchemaNode>, test: PropertyTest, ref: (name: string) => boolean): boolean {
  const walk = (n: SchemaNode): boolean => {
    switch (n.kind) {
      case 'ref':
        return ref(n.name);
      case 'object':
        return n.properties.some((p) => test(p.schema, byName) || walk(p.schema)) || (typeof n.additionalProperties === 'object' && walk(n.additionalProperties));
      case 'array':
        return walk(n.items) || (n.prefixItems?.some(walk) ?? false);
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
