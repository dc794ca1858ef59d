import { isObject, own, type JsonObject } from '../json.ts';

/**
 * A `type: object` schema (or `[object, null]`) without members of its own: no properties (an
 * empty `properties` is none), `patternProperties`, `allOf`/`anyOf`/`oneOf`, `enum`, `const`,
 * `$defs` or `$ref`. openapi-typescript types such a schema by a fallback, `Record<string, …>`,
 * unless it has `additionalProperties`; what its `additionalProperties` and `required` mean is the
 * caller's (required-only.ts; the types stage's `emptyObjectsUnknown` and closed objects).
 * Undefined for any other schema.
 */
export function memberlessObject(schema: unknown): JsonObject | undefined {
  if (!isObject(schema)) return undefined;
  const type = own(schema, 'type');
  if (type !== 'object' && !(Array.isArray(type) && type.includes('object') && type.every((t) => t === 'object' || t === 'null'))) return undefined;
  const properties = own(schema, 'properties');
  if (properties !== undefined && !(isObject(properties) && Object.keys(properties).length === 0)) return undefined;
  return ['patternProperties', 'allOf', 'anyOf', 'oneOf', 'enum', 'const', '$defs', '$ref'].some((key) => own(schema, key) !== undefined) ? undefined : schema;
}
