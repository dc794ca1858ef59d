import { isObject, own } from '../json.ts';

/**
 * The names a `type: object` schema with a `required` list and no members of its own requires
 * (`allOf: [X, { type: object, required: [a] }]`, seen in ix-api.net, influxdata.com, DigitalOcean).
 * openapi-typescript writes an object without members, `Record<string, never>`, which makes every
 * property of what it is intersected with `never`: the types stage types it as the object that has
 * those properties (`{ a: unknown }`), and the model as the `required` list beside an `allOf`,
 * whose values examples take from the other parts. Undefined for any other schema.
 */
export function requiredOnly(schema: unknown): string[] | undefined {
  if (!isObject(schema) || own(schema, 'type') !== 'object') return undefined;
  const required = own(schema, 'required');
  if (!Array.isArray(required) || required.length === 0 || !required.every((name): name is string => typeof name === 'string')) return undefined;
  const members = ['properties', 'additionalProperties', 'patternProperties', 'allOf', 'anyOf', 'oneOf', 'enum', 'const', '$defs', '$ref'].some((key) => own(schema, key) !== undefined);
  return members ? undefined : [...new Set(required)];
}
