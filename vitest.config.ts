import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Suites that `npm test` leaves out, for a developer loop of a few minutes; `npm run test:slow`
 * (vitest.slow.config.ts) runs them, and CI runs both: the upstream replay, the install from a
 * packed tarball into two fresh projects (npm pack, two npm installs), and the corpus subset (the
 * full corpus is `npm run corpus`).
 */
export const slowTests = ['test/upstream-replay.test.ts', 'test/install.test.ts', 'test/corpus.test.ts'];

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
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...slowTests],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Tests spawn compilers and servers; two cores, so keep parallelism modest.
    maxWorkers: 2,
    typecheck: {
      enabled: true,
      only: false,
      include: ['test/**/*.test-d.ts'],
      tsconfig: 'test/tsconfig.typecheck.json',
    },
  },
});
