import { defineConfig } from 'vitest/config';

/**
 * The suites Stryker runs for `npm run mutation` (test/mutation/run.ts), per pass: MUTATION_SUITES
 * `text` runs the unit tests of escape and naming, `select` those of select and openapi, `runtime`
 * the runtime tests that import templates/runtime/files in place (in-place.test.ts runs the client
 * and fault suites on them; run directly, those exercise the built generated/ copy, which no mutant
 * reaches). Unset: all. A static mutant (module-level code) runs every test of its pass, so each
 * pass holds only the suites that can see its mutants. Integration tests (a whole generate, a CLI child process, a
 * browser) also reach this code, but re-running them per mutant takes hours on two cores, so the
 * score says what these suites pin.
 */
const suites = {
  text: ['test/unit/escape*.test.ts', 'test/unit/identifier.test.ts', 'test/unit/naming.test.ts'],
  select: [
    'test/unit/select*.test.ts',
    'test/unit/find-refs.test.ts',
    'test/unit/operation-walk.test.ts',
    'test/unit/follow-ref.test.ts',
  ],
  runtime: [
    'test/runtime/in-place.test.ts',
    'test/runtime/auth.test.ts',
    'test/runtime/headers.test.ts',
    'test/runtime/request.test.ts',
    'test/runtime/retry-policy.test.ts',
    'test/runtime/idempotency.test.ts',
    'test/runtime/redact.test.ts',
    'test/runtime/validator.test.ts',
    'test/runtime/body.test.ts',
    'test/runtime/response.test.ts',
    'test/runtime/browser-key.test.ts',
    'test/runtime/errors.test.ts',
    'test/runtime/abort.test.ts',
  ],
};
const pass = process.env['MUTATION_SUITES'];

export default defineConfig({
  test: {
    include: pass === 'text' || pass === 'select' || pass === 'runtime' ? suites[pass] : Object.values(suites).flat(),
    testTimeout: 60_000,
    maxWorkers: 1,
  },
});
