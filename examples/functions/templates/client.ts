import { defineTemplate } from 'openapi-morph';

/** A new output: the client every function takes first. */
export default defineTemplate({
  apiVersion: 1,
  name: 'client',
  description: 'src/client.ts: createClient(options), the client the functions take first',
  scope: 'document',
  render(ctx) {
    const { ts } = ctx;
    const path = 'src/client.ts';
    const env = ctx.options.package.apiKeyEnv;
    return {
      kind: 'typescript',
      path,
      statements: [
        ts.importFrom(ctx.importPath(path, 'src/schema.ts'), ['paths'], { typeOnly: true }),
        ts.importFrom(ctx.importPath(path, 'src/runtime/core.ts'), ['ApiCore']),
        ts.importFrom(ctx.importPath(path, 'src/runtime/defaults.ts'), ['defaults']),
        ts.interfaceDeclaration({
          name: 'Client',
          isExported: true,
          docs: ts.docs({ description: 'What every function takes first: the connection (base URL, API key, fetch, headers) shared by calls.' }),
          properties: [{ name: 'core', isReadonly: true, type: 'ApiCore<paths>' }],
        }),
        ts.functionDeclaration({
          name: 'createClient',
          isExported: true,
          docs: ts.docs({
            description: `Creates a client. Options apply to every call made with it.${env ? ` The API key defaults to the ${env} environment variable.` : ''}`,
          }),
          parameters: [{ name: 'options', type: 'ConstructorParameters<typeof ApiCore>[0]', initializer: '{}' }],
          returnType: 'Client',
          statements: ['return { core: new ApiCore<paths>(options, defaults) };'],
        }),
      ],
    };
  },
});
