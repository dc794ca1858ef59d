import type { Limits } from '../load/limits.ts';
import { validateSubset } from '../load/validate.ts';
import { noProgress, type Progress } from '../progress.ts';
import type { SpecDocument } from '../spec-context.ts';
import type { SelectResult } from './index.ts';
import { checkSelectionSize } from './size-limit.ts';

/**
 * A selection checked as every command checks one (the project's spec and `sync`'s upstream alike:
 * untrusted input): within the limits (OM305), its subset valid against the OpenAPI schema.
 */
export async function checkSelected(spec: SpecDocument, selected: SelectResult, limits: Limits, progress: Progress = noProgress): Promise<void> {
  checkSelectionSize(spec, selected, limits);
  progress.stage('validate', `${selected.operations.length} operation${selected.operations.length === 1 ? '' : 's'}`);
  await validateSubset(spec, selected.document);
}
