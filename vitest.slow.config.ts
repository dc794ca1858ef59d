import { defineConfig } from 'vitest/config';
import base, { slowTests } from './vitest.config.ts';

/**
 * `npm run test:slow`: the suites `npm test` leaves out (`slowTests`: the upstream replay, every
 * shared snapshot through `sync`; the install from a packed tarball; the corpus subset) and the
 * property test at its full number of runs (`npm test` runs it with fewer, `PROPERTY_RUNS`).
 */
export default defineConfig({
  test: {
    ...base.test,
    include: [...slowTests, 'test/property.test.ts'],
    exclude: [],
    env: { PROPERTY_RUNS: '6' },
    typecheck: { enabled: false },
  },
});
