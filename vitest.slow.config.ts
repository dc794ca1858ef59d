import { defineConfig } from 'vitest/config';
import base, { slowTests } from './vitest.config.ts';

/**
 * `npm run test:slow`: the suites `npm test` leaves out (`slowTests`: the upstream replay, every
 * shared snapshot through `sync`; the diff over each pair of consecutive snapshots; the install from
 * a packed tarball; the corpus subset) and the property test at its full number of runs (`npm test`
 * runs it with fewer, `PROPERTY_RUNS`). Each file in a fresh module graph (`npm test`'s projects
 * are not used here).
 */
export default defineConfig({
  test: {
    ...base.test,
    projects: undefined,
    include: [...slowTests, 'test/property.test.ts'],
    exclude: [],
    env: { PROPERTY_RUNS: '6' },
    typecheck: { enabled: false },
  },
});
