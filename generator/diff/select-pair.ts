import { error, MorphError } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import type { JsonObject } from '../json.ts';
import { normalize } from '../normalize/index.ts';
import { describeFilter, matchesFilter, type OperationFilter, type Selection } from '../select/filters.ts';
import { select, type SelectResult } from '../select/index.ts';
import { listOperations } from '../select/operations.ts';
import type { SpecDocument } from '../spec-context.ts';

/** One document's side of a diff: what the selection picks in it, normalized to OpenAPI 3.1. */
export interface DiffSide {
  readonly spec: SpecDocument;
  /** Undefined when the selection picks no operation in this document (they were all removed, or all added). */
  readonly selected: SelectResult | undefined;
  /** The normalized subset (an empty document when nothing is selected). */
  readonly document: JsonObject;
}

/**
 * Applies one selection to both documents. Unlike `generate`, an include filter may match in only
 * one of them: the operation was added or removed, which is exactly what the diff reports. A
 * filter that matches in neither is still an error, as is a selection that picks nothing in both.
 * Validation of the subsets is left to `generate`: the diff compares what is there.
 */
export function selectPair(old: SpecDocument, next: SpecDocument, selection: Selection): { readonly old: DiffSide; readonly new: DiffSide } {
  const diagnostics = new DiagnosticCollector();
  const oldOperations = listOperations(old, diagnostics);
  const newOperations = listOperations(next, diagnostics);
  diagnostics.throwIfErrors();

  const matchesIn = (operations: typeof oldOperations, filter: OperationFilter) => operations.some((entry) => matchesFilter(entry, filter));
  if (selection.include !== 'all') {
    for (const filter of selection.include) {
      if (!matchesIn(oldOperations, filter) && !matchesIn(newOperations, filter)) {
        diagnostics.add(error('OM302', `no operation in ${old.source.name} or ${next.source.name} matches ${describeFilter(filter)}`, { file: next.source.name, pointer: '#/paths' }));
      }
    }
  }
  const sides = [
    [old, oldOperations],
    [next, newOperations],
  ] as const;
  const picked = sides.map(([spec, operations]) => {
    const include = selection.include === 'all' ? 'all' : selection.include.filter((filter) => matchesIn(operations, filter));
    const sideSelection: Selection = { include, exclude: selection.exclude };
    const any = operations.some((entry) => (include === 'all' || include.some((f) => matchesFilter(entry, f))) && !selection.exclude.some((f) => matchesFilter(entry, f)));
    return { spec, selection: sideSelection, any };
  });
  if (!diagnostics.hasErrors() && !picked.some((side) => side.any)) {
    diagnostics.add(error('OM300', `the selection matches no operation in ${old.source.name} or ${next.source.name}`, { file: next.source.name, pointer: '#/paths' }));
  }
  diagnostics.throwIfErrors();

  // Select in both documents before failing, so the problems of both are reported at once.
  const [oldSide, newSide] = picked.map(({ spec, selection: sideSelection, any }): DiffSide | undefined => {
    if (!any) return { spec, selected: undefined, document: { openapi: '3.1.0', paths: {} } };
    try {
      const selected = select(spec, sideSelection);
      return { spec, selected, document: normalize(spec, selected.document) };
    } catch (cause) {
      if (!(cause instanceof MorphError)) throw cause;
      diagnostics.add(...cause.diagnostics);
      return undefined;
    }
  });
  diagnostics.throwIfErrors();
  // A side is undefined only when its select threw, and that error is in `diagnostics`.
  return { old: oldSide!, new: newSide! };
}
