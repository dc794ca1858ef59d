import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { LongFirstSequencer } from './test/sequencer.ts';

/**
 * Suites that `npm test` leaves out, for a developer loop of a few minutes; `npm run test:slow`
 * (vitest.slow.config.ts) runs them, and CI runs both: the upstream replay and the diff over the
 * upstream history (every shared snapshot through `sync`, every consecutive pair through `diff`),
 * the install from a packed tarball into two fresh projects (npm pack, two npm installs), and the
 * corpus subset (the full corpus is `npm run corpus`).
 */
export const slowTests = ['test/upstream-replay.test.ts', 'test/diff/upstream-history.test.ts', 'test/install.test.ts', 'test/corpus.test.ts', 'test/format-chunks-corpus.test.ts'];

/**
 * Suites that need a fresh module graph of their own: they replace modules with `vi.mock`, which
 * must not leak into (or be pre-empted by) another file's imports in a shared worker.
 */
const isolatedTests = ['test/atomicity.test.ts', 'test/runtime/in-place.test.ts', 'test/collect-garbage.test.ts', 'test/unit/formatter-standalone.test.ts', 'test/unit/format-cache-key.test.ts', 'test/unit/format-cache-reads.test.ts', 'test/unit/template-context.test.ts'];

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    // As tsconfig.json's `paths`: in-process code that imports `openapi-morph` gets the source,
    // not the package's compiled exports (the spawned bin runs dist/, which global-setup rebuilds).
    alias: [
      { find: /^openapi-morph$/, replacement: `${root}generator/index.ts` },
      { find: /^openapi-morph\/templates\/(.*)$/, replacement: `${root}templates/$1` },
    ],
  },
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Tests spawn compilers and servers; two cores, so keep parallelism modest.
    maxWorkers: 2,
    // The longest files first, so that the two workers finish together (see the sequencer).
    sequence: { sequencer: LongFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          // Files share a worker's module graph (generator, prettier, TypeScript are loaded once per
          // worker, not once per file: about a second of CPU per file). Every file restores what it
          // changes of the process (environment variables, timers, listeners); tests that cannot
          // are in `isolatedTests`.
          isolate: false,
          include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...slowTests, ...isolatedTests],
          typecheck: {
            enabled: true,
            only: false,
            include: ['test/**/*.test-d.ts'],
            tsconfig: 'test/tsconfig.typecheck.json',
          },
        },
      },
      { extends: true, test: { name: 'isolated', include: isolatedTests } },
    ],
  },
});
