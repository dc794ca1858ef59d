import type { SchemaModel, SchemaNode } from '../model/types.ts';

/** Each model's schema list by name, made once for the list (a model's schemas are frozen). */
const maps = new WeakMap<readonly SchemaModel[], ReadonlyMap<string, SchemaNode>>();

/**
 * A model's named schemas by name: what a `$ref` refers to, for the template helpers that follow
 * references (examples, the null-only check). Made once for the list: each `$ref` of each example
 * had searched the whole list, and `exampleValue` took 244 ms of the main thread of OpenAI's
 * `--all` (about 1,000 schemas) in a CPU profile, 67 ms with the map. The first schema of a name,
 * as a search of the list gave (a model's names are unique: they are a spec's component keys).
 */
export function schemasByName(schemas: readonly SchemaModel[]): ReadonlyMap<string, SchemaNode> {
  let byName = maps.get(schemas);
  if (!byName) {
    const made = new Map<string, SchemaNode>();
    for (const schema of schemas) if (!made.has(schema.name)) made.set(schema.name, schema.schema);
    maps.set(schemas, (byName = made));
  }
  return byName;
}
