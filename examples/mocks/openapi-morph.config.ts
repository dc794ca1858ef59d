import { defineConfig } from 'openapi-morph';

/**
 * A team that tests against a mock server: an extra output, `src/mock/`, answers every operation
 * of the spec with the spec's examples (or values built from its schemas), checks the bearer token
 * and the required body properties, and is exported as the package's `./mock` entry point.
 */
export default defineConfig({
  spec: 'spec/openapi.yaml',
  output: { dir: 'out' },
  package: { name: 'realtime-client-with-mocks', license: 'MIT', apiKeyEnv: 'REALTIME_API_KEY', releases: '../releases.json' },
  templates: { dir: 'templates' },
});
