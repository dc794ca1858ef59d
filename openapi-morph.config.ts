import { defineConfig } from 'openapi-morph';

export default defineConfig({
  spec: 'spec/openapi.yaml',
  select: {
    include: [{ by: 'operationId', pattern: 'create-realtime-session' }],
  },
  output: { dir: 'generated' },
  package: {
    name: 'openai-realtime-client',
    description: 'Typed client for the OpenAI Realtime sessions API: mint short-lived client secrets for browsers.',
    license: 'MIT',
    apiKeyEnv: 'OPENAI_API_KEY',
  },
  // Browsers may only hold the short-lived client secrets (`ek_...`) that the sessions endpoint mints.
  client: { browserKeyPrefixes: ['ek_'] },
});
