import { compareStrings, fromEntries, isObject, own, type JsonObject } from '../json.ts';
import { componentTypes, type ComponentType } from '../openapi/components.ts';
import type { Closure } from './closure.ts';
import { httpMethods, type OperationEntry } from '../openapi/operations.ts';

/** Path-item members kept next to the selected operations (and the only ones a later stage reads). */
const PATH_ITEM_MEMBERS = ['summary', 'description', 'servers', 'parameters'] as const;

/**
 * The selected operations plus every component they reach, nothing else, with keys in a stable
 * order: document members in OpenAPI's order, paths and component names sorted by code unit,
 * methods in HTTP order. Objects inside operations and components keep their own key order.
 * Root-level vendor extensions are dropped: they describe the whole upstream document. Webhooks
 * are kept only when selected (`--all` on a document without operations): their payloads are
 * then the models the package is for.
 */
export function buildSubset(document: JsonObject, operations: readonly OperationEntry[], closure: Closure, webhooks?: JsonObject): JsonObject {
  const subset: JsonObject = {};
  for (const key of ['openapi', 'info', 'jsonSchemaDialect', 'servers'] as const) copy(document, subset, key);
  const tags = usedTags(document, operations);
  if (tags.length > 0) subset['tags'] = tags;
  subset['paths'] = buildPaths(operations);
  if (webhooks) subset['webhooks'] = webhooks;
  const components = buildComponents(document, closure);
  if (Object.keys(components).length > 0) subset['components'] = components;
  copy(document, subset, 'security');
  return subset;
}

/** A path item's members that are kept next to its selected operations (`PATH_ITEM_MEMBERS`), as a plain object. */
export function keptPathItem(pathItem: JsonObject): JsonObject {
  const item: JsonObject = {};
  for (const member of PATH_ITEM_MEMBERS) copy(pathItem, item, member);
  return item;
}

function copy(from: JsonObject, to: JsonObject, key: string): void {
  const value = own(from, key);
  if (value !== undefined) to[key] = value;
}

function usedTags(document: JsonObject, operations: readonly OperationEntry[]): unknown[] {
  const used = new Set(operations.flatMap((entry) => entry.tags));
  const declared = own(document, 'tags');
  if (!Array.isArray(declared)) return [];
  return declared.filter((tag) => isObject(tag) && typeof tag['name'] === 'string' && used.has(tag['name']));
}

function buildPaths(operations: readonly OperationEntry[]): JsonObject {
  const byPath = new Map<string, OperationEntry[]>();
  for (const entry of operations) byPath.set(entry.path, [...(byPath.get(entry.path) ?? []), entry]);
  const paths = [...byPath.keys()].sort(compareStrings).map((path): [string, unknown] => {
    const entries = byPath.get(path)!;
    const item = keptPathItem(entries[0]!.pathItem);
    for (const method of httpMethods) {
      const entry = entries.find((e) => e.method === method);
      if (entry) item[method] = entry.operation;
    }
    return [path, item];
  });
  return fromEntries(paths);
}

function buildComponents(document: JsonObject, closure: Closure): JsonObject {
  const source = own(document, 'components');
  const byType = new Map<ComponentType, string[]>();
  for (const key of closure.components) {
    const slash = key.indexOf('/');
    const type = key.slice(0, slash) as ComponentType;
    byType.set(type, [...(byType.get(type) ?? []), key.slice(slash + 1)]);
  }
  const components: JsonObject = {};
  for (const type of componentTypes) {
    const names = byType.get(type);
    const group = isObject(source) ? own(source, type) : undefined;
    if (!names || !isObject(group)) continue;
    components[type] = fromEntries(names.sort(compareStrings).map((name) => [name, own(group, name)]));
  }
  return components;
}
