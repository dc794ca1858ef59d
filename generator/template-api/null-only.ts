import type { SchemaNode } from '../model/types.ts';
import { propertyReach } from './reaching-property.ts';

/**
 * Whether a request body reaches a property whose only value is `null` (`type: 'null'`, directly
 * or through `$ref`s), at any depth. openapi-fetch's request type (`Writable<T>` of
 * openapi-typescript-helpers) drops such a property: it asks `NonNullable<T[K]> extends $Read<any>`,
 * and `NonNullable<null>` is `never`, which extends everything, so the property must be absent
 * (`?: never`). A method typed from `paths` alone would then not fit the call.
 */
export const reachesNullOnlyProperty = propertyReach((schema, byName) => resolve(schema, byName)?.kind === 'null');

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
