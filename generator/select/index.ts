import { error, MorphError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { JsonObject } from '../json.ts';
import type { SpecDocument } from '../spec-context.ts';
import { computeClosure, type Closure } from './closure.ts';
import { describeFilter, matchesFilter, type Selection } from './filters.ts';
import { listOperations, type OperationEntry } from './operations.ts';
import { buildSubset } from './subset.ts';

export interface SelectResult {
  /** The subset document: selected operations plus the components they reach. */
  readonly document: JsonObject;
  readonly operations: readonly OperationEntry[];
  readonly closure: Closure;
}

/**
 * Select stage. Fails, with every problem at once, when the selection matches nothing, when an
 * include filter matches nothing (an upstream rename must not silently drop an operation), on
 * duplicate operationIds among the selected operations, and on references that cannot be followed.
 */
export function select(spec: SpecDocument, selection: Selection): SelectResult {
  const diagnostics: Diagnostic[] = [];
  const operations = selectOperations(spec, selection, diagnostics);
  if (diagnostics.length > 0) throw new MorphError(diagnostics);

  const closure = computeClosure(spec, operations, diagnostics);
  if (diagnostics.length > 0) throw new MorphError(diagnostics);
  return { document: buildSubset(spec.document, operations, closure), operations, closure };
}

/**
 * The operations a selection picks, with the selection's problems added to `diagnostics`: the
 * first half of the select stage (the no-op check needs only this, to compare selections).
 */
export function selectOperations(spec: SpecDocument, selection: Selection, diagnostics: Diagnostic[]): OperationEntry[] {
  const all = listOperations(spec, diagnostics);
  const include = selection.include;
  const included = include === 'all' ? all : all.filter((entry) => include.some((f) => matchesFilter(entry, f)));
  const operations = included.filter((entry) => !selection.exclude.some((f) => matchesFilter(entry, f)));

  if (include !== 'all') {
    for (const filter of include) {
      if (!all.some((entry) => matchesFilter(entry, filter))) {
        diagnostics.push(error('OM302', `no operation in ${spec.source.name} matches ${describeFilter(filter)}`, { file: spec.source.name, pointer: '#/paths' }));
      }
    }
  }
  if (operations.length === 0 && !diagnostics.some((d) => d.code === 'OM302')) {
    diagnostics.push(error('OM300', `the selection matches no operation in ${spec.source.name}`, { file: spec.source.name, pointer: '#/paths' }));
  }
  checkDuplicateIds(spec, operations, diagnostics);
  return operations;
}

/** The selected operations as the manifest's inputs record them: `POST /realtime/sessions`, sorted. */
export function operationKeys(operations: readonly OperationEntry[]): string[] {
  return operations.map((entry) => `${entry.method.toUpperCase()} ${entry.path}`).sort();
}

function checkDuplicateIds(spec: SpecDocument, operations: readonly OperationEntry[], diagnostics: Diagnostic[]): void {
  const first = new Map<string, OperationEntry>();
  for (const entry of operations) {
    if (entry.operationId === undefined) continue;
    const earlier = first.get(entry.operationId);
    if (earlier) {
      diagnostics.push(
        error(
          'OM301',
          `operationId "${entry.operationId}" is used by both ${earlier.method.toUpperCase()} ${earlier.path} and ${entry.method.toUpperCase()} ${entry.path}`,
          spec.at(`${entry.pointer}/operationId`),
        ),
      );
    } else {
      first.set(entry.operationId, entry);
    }
  }
}

export type { OperationFilter, Selection } from './filters.ts';
export type { OperationEntry, HttpMethod } from './operations.ts';
export type { Closure, ComponentKey, Reason } from './closure.ts';
