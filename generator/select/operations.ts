import { walkOperations, type OperationEntry, type UnmodelledOperation } from '../openapi/operations.ts';
import { error } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { isObject, own, ownString, type JsonObject } from '../json.ts';
import { parsePointer, resolvePointer } from '../pointer.ts';
import type { SpecDocument } from '../spec-context.ts';

/**
 * Every operation under `paths`, in document order, through the one operation walk; with `wanted`,
 * those of the paths it accepts only (the others are not read, nor checked).
 */
export function listOperations(spec: SpecDocument, diagnostics: DiagnosticCollector, unmodelled: UnmodelledOperation[] = [], wanted?: (path: string) => boolean): OperationEntry[] {
  const paths = own(spec.document, 'paths');
  if (paths === undefined) return [];
  if (!isObject(paths)) {
    diagnostics.add(error('OM206', '"paths" must be a mapping', spec.at('#/paths')));
    return [];
  }
  return walkOperations(paths, {
    pathItem: (item, at) => resolvePathItem(spec, item, at, diagnostics),
    invalidOperation: (method, path, at) => diagnostics.add(error('OM206', `${method.toUpperCase()} ${path} must be a mapping`, spec.at(at))),
    unmodelled: (operation) => unmodelled.push(operation),
    ...(wanted ? { wanted } : {}),
  });
}

function resolvePathItem(
  spec: SpecDocument,
  item: unknown,
  at: string,
  diagnostics: DiagnosticCollector,
): JsonObject | undefined {
  if (!isObject(item)) {
    diagnostics.add(error('OM206', 'a path item must be a mapping', spec.at(at)));
    return undefined;
  }
  const ref = ownString(item, '$ref');
  if (ref === undefined) return item;
  const segments = parsePointer(ref);
  const target = segments ? resolvePointer(spec.document, segments) : undefined;
  if (!isObject(target)) {
    diagnostics.add(error(segments ? 'OM208' : 'OM207', `path item $ref "${ref}" cannot be resolved${segments ? '' : ' (external references are off: set refs: { external: true } in the config to allow files under the spec folder)'}`, spec.at(`${at}/$ref`)));
    return undefined;
  }
  return target;
}
