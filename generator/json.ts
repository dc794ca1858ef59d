/** Narrowing helpers for untrusted, parsed JSON/YAML values. Never read through prototypes. */

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

export function ownString(object: JsonObject, key: string): string | undefined {
  const value = own(object, key);
  return typeof value === 'string' ? value : undefined;
}

export function ownObject(object: JsonObject, key: string): JsonObject | undefined {
  const value = own(object, key);
  return isObject(value) ? value : undefined;
}

/** Defines an own, enumerable property, so a key such as `__proto__` never sets a prototype. */
export function setOwn(object: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Builds an object from entries with `setOwn` semantics. */
export function fromEntries(entries: Iterable<readonly [string, unknown]>): JsonObject {
  const object: JsonObject = {};
  for (const [key, value] of entries) setOwn(object, key, value);
  return object;
}

/** Locale-independent string order (UTF-16 code units), so output is the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with object keys sorted, for hashing structured values deterministically. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? fromEntries(Object.keys(v).sort(compareStrings).map((k) => [k, v[k]])) : v,
  );
}
