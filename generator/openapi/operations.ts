import { isObject, own, ownString, type JsonObject } from '../json.ts';
import { childPointer, pointer } from '../pointer.ts';

export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof httpMethods)[number];

/** One operation of the document, with where it lives. */
export interface OperationEntry {
  readonly path: string;
  readonly method: HttpMethod;
  readonly operationId: string | undefined;
  readonly tags: readonly string[];
  readonly operation: JsonObject;
  /** The path item the operation belongs to (resolved when the path item is a `$ref`). */
  readonly pathItem: JsonObject;
  /** `#/paths/~1realtime~1sessions/post` */
  readonly pointer: string;
}

/**
 * An operation OpenAPI 3.2 adds that the generated client cannot call: openapi-fetch has no QUERY,
 * and `additionalOperations` holds arbitrary methods. Selecting one is refused by name (select/index.ts).
 */
export interface UnmodelledOperation {
  /** Upper case, as written in a request line: `QUERY`, `COPY`. */
  readonly method: string;
  readonly path: string;
  readonly operationId: string | undefined;
  readonly tags: readonly string[];
  readonly pointer: string;
}

/** What the walk hands back to its caller: a path item to resolve, operations it does not return. */
export interface OperationWalk {
  /** The path item to walk for a `paths` member (a `$ref` resolved), or undefined to skip it. */
  pathItem(item: unknown, at: string): JsonObject | undefined;
  /** An operation that is not a mapping (skipped). */
  invalidOperation?(method: HttpMethod, path: string, at: string): void;
  /** A 3.2 `query` or `additionalOperations` member that is a mapping (not returned). */
  unmodelled?(operation: UnmodelledOperation): void;
  /**
   * Whether to walk the `paths` member with this key at all (default: every one). A member not
   * wanted is not read: in a lazily parsed document (load/lazy-yaml.ts) it is never parsed.
   */
  wanted?(path: string): boolean;
}

/**
 * The one walk over a document's operations: every operation under `paths`, paths in document
 * order, methods in HTTP order. `webhooks` are not operations a client calls, nor are the
 * specification extensions OpenAPI allows beside the paths (`x-...` members of `paths`).
 */
export function walkOperations(paths: JsonObject, walk: OperationWalk): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const path of Object.keys(paths)) {
    if (path.startsWith('x-') || (walk.wanted && !walk.wanted(path))) continue;
    const itemPointer = pointer('paths', path);
    const pathItem = walk.pathItem(paths[path], itemPointer);
    if (!pathItem) continue;
    if (walk.unmodelled) reportUnmodelled(path, pathItem, itemPointer, walk.unmodelled);
    for (const method of httpMethods) {
      const operation = own(pathItem, method);
      if (operation === undefined) continue;
      const operationPointer = childPointer(itemPointer, method);
      if (!isObject(operation)) {
        walk.invalidOperation?.(method, path, operationPointer);
        continue;
      }
      entries.push({ path, method, operationId: ownString(operation, 'operationId'), tags: tagsOf(operation), operation, pathItem, pointer: operationPointer });
    }
  }
  return entries;
}

/** `query` first, then `additionalOperations` in document order; members that are not mappings are ignored. */
function reportUnmodelled(path: string, pathItem: JsonObject, itemPointer: string, report: (operation: UnmodelledOperation) => void): void {
  const found: [string, unknown, string][] = [['query', own(pathItem, 'query'), childPointer(itemPointer, 'query')]];
  const extra = own(pathItem, 'additionalOperations');
  if (isObject(extra)) for (const [method, op] of Object.entries(extra)) found.push([method, op, childPointer(itemPointer, 'additionalOperations', method)]);
  for (const [method, op, at] of found) {
    if (isObject(op)) report({ method: method.toUpperCase(), path, operationId: ownString(op, 'operationId'), tags: tagsOf(op), pointer: at });
  }
}

/** The string members of an operation's `tags`. */
function tagsOf(operation: JsonObject): string[] {
  const tags = own(operation, 'tags');
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
}
