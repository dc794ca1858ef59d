import { defineTemplate, type OperationModel, type TemplateContext } from 'openapi-morph';
// The defaults' example arguments (every required one, binary bodies as Blobs), shared rather than copied.
import { argumentList, exampleArguments } from 'openapi-morph/templates/_call-example.ts';

/** Replaces the default README: usage with createClient and functions, one row per function. */
export default defineTemplate({
  apiVersion: 1,
  name: 'readme',
  description: 'README.md: install, usage with createClient and functions, the function and model lists',
  scope: 'document',
  render(ctx) {
    const { md, model } = ctx;
    const pkg = ctx.options.package;
    const lines = [
      `# ${pkg.name}`,
      '',
      md.text(pkg.description),
      '',
      'One function per operation: import only what you call, and a bundler leaves the rest out.',
      '',
      '## Installation',
      '',
      md.codeBlock('sh', `npm install ${pkg.name}`),
      '',
      '## Usage',
      '',
      md.codeBlock('ts', usage(ctx).join('\n')),
      '',
      '`createClient(options)` takes the client options (`ClientOptions`: `apiKey`, `baseUrl`, `fetch`, `headers`, ...). Every function takes the client first and per-call options (`RequestOptions`) last; a failed call rejects with an `ApiError`.',
      '',
      '## API endpoints',
      '',
      md.table(
        ['Function', 'HTTP request', 'Description'],
        model.tags.flatMap((tag) => tag.operations.map((op) => [md.code(functionSignature(ctx, op)), `**${op.method.toUpperCase()}** ${md.code(op.path)}`, md.cell(op.summary ?? '')])),
      ),
      '',
      '## Models',
      '',
      ...model.schemas.map((s) => `- [${s.typeName}](${ctx.naming.modelDocFile(s.typeName)})`),
      '',
    ];
    return { kind: 'text', path: 'README.md', content: lines.join('\n') };
  },
});

function usage(ctx: TemplateContext): string[] {
  const operation = ctx.model.tags[0]?.operations[0];
  if (!operation) return [`import { createClient } from ${ctx.escape.stringLiteral(ctx.options.package.name)};`];
  const env = ctx.options.package.apiKeyEnv;
  return [
    `import { createClient, ${operation.methodName} } from ${ctx.escape.stringLiteral(ctx.options.package.name)};`,
    '',
    env ? `const client = createClient(); // reads ${env}` : `const client = createClient({ apiKey: 'sk-...' });`,
    `const result = await ${operation.methodName}(${argumentList(['client', ...exampleArguments(ctx, operation)])});`,
    'console.log(result);',
  ];
}

/** `createRealtimeSession(client: Client, body: SessionRequest, options?: RequestOptions): Promise<Session>` */
function functionSignature(ctx: TemplateContext, operation: OperationModel): string {
  const signature = ctx.signature(operation);
  const parameters = ['client: Client', signature.parameterList].filter(Boolean);
  return `${operation.methodName}(${parameters.join(', ')}): Promise<${signature.returnType}>`;
}
