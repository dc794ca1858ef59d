import type { SchemaModel, SchemaNode } from '../model/types.ts';

type Discriminated = NonNullable<SchemaModel['discriminator']>;

/** A schema list's nodes and discriminators by name. */
interface ByName {
  readonly nodes: ReadonlyMap<string, SchemaNode>;
  readonly discriminators: ReadonlyMap<string, Discriminated>;
}

/** Each model's schema list by name, made once for the list (a model's schemas are frozen). */
const maps = new WeakMap<readonly SchemaModel[], ByName>();

function byName(schemas: readonly SchemaModel[]): ByName {
  let made = maps.get(schemas);
  if (!made) {
    const nodes = new Map<string, SchemaNode>();
    const discriminators = new Map<string, Discriminated>();
    for (const schema of schemas) {
      if (nodes.has(schema.name)) continue;
      nodes.set(schema.name, schema.schema);
      if (schema.discriminator) discriminators.set(schema.name, schema.discriminator);
    }
    maps.set(schemas, (made = { nodes, discriminators }));
  }
  return made;
}

/**
 * A model's named schemas by name: what a `$ref` refers to, for the template helpers that follow
 * references (examples, the null-only check). Made once for the list: each `$ref` of each example
 * had searched the whole list, and `exampleValue` took 244 ms of the main thread of OpenAI's
 * `--all` (about 1,000 schemas) in a CPU profile, 67 ms with the map. The first schema of a name,
 * as a search of the list gave (a model's names are unique: they are a spec's component keys).
 */
export function schemasByName(schemas: readonly SchemaModel[]): ReadonlyMap<string, SchemaNode> {
  return byName(schemas).nodes;
}

/** How the types treat each named schema's discriminator (`SchemaModel.discriminator`), by name; made with `schemasByName`'s map. */
export function discriminatorsByName(schemas: readonly SchemaModel[]): ReadonlyMap<string, Discriminated> {
  return byName(schemas).discriminators;
}
