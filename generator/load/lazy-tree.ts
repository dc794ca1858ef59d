import type { JsonObject } from '../json.ts';
import { httpMethods } from '../openapi/operations.ts';

/**
 * What a large document's lazy tree (lazy-yaml.ts) cuts into entries of its own rather than parses
 * whole: the top level, `paths`, each path item, each operation, `components`
 * and each of its groups. One operation of a large document reaches a few dozen of their
 * thousands of entries; finding the operations reads an operation's `operationId` and `tags` only.
 */
export function isBranch(path: readonly string[]): boolean {
  const [first, , third] = path;
  if (path.length === 1) return first === 'paths' || first === 'components';
  // Under a branch: a path item, or a group of components (`schemas`).
  if (path.length === 2) return true;
  return path.length === 3 && first === 'paths' && (httpMethods as readonly string[]).includes(third!);
}

/** Two keys added then deleted before the entries' keys (which keys does not matter). */
const DICTIONARY = ['\0a', '\0b'] as const;

/**
 * An object whose properties are read from their entries the first time they are read (`read`:
 * cut further, or parsed), then hold the value as plain data properties; a property set first
 * takes the value set. Enumerating its keys reads nothing. `at` is the object's path in the document.
 */
export function lazyObject<E extends { readonly key: string }>(entries: readonly E[], at: readonly string[], read: (entry: E, path: readonly string[]) => unknown): JsonObject {
  // In V8's dictionary mode from the start (deleting a property other than the last puts an object
  // there): turning an accessor into a data property (`settle`) then changes it in place, where on
  // a fast-mode object each one copies all the object's property descriptors into a new hidden
  // class. Measured: settling 900 properties took 3 s that way and 1.3 ms this way; selecting one
  // operation of GitHub's document (811 path items) took 2 s in `select` before this.
  const object: JsonObject = { [DICTIONARY[0]]: 0, [DICTIONARY[1]]: 0 };
  for (const key of DICTIONARY) delete object[key];
  const settle = (key: string, value: unknown): void => {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  };
  for (const entry of entries) {
    const { key } = entry;
    Object.defineProperty(object, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = read(entry, [...at, key]);
        settle(key, value);
        return value;
      },
      set: (value: unknown) => {
        settle(key, value);
      },
    });
  }
  return object;
}
