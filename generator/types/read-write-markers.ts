import { isObject, own } from '../json.ts';

/**
 * Whether openapi-typescript's read/write markers are needed for a document: some property's own
 * schema (a `properties` member) is `readOnly` or `writeOnly`, not both. Then the types stage
 * turns `readWriteMarkers` on: such a property is typed `$Read<T>` or `$Write<T>`, and
 * openapi-fetch's request type (`Writable<T>`) leaves a readOnly property out of what a request
 * sends, its response type (`Readable<T>`) a writeOnly one out of what a response holds. Without
 * them a required readOnly `id` had to be sent in every request body. Off otherwise, so a document
 * without such a property keeps its types as they were (schema.ts then declares no `Readable`).
 * Looks at every object of the document: a key named `properties` that is not the keyword (a
 * property called so, an example) can only turn the markers on for nothing, never off.
 */
export function needsReadWriteMarkers(document: unknown): boolean {
  const stack: unknown[] = [document];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (!isObject(node)) continue;
    const properties = own(node, 'properties');
    if (isObject(properties) && Object.values(properties).some(marked)) return true;
    for (const value of Object.values(node)) if (typeof value === 'object' && value !== null) stack.push(value);
  }
  return false;
}

function marked(property: unknown): boolean {
  return isObject(property) && (own(property, 'readOnly') === true) !== (own(property, 'writeOnly') === true);
}
