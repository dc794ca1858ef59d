import { isObject, own, setOwn, type JsonObject } from '../json.ts';

/**
 * Whether openapi-typescript's read/write markers are needed for a document: some property's own
 * schema (a `properties` member) is `readOnly` or `writeOnly`, not both. Then the types stage
 * turns `readWriteMarkers` on: such a property is typed `$Read<T>` or `$Write<T>`, and
 * openapi-fetch's request type (`Writable<T>`) leaves a readOnly property out of what a request
 * sends, its response type (`Readable<T>`) a writeOnly one out of what a response holds. Without
 * them a required readOnly `id` had to be sent in every request body. Off otherwise, so a document
 * without such a property keeps its types as they were (schema.ts then declares no `Readable`).
 *
 * First, a property whose schema is a one-part `allOf` without a shape of its own (which the model
 * reads as the part: schema-node.ts) gets the part's `readOnly`/`writeOnly` when it has none, so
 * that openapi-typescript, which reads only the property's own schema, marks what the model sees
 * marked (`allOf: [{ $ref: Id, readOnly: true }]`). `document` is changed: the types stage's copy.
 * Looks at every object of the document: a key named `properties` that is not the keyword (a
 * property called so, an example) can only turn the markers on for nothing, never off.
 */
export function markReadWrite(document: unknown): boolean {
  return walk(document, true);
}

/** Whether `markReadWrite` would turn the markers on for `document`, which is not changed. */
export function hasReadWriteMarkers(document: unknown): boolean {
  return walk(document, false);
}

function walk(document: unknown, mark: boolean): boolean {
  let marked = false;
  const stack: unknown[] = [document];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (!isObject(node)) continue;
    const properties = own(node, 'properties');
    if (isObject(properties)) {
      for (const property of Object.values(properties)) {
        if (!isObject(property)) continue;
        const read = aliasedFlag(property, 'readOnly');
        const write = aliasedFlag(property, 'writeOnly');
        if (mark && read) setOwn(property, 'readOnly', true);
        if (mark && write) setOwn(property, 'writeOnly', true);
        marked ||= read !== write;
      }
    }
    if (marked && !mark) return true;
    for (const value of Object.values(node)) if (typeof value === 'object' && value !== null) stack.push(value);
  }
  return marked;
}

/** Keys that give a schema a shape of its own beside its `allOf` (schema-node.ts `hasShape`). */
const SHAPE_KEYS = ['type', 'properties', 'items', 'enum', 'const', 'additionalProperties'];

/** Whether the model reads `key` as set on a schema: its own, or, for a one-part `allOf` it takes as the part, the part's. */
function aliasedFlag(schema: JsonObject, key: 'readOnly' | 'writeOnly'): boolean {
  if (own(schema, key) === true) return true;
  if (own(schema, '$ref') !== undefined || Array.isArray(own(schema, 'oneOf')) || Array.isArray(own(schema, 'anyOf'))) return false;
  const allOf = own(schema, 'allOf');
  const required = own(schema, 'required');
  if (!Array.isArray(allOf) || allOf.length !== 1 || SHAPE_KEYS.some((k) => own(schema, k) !== undefined) || (Array.isArray(required) && required.length > 0)) return false;
  return isObject(allOf[0]) && aliasedFlag(allOf[0], key);
}
