import { isObject, own, type JsonObject } from '../json.ts';
import type { DiffSide } from './select-pair.ts';

/** A selected operation, read from the normalized subset. */
export interface SideOperation {
  readonly path: string;
  readonly method: string;
  readonly operationId: string | undefined;
  readonly operation: JsonObject;
  readonly pathItem: JsonObject;
  readonly pointer: string;
}

export interface OperationPair {
  readonly old: SideOperation | undefined;
  readonly new: SideOperation | undefined;
  /** How the two were matched: the same operationId, or the same method and path template. */
  readonly by: 'operationId' | 'route' | undefined;
}

/** `/a/{id}` and `/a/{call_id}` are the same route: parameter names are not part of the URL a client builds. */
export function routeTemplate(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

export function sideOperations(side: DiffSide): SideOperation[] {
  const paths = own(side.document, 'paths');
  return (side.selected?.operations ?? []).map((entry) => {
    const pathItem = isObject(paths) ? own(paths, entry.path) : undefined;
    const item = isObject(pathItem) ? pathItem : {};
    const operation = own(item, entry.method);
    return { path: entry.path, method: entry.method, operationId: entry.operationId, operation: isObject(operation) ? operation : {}, pathItem: item, pointer: entry.pointer };
  });
}

/**
 * Pairs the selected operations of both documents: first by operationId (so a moved path or a
 * changed method is a change of one operation), then by method and path template (so a renamed
 * operationId is too). Unpaired operations were removed or added.
 */
export function matchOperations(old: readonly SideOperation[], next: readonly SideOperation[]): OperationPair[] {
  const pairs: OperationPair[] = [];
  const unmatched = new Set(next);
  const rest: SideOperation[] = [];
  for (const a of old) {
    const b = a.operationId === undefined ? undefined : [...unmatched].find((n) => n.operationId === a.operationId);
    if (b) {
      unmatched.delete(b);
      pairs.push({ old: a, new: b, by: 'operationId' });
    } else {
      rest.push(a);
    }
  }
  for (const a of rest) {
    const b = [...unmatched].find((n) => n.method === a.method && routeTemplate(n.path) === routeTemplate(a.path));
    if (b) unmatched.delete(b);
    pairs.push({ old: a, new: b, by: b ? 'route' : undefined });
  }
  for (const b of unmatched) pairs.push({ old: undefined, new: b, by: undefined });
  return pairs;
}

export function operationLabel(operation: SideOperation): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}
