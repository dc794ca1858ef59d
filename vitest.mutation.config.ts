import { defineConfig } from 'vitest/config';

/**
 * The suites Stryker runs for `npm run mutation` (test/mutation/run.ts), per pass: MUTATION_SUITES
 * `text` runs the unit tests of escape and naming, `select` those of select and openapi, `runtime`
 * the runtime's unit tests (no server) on the runtime modules but the core, auth and the scheme
 * makers, `core` the server suites on core.ts, auth.ts and schemes.ts (in-place.test.ts runs the client and fault suites on
 * templates/runtime/files; run directly, those exercise the built generated/ copy, which no mutant
 * reaches). Unset: all. A static mutant (module-level code) runs every test of its pass, so each
 * pass holds only the suites that can see its mutants, and the fast passes never wait for servers. Integration tests (a whole generate, a CLI child process, a
 * browser) also reach this code, but re-running them per mutant takes hours on two cores, so the
 * score says what these suites pin.
 */
const suites = {
  text: ['test/unit/escape*.test.ts', 'test/unit/identifier.test.ts', 'test/unit/naming.test.ts'],
  select: ['test/unit/select*.test.ts', 'test/unit/find-refs.test.ts', 'test/unit/operation-walk.test.ts', 'test/unit/follow-ref.test.ts'],
  runtime: [
    'test/runtime/validator.test.ts',
    'test/runtime/body.test.ts',
    'test/runtime/response.test.ts',
    'test/runtime/browser-key.test.ts',
    'test/runtime/errors.test.ts',
    'test/runtime/abort.test.ts',
    'test/runtime/api-promise.test.ts',
    'test/runtime/request.test.ts',
    'test/runtime/query.test.ts',
    'test/runtime/retry-policy.test.ts',
    'test/runtime/idempotency.test.ts',
    'test/runtime/redact.test.ts',
  ],
  core: ['test/runtime/in-place.test.ts', 'test/runtime/core.test.ts', 'test/runtime/auth.test.ts', 'test/runtime/headers.test.ts'],
};
const pass = process.env['MUTATION_SUITES'];

export default defineConfig({
  test: {
    include: pass !== undefined && pass in suites ? suites[pass as keyof typeof suites] : Object.values(suites).flat(),
    testTimeout: 60_000,
    maxWorkers: 1,
  },
});
