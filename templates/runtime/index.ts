import { readFileSync } from 'node:fs';
import { defineTemplate, type TemplateContext, type TemplateFile } from 'openapi-morph';
import { credentialKind, schemeEnv, schemeMaker, schemeSpec, tokenScheme } from './security.ts';

/**
 * The runtime's sources live next to this template as real, type-checked TypeScript, one concept
 * per file: errors (and the types of error bodies), redaction, retry policy, timeouts and
 * cancellation, credentials from the spec's security schemes (and how each kind sends them), browser safety, request building
 * (with openapi-fetch's serializers), response reading, the promise methods return, options, the core that ties them together, the
 * response validator (imported only by the optional `/validation` entry point), and the
 * serializers of non-JSON request bodies.
 */
const FILES = ['errors.ts', 'error-bodies.ts', 'redact.ts', 'retry.ts', 'idempotency.ts', 'abort.ts', 'auth.ts', 'schemes.ts', 'browser.ts', 'request.ts', 'response.ts', 'api-promise.ts', 'options.ts', 'core.ts', 'validator.ts', 'body.ts'] as const;

export default defineTemplate({
  apiVersion: 1,
  name: 'runtime',
  description: 'src/runtime/: the client core over openapi-fetch (auth, retries, timeouts, errors, browser safety) and the per-spec defaults and auth options',
  scope: 'document',
  render(ctx) {
    const sources: TemplateFile[] = FILES.map((file) => ({
      kind: 'text',
      path: `src/runtime/${file}`,
      content: readFileSync(new URL(`./files/${file}`, import.meta.url), 'utf8'),
    }));
    const defaults: TemplateFile = {
      kind: 'typescript',
      path: 'src/runtime/defaults.ts',
      statements: [
        ...authImports(ctx),
        ...schemeImports(ctx),
        ...serializerImports(ctx),
        "import type { ClientDefaults } from './options.js';",
        // A type literal, not an interface: it must fit the runtime's index signature (`AnyAuth`).
        ctx.ts.typeAlias({
          name: 'AuthOptions',
          isExported: true,
          docs: ctx.ts.docs({ description: "Credentials for the spec's security schemes (the client's `auth` option), by scheme name." }),
          type: `{ ${ctx.model.securitySchemes
            .filter((scheme) => credentialKind(scheme) !== 'none')
            .map((scheme) => `${scheme.description ? `/** ${ctx.escape.jsdocText(scheme.description)} */ ` : ''}readonly ${ctx.escape.typePropertyKey(scheme.name)}?: ${credentialKind(scheme) === 'basic' ? 'Credential<BasicCredentials>' : 'ApiKeySource'};`)
            .join(' ')} }`,
        }),
        ctx.ts.constDeclaration({
          name: 'defaults',
          type: 'ClientDefaults',
          initializer: defaultsLiteral(ctx),
          docs: ctx.ts.docs({ description: 'Values from the spec and the generator config.' }),
        }),
      ],
    };
    return [...sources, defaults];
  },
});

/** The runtime's `ClientDefaults` for this spec and config, as code. */
function defaultsLiteral(ctx: TemplateContext): string {
  const { stringLiteral, valuePropertyKey } = ctx.escape;
  const optional = (value: string | undefined) => (value === undefined ? 'undefined' : stringLiteral(value));
  const server = ctx.model.servers.find((s) => /^https?:\/\//.test(s.url));
  const client = ctx.options.client;
  const schemes = ctx.model.securitySchemes.map((scheme) => `${valuePropertyKey(scheme.name)}: ${schemeSpec(ctx, scheme)}`);
  const env = [...schemeEnv(ctx)].map(([name, variable]) => `${valuePropertyKey(name)}: ${stringLiteral(variable)}`);
  const members = [
    `baseUrl: ${optional(server?.url)}`,
    `schemes: { ${schemes.join(', ')} }`,
    `tokenScheme: ${optional(tokenScheme(ctx)?.name)}`,
    `env: { ${env.join(', ')} }`,
    ...(client.browserKeyPrefixes ? [`browserKeyPrefixes: [${client.browserKeyPrefixes.map((p) => stringLiteral(p)).join(', ')}]`] : []),
    `retryCountHeader: ${optional(client.retryCountHeader)}`,
    `idempotencyHeader: ${optional(client.idempotencyHeader)}`,
    `headersInBrowser: ${client.headersInBrowser}`,
    ...serializersUsed(ctx).map(([name, expression]) => `${name}: ${expression}`),
  ];
  return `{ ${members.join(', ')} }`;
}

/**
 * openapi-fetch's path and query serializers, each only where an operation has parameters of
 * that kind: a spec without them leaves them out of every bundle.
 */
function serializersUsed(ctx: TemplateContext): [name: string, expression: string, imported: string][] {
  const operations = ctx.model.tags.flatMap((tag) => tag.operations);
  const used: [string, string, string][] = [];
  if (operations.some((op) => op.parameters.path.length > 0)) used.push(['pathSerializer', 'defaultPathSerializer', 'defaultPathSerializer']);
  if (operations.some((op) => op.parameters.query.length > 0)) used.push(['querySerializer', '/* @__PURE__ */ createQuerySerializer()', 'createQuerySerializer']);
  return used;
}

function serializerImports(ctx: TemplateContext): string[] {
  const names = serializersUsed(ctx).map(([, , imported]) => imported);
  return names.length > 0 ? [`import { ${names.join(', ')} } from 'openapi-fetch';`] : [];
}

/** The makers of runtime/schemes.ts for the kinds of scheme the spec has, and only those (a bundle carries what is imported). */
function schemeImports(ctx: TemplateContext): string[] {
  const names = [...new Set(ctx.model.securitySchemes.map(schemeMaker))].sort();
  return names.length > 0 ? [`import { ${names.join(', ')} } from './schemes.js';`] : [];
}

/** The runtime's credential types that `AuthOptions` uses. */
function authImports(ctx: TemplateContext): string[] {
  const kinds = new Set(ctx.model.securitySchemes.map(credentialKind));
  const names = [...(kinds.has('token') ? ['ApiKeySource'] : []), ...(kinds.has('basic') ? ['BasicCredentials', 'Credential'] : [])];
  return names.length > 0 ? [`import type { ${names.join(', ')} } from './auth.js';`] : [];
}
