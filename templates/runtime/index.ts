import { readFileSync } from 'node:fs';
import { defineTemplate, type TemplateFile } from 'openapi-morph';

/**
 * The runtime's sources live next to this template as real, type-checked TypeScript, one concept
 * per file: errors, redaction, retry policy, timeouts and cancellation, API key, browser safety,
 * response reading, the promise methods return, options, the core that ties them together, the
 * response validator (imported only by the optional `/validation` entry point), and the
 * serializers of non-JSON request bodies.
 */
const FILES = ['errors.ts', 'redact.ts', 'retry.ts', 'idempotency.ts', 'abort.ts', 'auth.ts', 'browser.ts', 'response.ts', 'api-promise.ts', 'options.ts', 'core.ts', 'validator.ts', 'body.ts'] as const;

export default defineTemplate({
  apiVersion: 1,
  name: 'runtime',
  description: 'src/runtime/: the client core over openapi-fetch (auth, retries, timeouts, errors, browser safety) and the per-spec defaults',
  scope: 'document',
  render(ctx) {
    const sources: TemplateFile[] = FILES.map((file) => ({
      kind: 'text',
      path: `src/runtime/${file}`,
      content: readFileSync(new URL(`./files/${file}`, import.meta.url), 'utf8'),
    }));
    const server = ctx.model.servers.find((s) => /^https?:\/\//.test(s.url));
    const optional = (value: string | undefined) => (value === undefined ? 'undefined' : ctx.escape.stringLiteral(value));
    const defaults: TemplateFile = {
      kind: 'typescript',
      path: 'src/runtime/defaults.ts',
      statements: [
        "import type { ClientDefaults } from './options.js';",
        ctx.ts.constDeclaration({
          name: 'defaults',
          type: 'ClientDefaults',
          initializer: `{ baseUrl: ${optional(server?.url)}, apiKeyEnv: ${optional(ctx.options.package.apiKeyEnv)} }`,
          docs: ctx.ts.docs({ description: 'Values from the spec and the generator config.' }),
        }),
      ],
    };
    return [...sources, defaults];
  },
});
