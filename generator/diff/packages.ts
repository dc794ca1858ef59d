import type { ResolvedConfig } from '../config/types.ts';
import type { ApiModel } from '../model/types.ts';
import { renderSelected } from '../pipeline.ts';
import type { SpecDocument } from '../spec-context.ts';
import type { Release } from '../releases.ts';
import { specFindings } from './spec-diff.ts';
import { buildReport } from './report.ts';
import { selectPair, type DiffSide } from './select-pair.ts';
import type { DiffReport } from './types.ts';
import { compareSurfaces } from './typescript/compare-surface.ts';
import { packageNames, uncoveredChanges } from './typescript/coverage.ts';
import { createSurfaceProgram, type PackageFiles } from './typescript/program.ts';
import { extractSurface } from './typescript/surface.ts';

export interface PackageDiffOptions {
  /** Also compare the generated packages' TypeScript API (default true); a function decides from the spec rules' report. */
  readonly typescript?: boolean | ((spec: DiffReport) => boolean);
}

/** Wall time of the stages, for `--timings` and the benchmark notes. */
export interface DiffTimings {
  readonly specMs: number;
  readonly renderMs: number;
  readonly typescriptMs: number;
}

/**
 * The full diff: the spec rules, plus the public API of the two packages the config's templates
 * generate from each document, rendered in memory. TypeScript changes the spec rules already
 * reported are left out; the rest are added with `source: "typescript"`.
 */
export async function diffPackages(old: SpecDocument, next: SpecDocument, config: ResolvedConfig, options: PackageDiffOptions = {}): Promise<{ report: DiffReport; timings: DiffTimings }> {
  const started = performance.now();
  const sides = selectPair(old, next, config.selection);
  const findings = specFindings(sides);
  const specDone = performance.now();
  const spec = buildReport(findings.map((f) => f.change));
  if (typeof options.typescript === 'function' ? !options.typescript(spec) : options.typescript === false) {
    return { report: spec, timings: { specMs: specDone - started, renderMs: 0, typescriptMs: 0 } };
  }
  const [before, after] = await Promise.all([renderSide(config, sides.old), renderSide(config, sides.new)]);
  const rendered = performance.now();
  const program = await createSurfaceProgram(new Map([['old', before.files], ['new', after.files]]));
  const surfaces = ['old', 'new'].map((key) => extractSurface(program.ts, program.program, program.checker, program.entries.get(key)));
  const extra = uncoveredChanges(findings, compareSurfaces(surfaces[0]!, surfaces[1]!), { old: packageNames(before.model), new: packageNames(after.model) });
  const done = performance.now();
  return {
    report: buildReport([...findings.map((f) => f.change), ...extra]),
    timings: { specMs: specDone - started, renderMs: rendered - specDone, typescriptMs: done - rendered },
  };
}

/** The package's files are not versioned here, only compared: any release history will do. */
const RELEASES: readonly Release[] = [{ version: '0.0.0', date: '1970-01-01', source: 'diff', summary: '', changes: [] }];

/**
 * One side's package, in memory, from the subset `selectPair` already selected: not selected or
 * validated again (the diff compares what is there), and not type-checked on its own, since the
 * surface program compiles both packages anyway.
 */
async function renderSide(config: ResolvedConfig, side: DiffSide): Promise<{ files: PackageFiles; model: ApiModel | undefined }> {
  if (!side.selected) return { files: new Map(), model: undefined };
  const result = await renderSelected({ ...config, typecheck: false }, side.spec, side.selected, { releases: RELEASES, format: false });
  return { files: result.files, model: result.model };
}
