import { defineConfig } from 'vitest/config';

/**
 * The suites Stryker runs for `npm run mutation` (stryker.config.json): the tests that import the
 * mutated sources in place. Tests that only load the built `generated/` copy cannot see a mutant
 * in `templates/runtime/files/`, and spawning compilers per mutant would take hours on two cores.
 */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/runtime/**/*.test.ts'],
    exclude: ['test/runtime/browser.test.ts', 'test/runtime/exit.test.ts', 'test/runtime/validation.test.ts'],
    testTimeout: 60_000,
    maxWorkers: 1,
  },
});
