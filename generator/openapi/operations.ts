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

/** What the walk hands back to its caller: a path item to resolve, an operation that is not a mapping. */
export interface OperationWalk {
  /** The path item to walk for a `paths` member (a `$ref` resolved), or undefined to skip it. */
  pathItem(item: unknown, at: string): JsonObject | undefined;
  /** An operation that is not a mapping (skipped). */
  invalidOperation?(method: HttpMethod, path: string, at: string): void;
}

/**
 * The one walk over a document's operations: every operation under `paths`, paths in document
 * order, methods in HTTP order. `webhooks` are not operations a client calls.
 */
export function walkOperations(paths: JsonObject, walk: OperationWalk): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const itemPointer = pointer('paths', path);
    const pathItem = walk.pathItem(rawItem, itemPointer);
    if (!pathItem) continue;
    for (const method of httpMethods) {
      const operation = own(pathItem, method);
      if (operation === undefined) continue;
      const operationPointer = childPointer(itemPointer, method);
      if (!isObject(operation)) {
        walk.invalidOperation?.(method, path, operationPointer);
        continue;
      }
      const tags = own(operation, 'tags');
      entries.push({
        path,
        method,
        operationId: ownString(operation, 'operationId'),
        tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
        operation,
        pathItem,
        pointer: operationPointer,
      });
    }
  }
  return entries;
}
