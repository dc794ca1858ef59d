import { defineConfig } from 'vitest/config';

/**
 * The suites Stryker runs for `npm run mutation` (stryker.config.json): the unit tests of the
 * mutated sources, and the runtime tests (only those that import templates/runtime/files in place
 * can see a runtime mutant; the rest cover the built generated/ copy). Integration tests (a whole
 * generate, a CLI child process) also reach escape and naming, but re-running them per mutant takes
 * hours on two cores, so the score says what the unit tests pin.
 */
export default defineConfig({
  test: {
    include: [
      'test/unit/escape*.test.ts',
      'test/unit/identifier.test.ts',
      'test/unit/naming.test.ts',
      'test/unit/select*.test.ts',
      'test/unit/find-refs.test.ts',
      'test/unit/operation-walk.test.ts',
      'test/unit/follow-ref.test.ts',
      'test/runtime/**/*.test.ts',
    ],
    exclude: ['test/runtime/browser.test.ts', 'test/runtime/exit.test.ts', 'test/runtime/validation.test.ts'],
    testTimeout: 60_000,
    maxWorkers: 1,
  },
});
