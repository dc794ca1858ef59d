import { camelCase, defineConfig } from 'openapi-morph';

/**
 * Acme's house style on a generated client: its own package name, a company header on every
 * file, an `x-team-id` header and `onRequest`/`onResponse` hooks on every call, and method names
 * that do not repeat the API's name (`RealtimeApi.createSession`, not `createRealtimeSession`).
 */
export default defineConfig({
  spec: 'spec/openapi.yaml',
  output: {
    dir: 'out',
    // Above the do-not-edit header of every file, in each file's comment style.
    banner: ['Copyright (c) 2026 Acme Corp. All rights reserved.', 'Internal use only. Questions: #voice-platform.'],
  },
  package: { name: '@acme/realtime-client', license: 'UNLICENSED', apiKeyEnv: 'ACME_REALTIME_KEY', releases: '../releases.json' },
  templates: { dir: 'templates' },
  // A partial resolver, shallow-merged over the defaults: only method names change.
  naming: {
    methodName: (operation) => camelCase(operation.operationId.replace(/-realtime-/, '-')),
  },
});
