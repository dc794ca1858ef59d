import { isObject, own, setOwn, type JsonObject } from './json.ts';

/** Members of a Schema Object that hold one subschema. */
export const SINGLE_SCHEMA_KEYS = ['items', 'additionalProperties', 'not', 'contains', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'] as const;
/** Members that hold a list of subschemas. */
export const LIST_SCHEMA_KEYS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
/** Members that hold a map of name -> subschema. */
export const MAP_SCHEMA_KEYS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'] as const;

/**
 * Rebuilds a schema tree bottom-up, calling `visit` on every Schema Object after its subschemas
 * were rebuilt. Never mutates its input; returns the input object itself where nothing changed.
 */
export function mapSchema(schema: unknown, visit: (schema: JsonObject) => JsonObject): unknown {
  if (!isObject(schema)) return schema;
  let copy: JsonObject | undefined;
  const replace = (key: string, value: unknown): void => {
    copy ??= { ...schema };
    setOwn(copy, key, value);
  };
  for (const key of SINGLE_SCHEMA_KEYS) {
    const child = own(schema, key);
    if (!isObject(child)) continue;
    const mapped = mapSchema(child, visit);
    if (mapped !== child) replace(key, mapped);
  }
  for (const key of LIST_SCHEMA_KEYS) {
    const list = own(schema, key);
    if (!Array.isArray(list)) continue;
    const mapped = list.map((item) => mapSchema(item, visit));
    if (mapped.some((item, index) => item !== list[index])) replace(key, mapped);
  }
  for (const key of MAP_SCHEMA_KEYS) {
    const map = own(schema, key);
    if (!isObject(map)) continue;
    let changed = false;
    const mapped: JsonObject = {};
    for (const [name, child] of Object.entries(map)) {
      const next = mapSchema(child, visit);
      changed ||= next !== child;
      setOwn(mapped, name, next);
    }
    if (changed) replace(key, mapped);
  }
  return visit(copy ?? schema);
}

/**
 * Applies `visit` to every Schema Object in an OpenAPI document (components, parameters,
 * headers, media types), returning a new document; unchanged parts are shared, not copied.
 */
export function mapDocumentSchemas(document: JsonObject, visit: (schema: JsonObject) => JsonObject): JsonObject {
  const walk = (node: unknown, parentKey: string | undefined): unknown => {
    if (Array.isArray(node)) {
      const mapped = node.map((item) => walk(item, undefined));
      return mapped.some((item, index) => item !== node[index]) ? mapped : node;
    }
    if (!isObject(node)) return node;
    if (parentKey === 'schemas') {
      let changed = false;
      const mapped: JsonObject = {};
      for (const [name, schema] of Object.entries(node)) {
        const next = mapSchema(schema, visit);
        changed ||= next !== schema;
        setOwn(mapped, name, next);
      }
      return changed ? mapped : node;
    }
    let copy: JsonObject | undefined;
    for (const [key, child] of Object.entries(node)) {
      if (key.startsWith('x-') || key === 'example' || key === 'examples' || key === 'default') continue;
      const next = key === 'schema' ? mapSchema(child, visit) : walk(child, key);
      if (next !== child) {
        copy ??= { ...node };
        setOwn(copy, key, next);
      }
    }
    return copy ?? node;
  };
  return walk(document, undefined) as JsonObject;
}
