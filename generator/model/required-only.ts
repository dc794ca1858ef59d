import { own } from '../json.ts';
import { memberlessObject } from './memberless-object.ts';

/**
 * The names a `type: object` schema (or `[object, null]`) with a `required` list and no members of
 * its own (memberless-object.ts; no `additionalProperties` either) requires: an `allOf` part that
 * makes another part's properties required (`allOf: [X, { type: object, required: [a] }]`, seen in
 * ix-api.net, influxdata.com, DigitalOcean), and any other such schema (a body, a property, a
 * component). openapi-typescript writes an object without members as `Record<string, …>`, which
 * says nothing of those properties (and, as its `Record<string, never>`, admitted no value with
 * them). The types stage types it as the object that has them (`{ a: unknown }`), the model as the
 * `required` list beside an `allOf`, whose example values come from the other parts. Undefined for
 * any other schema.
 */
export function requiredOnly(schema: unknown): string[] | undefined {
  const object = memberlessObject(schema);
  if (!object || own(object, 'additionalProperties') !== undefined) return undefined;
  const required = own(object, 'required');
  if (!Array.isArray(required) || required.length === 0 || !required.every((name): name is string => typeof name === 'string')) return undefined;
  return [...new Set(required)];
}
