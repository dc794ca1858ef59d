import { isObject, own } from '../json.ts';

/**
 * The names a `type: object` schema (or `[object, null]`) with a `required` list and no members of
 * its own requires: an `allOf` part that makes another part's properties required (`allOf: [X,
 * { type: object, required: [a] }]`, seen in ix-api.net, influxdata.com, DigitalOcean), and any
 * other such schema (a body, a property, a component). openapi-typescript writes an object without
 * members, `Record<string, never>`, which admits no value with those properties and makes every
 * property of what it is intersected with `never`. The types stage types it as the object that has
 * them (`{ a: unknown }`), the model as the `required` list beside an `allOf`, whose example values
 * come from the other parts. Undefined for any other schema.
 */
export function requiredOnly(schema: unknown): string[] | undefined {
  if (!isObject(schema)) return undefined;
  const type = own(schema, 'type');
  if (type !== 'object' && !(Array.isArray(type) && type.includes('object') && type.every((t) => t === 'object' || t === 'null'))) return undefined;
  const required = own(schema, 'required');
  if (!Array.isArray(required) || required.length === 0 || !required.every((name): name is string => typeof name === 'string')) return undefined;
  const members = ['properties', 'additionalProperties', 'patternProperties', 'allOf', 'anyOf', 'oneOf', 'enum', 'const', '$defs', '$ref'].some((key) => own(schema, key) !== undefined);
  return members ? undefined : [...new Set(required)];
}
