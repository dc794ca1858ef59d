import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
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
