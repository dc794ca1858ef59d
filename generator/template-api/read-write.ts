import type { SchemaNode } from '../model/types.ts';
import { propertyReach } from './reaching-property.ts';

/**
 * How openapi-typescript's read/write markers wrap a property (`readWriteMarkers`, which the types
 * stage turns on for a subset that has such a property): `$Read<T>` for one whose own schema is
 * `readOnly`, `$Write<T>` for `writeOnly`, nothing for both or neither. Its own schema: the
 * property's, or a `$ref` with the keyword beside it; not what the `$ref` names.
 */
export function readWriteMarker(property: SchemaNode): 'read' | 'write' | undefined {
  if (property.readOnly === true && property.writeOnly !== true) return 'read';
  if (property.writeOnly === true && property.readOnly !== true) return 'write';
  return undefined;
}

/**
 * Whether a schema's types hold a read/write marker: it reaches a marked property (`readWriteMarker`)
 * at any depth, through `$ref`s. Such a type is read through the views `src/schema.ts` declares
 * (types/read-write-views.ts; openapi-fetch's own are openapi-typescript-helpers'): `Readable<T>`
 * (writeOnly properties gone, readOnly ones as their type) for what a response holds,
 * `Writable<T>` (readOnly properties gone) for what a request sends.
 */
export const reachesReadWriteMarker = propertyReach((schema) => readWriteMarker(schema) !== undefined);
