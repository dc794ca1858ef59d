import { httpMethods, type OperationEntry } from '../openapi/operations.ts';
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { isObject, own, ownString, type JsonObject } from '../json.ts';
import { childPointer, parsePointer, pointer, resolvePointer } from '../pointer.ts';
import type { SpecDocument } from '../spec-context.ts';

/**
 * Methods OpenAPI 3.2 adds that the generated client cannot call: openapi-fetch has no QUERY, and
 * `additionalOperations` holds arbitrary ones. Selecting one is refused by name (select/index.ts).
 */
export interface UnmodelledOperation {
  readonly path: string;
  readonly method: string;
  readonly operationId: string | undefined;
  readonly tags: readonly string[];
  readonly pointer: string;
}

/** Every operation under `paths`, in document order. `webhooks` are not operations a client calls. */
export function listOperations(spec: SpecDocument, diagnostics: Diagnostic[], unmodelled: UnmodelledOperation[] = []): OperationEntry[] {
  const paths = own(spec.document, 'paths');
  if (paths === undefined) return [];
  if (!isObject(paths)) {
    diagnostics.push(error('OM206', '"paths" must be a mapping', spec.at('#/paths')));
    return [];
  }
  const entries: OperationEntry[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const itemPointer = pointer('paths', path);
    const pathItem = resolvePathItem(spec, rawItem, itemPointer, diagnostics);
    if (!pathItem) continue;
    const extra = own(pathItem, 'additionalOperations');
    const others: [string, unknown, string][] = [['query', own(pathItem, 'query'), childPointer(itemPointer, 'query')]];
    if (isObject(extra)) for (const [method, op] of Object.entries(extra)) others.push([method, op, childPointer(itemPointer, 'additionalOperations', method)]);
    for (const [method, op, at] of others) {
      if (!isObject(op)) continue;
      const tags = own(op, 'tags');
      unmodelled.push({ path, method: method.toUpperCase(), operationId: ownString(op, 'operationId'), tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [], pointer: at });
    }
    for (const method of httpMethods) {
      const operation = own(pathItem, method);
      if (operation === undefined) continue;
      const operationPointer = childPointer(itemPointer, method);
      if (!isObject(operation)) {
        diagnostics.push(error('OM206', `${method.toUpperCase()} ${path} must be a mapping`, spec.at(operationPointer)));
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

function resolvePathItem(
  spec: SpecDocument,
  item: unknown,
  at: string,
  diagnostics: Diagnostic[],
): JsonObject | undefined {
  if (!isObject(item)) {
    diagnostics.push(error('OM206', 'a path item must be a mapping', spec.at(at)));
    return undefined;
  }
  const ref = ownString(item, '$ref');
  if (ref === undefined) return item;
  const segments = parsePointer(ref);
  const target = segments ? resolvePointer(spec.document, segments) : undefined;
  if (!isObject(target)) {
    diagnostics.push(error(segments ? 'OM208' : 'OM207', `path item $ref "${ref}" cannot be resolved${segments ? '' : ' (external references are off: set refs: { external: true } in the config to allow files under the spec folder)'}`, spec.at(`${at}/$ref`)));
    return undefined;
  }
  return target;
}
