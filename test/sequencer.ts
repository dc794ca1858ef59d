import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest (seconds each, measured on two cores; most type-check or format
 * whole packages), longest first. On a clean clone vitest has no durations from an earlier run and
 * starts the largest files first, which left a 40-second type check alone at the end while the
 * other worker was idle. A file missing here only starts later; a file listed that got faster
 * only starts earlier: the order changes the wall time, never a result. A listed file that no
 * longer exists stops the run (renamed: rename it here too).
 */
const LONG_FILES = [
  'test/unit/format-chunks.test.ts',
  'test/toolkit-typecheck.test.ts',
  'test/hostile.test.ts',
  'test/real-world.test.ts',
  'test/code-cache.test.ts',
  'test/render-pool.test.ts',
  'test/unit/format-stage.test.ts',
  'test/watch.test.ts',
  'test/generated-typecheck.test.ts',
  'test/no-op.test.ts',
  'test/template-failures.test.ts',
  'test/property.test.ts',
  'test/sync.test.ts',
  'test/check.test.ts',
  'test/large-spec.test.ts',
  'test/generate-output.test.ts',
  'test/overlay.test.ts',
  'test/media-contract.test.ts',
  'test/package-lint.test.ts',
  'test/lint.test.ts',
  'test/unit/transaction.test.ts',
  'test/diff/packages.test.ts',
  'test/diff/cli.test.ts',
];

/** Vitest's order (isolated projects first, then earlier durations or file size), with `LONG_FILES` moved to the front of their project. */
export class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const gone = LONG_FILES.filter((file) => !existsSync(join(root, file)));
    if (gone.length > 0) throw new Error(`test/sequencer.ts lists test files that do not exist: ${gone.join(', ')}`);
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification): number => {
      const index = LONG_FILES.indexOf(relative(spec.project.config.root, spec.moduleId).split('\\').join('/'));
      return index === -1 ? LONG_FILES.length : index;
    };
    const group = (spec: TestSpecification): number => sorted.findIndex((other) => other.project.name === spec.project.name);
    return sorted.map((spec, index) => ({ spec, index })).sort((a, b) => group(a.spec) - group(b.spec) || rank(a.spec) - rank(b.spec) || a.index - b.index).map(({ spec }) => spec);
  }
}
