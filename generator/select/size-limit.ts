import { error, MorphError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Limits } from '../load/limits.ts';
import type { SpecDocument } from '../spec-context.ts';
import type { SelectResult } from './index.ts';

/**
 * Refuses a selection with more operations or schemas than the limits allow, before any stage
 * whose cost grows with them runs: the answer comes in the time it takes to load and select, not
 * after many minutes of emitting and formatting (or running out of memory).
 */
export function checkSelectionSize(spec: SpecDocument, selected: SelectResult, limits: Limits): void {
  const schemas = selected.closure.components.filter((key) => key.startsWith('schemas/')).length;
  const diagnostics: Diagnostic[] = [];
  const over = (count: number, what: string, limit: keyof Limits) =>
    error(
      'OM305',
      `the selection has ${count.toLocaleString('en-US')} ${what}, over the limit of ${limits[limit].toLocaleString('en-US')} (limits.${limit}): select fewer operations (select.include, select.exclude) or raise limits.${limit}`,
      { file: spec.source.name, pointer: '#/paths' },
    );
  if (selected.operations.length > limits.maxOperations) diagnostics.push(over(selected.operations.length, 'operations', 'maxOperations'));
  if (schemas > limits.maxSchemas) diagnostics.push(over(schemas, 'schemas', 'maxSchemas'));
  if (diagnostics.length > 0) throw new MorphError(diagnostics);
}
