import { defineConfig } from 'openapi-morph';

/**
 * A team that wants tree-shakable functions instead of API classes:
 * `createRealtimeSession(client, body)`, where `client` comes from `createClient(options)`.
 * A bundle keeps only the functions it calls.
 */
export default defineConfig({
  spec: 'spec/openapi.yaml',
  output: { dir: 'out' },
  package: { name: 'realtime-functions', license: 'MIT', apiKeyEnv: 'REALTIME_API_KEY', releases: '../releases.json' },
  templates: { dir: 'templates' },
  // One module of functions per tag: src/functions/Realtime.ts (the class name minus "Api").
  naming: { apiFile: (className) => `src/functions/${className.replace(/Api$/, '')}.ts` },
});
