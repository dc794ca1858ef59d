import { isObject, own, ownObject } from '../json.ts';
import type { Selection } from '../select/filters.ts';
import type { SpecDocument } from '../spec-context.ts';
import { compareInfo, compareOperation } from './compare-operation.ts';
import type { DiffContext } from './context.ts';
import { matchOperations, sideOperations } from './match-operations.ts';
import { buildReport } from './report.ts';
import { selectPair, type DiffSide } from './select-pair.ts';
import { ChangeSink, type Finding } from './sink.ts';
import { structureCache } from './structure.ts';
import type { DiffReport } from './types.ts';

/**
 * Spec diff, in process: the selected operations of two documents compared with the rules table.
 * Synchronous and free of heavy modules; `diffPackages` (typescript/) adds the generated API's surface.
 */
export function diffSpecs(old: SpecDocument, next: SpecDocument, selection: Selection): DiffReport {
  return buildReport(specFindings(selectPair(old, next, selection)).map((finding) => finding.change));
}

/** The spec rules' findings for two selected sides, with the anchors the TypeScript diff needs. */
export function specFindings(sides: { readonly old: DiffSide; readonly new: DiffSide }): readonly Finding[] {
  const ctx: DiffContext = {
    old: sides.old.document,
    new: sides.new.document,
    sink: new ChangeSink({ old: sides.old.document, new: sides.new.document }),
    oldSchemas: schemaNames(sides.old),
    newSchemas: schemaNames(sides.new),
    structures: { old: structureCache(), new: structureCache() },
    comparing: new Set(),
    unchanged: new Set(),
    cuts: 0,
  };
  if (sides.old.selected && sides.new.selected) compareInfo(ctx);
  for (const pair of matchOperations(sideOperations(sides.old), sideOperations(sides.new))) compareOperation(ctx, pair);
  return ctx.sink.findings;
}

function schemaNames(side: DiffSide): ReadonlySet<string> {
  const schemas = ownObject(ownObject(side.document, 'components') ?? {}, 'schemas');
  return new Set(isObject(schemas) ? Object.keys(schemas).filter((name) => own(schemas, name) !== undefined) : []);
}
