import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Long replays that `npm test` leaves out, for a developer loop of a few minutes; `npm run
 * test:slow` (vitest.slow.config.ts) runs them, and CI runs both.
 */
export const slowTests = ['test/upstream-replay.test.ts'];

export default defineConfig({
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
