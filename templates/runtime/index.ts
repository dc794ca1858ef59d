import { readFileSync } from 'node:fs';
import { defineTemplate, type ImportRegistry, type TemplateContext, type TemplateFile } from 'openapi-morph';
import { defaultBaseUrl } from '../_base-url.ts';
import { credentialKind, schemeEnv, schemeMaker, schemeSpec, tokenScheme } from './security.ts';

/**
 * The runtime's sources live next to this template as real, type-checked TypeScript, one concept
 * per file: errors (and the types of error bodies), redaction, retry policy, timeouts and
 * cancellation, credentials from the spec's security schemes (and how each kind sends them), browser safety, request building
 * (with openapi-fetch's serializers), response reading, the promise methods return, options, the core that ties them together, the
 * response validator (imported only by the optional `/validation` entry point), the
 * serializers of non-JSON request bodies, and the query serializer that follows each parameter's
 * `style`.
 */
const FILES = ['errors.ts', 'error-bodies.ts', 'redact.ts', 'retry.ts', 'idempotency.ts', 'abort.ts', 'auth.ts', 'schemes.ts', 'browser.ts', 'request.ts', 'response.ts', 'api-promise.ts', 'options.ts', 'core.ts', 'validator.ts', 'body.ts', 'query.ts'] as const;

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
    const path = 'src/runtime/defaults.ts';
    const imports = ctx.ts.imports(path);
    const auth = (name: 'ApiKeySource' | 'BasicCredentials' | 'Credential') => imports.type(name, 'src/runtime/auth.ts');
    // A type literal, not an interface: it must fit the runtime's index signature (`AnyAuth`).
    const authOptions = ctx.ts.typeAlias({
      name: 'AuthOptions',
      isExported: true,
      docs: ctx.ts.docs({ description: "Credentials for the spec's security schemes (the client's `auth` option), by scheme name." }),
      type: `{ ${ctx.model.securitySchemes
        .filter((scheme) => credentialKind(scheme) !== 'none')
        .map((scheme) => `${scheme.description ? `/** ${ctx.escape.jsdocText(scheme.description)} */ ` : ''}readonly ${ctx.escape.typePropertyKey(scheme.name)}?: ${credentialKind(scheme) === 'basic' ? `${auth('Credential')}<${auth('BasicCredentials')}>` : auth('ApiKeySource')} | undefined;`)
        .join(' ')} }`,
    });
    const values = ctx.ts.constDeclaration({
      name: 'defaults',
      type: imports.type('ClientDefaults', 'src/runtime/options.ts'),
      initializer: defaultsLiteral(ctx, imports),
      docs: ctx.ts.docs({ description: 'Values from the spec and the generator config.' }),
    });
    const defaults: TemplateFile = { kind: 'typescript', path, statements: [...imports.declarations(), authOptions, values] };
    return [...sources, defaults];
  },
});

/** The runtime's `ClientDefaults` for this spec and config, as code. */
function defaultsLiteral(ctx: TemplateContext, imports: ImportRegistry): string {
  const { objectLiteral } = ctx.ts;
  const { stringLiteral } = ctx.escape;
  const optional = (value: string | undefined) => (value === undefined ? 'undefined' : stringLiteral(value));
  const baseUrl = defaultBaseUrl(ctx);
  const client = ctx.options.client;
  // Each scheme through the maker of its kind in runtime/schemes.ts, imported only for the kinds the
  // spec has (a bundle carries what is imported); a maker's return type is a \`SchemeSpec\`, so a
  // scheme named like an Object.prototype member (\`toString\`) needs no \`as const\`.
  const schemes = ctx.model.securitySchemes.map((scheme) => {
    imports.value(schemeMaker(scheme), 'src/runtime/schemes.ts');
    return [scheme.name, schemeSpec(ctx, scheme)] as const;
  });
  const env = [...schemeEnv(ctx)].map(([name, variable]) => [name, stringLiteral(variable)] as const);
  return objectLiteral([
    ['baseUrl', optional(baseUrl)],
    ['schemes', objectLiteral(schemes)],
    ['tokenScheme', optional(tokenScheme(ctx)?.name)],
    ['env', objectLiteral(env)],
    ...(client.browserKeyPrefixes ? [['browserKeyPrefixes', ctx.ts.arrayLiteral(client.browserKeyPrefixes.map((p) => stringLiteral(p)))] as const] : []),
    ['retryCountHeader', optional(client.retryCountHeader)],
    ['idempotencyHeader', optional(client.idempotencyHeader)],
    ['headersInBrowser', String(client.headersInBrowser)],
    ...serializers(ctx, imports),
  ]);
}

/**
 * openapi-fetch's path serializer and the runtime's query serializer (query.ts, over openapi-fetch's
 * parameter serializers), each only where an operation has parameters of that kind: a spec
 * without them leaves them out of every bundle.
 */
function serializers(ctx: TemplateContext, imports: ImportRegistry): (readonly [name: string, expression: string])[] {
  const operations = ctx.model.tags.flatMap((tag) => tag.operations);
  const used: (readonly [string, string])[] = [];
  if (operations.some((op) => op.parameters.path.length > 0)) used.push(['pathSerializer', imports.value('defaultPathSerializer', 'openapi-fetch')]);
  if (operations.some((op) => op.parameters.query.length > 0)) used.push(['querySerializer', `/* @__PURE__ */ ${ctx.ts.call(imports.value('styledQuery', 'src/runtime/query.ts'), [])}`]);
  return used;
}
