import type { SchemaModel, SchemaNode } from '../model/types.ts';

/**
 * Whether a request body reaches a property whose only value is `null` (`type: 'null'`, directly
 * or through `$ref`s), at any depth. openapi-fetch's request type (`Writable<T>` of
 * openapi-typescript-helpers) drops such a property: it asks `NonNullable<T[K]> extends $Read<any>`,
 * and `NonNullable<null>` is `never`, which extends everything, so the property must be absent
 * (`?: never`). A method typed from `paths` alone would then not fit the call.
 */
export function reachesNullOnlyProperty(node: SchemaNode, schemas: readonly SchemaModel[]): boolean {
  const byName = new Map(schemas.map((s) => [s.name, s.schema]));
  const seen = new Set<string>();
  const resolve = (n: SchemaNode): SchemaNode | undefined => {
    let current: SchemaNode | undefined = n;
    const visited = new Set<string>();
    while (current?.kind === 'ref' && !visited.has(current.name)) {
      visited.add(current.name);
      current = byName.get(current.name);
    }
    return current?.kind === 'ref' ? undefined : current;
  };
  const walk = (n: SchemaNode): boolean => {
    if (n.kind === 'ref') {
      if (seen.has(n.name)) return false;
      seen.add(n.name);
      const target = byName.get(n.name);
      return target !== undefined && walk(target);
    }
    switch (n.kind) {
      case 'object':
        return (
          n.properties.some((p) => resolve(p.schema)?.kind === 'null' || walk(p.schema)) ||
          (typeof n.additionalProperties === 'object' && walk(n.additionalProperties))
        );
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
