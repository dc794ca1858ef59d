import { readFileSync } from 'node:fs';
import { defineTemplate, type MediaTypeModel, type OperationModel, type SchemaNode, type TemplateContext } from 'openapi-morph';

/**
 * A new output, as a folder template: `src/mock/handler.ts` is the mock server's code (a real,
 * type-checked file next to this one), `src/mock/index.ts` its routes, generated from the spec:
 * one per operation, answering with the first 2xx response's example (the media type's, else the
 * schema's), else a value built from the schema. Every spec string goes through ctx.escape.
 */
export default defineTemplate({
  apiVersion: 1,
  name: 'mock',
  description: 'src/mock/: a mock server (a fetch handler) answering every operation with the spec examples; the ./mock entry point',
  scope: 'document',
  render(ctx) {
    const { ts, escape } = ctx;
    const routes = ctx.model.tags.flatMap((tag) => tag.operations).map((operation) => route(ctx, operation));
    const server = ctx.model.servers[0]?.url;
    const basePath = server && /^https?:\/\//.test(server) ? new URL(server).pathname.replace(/\/+$/, '') : '';
    return [
      { kind: 'text', path: 'src/mock/handler.ts', content: readFileSync(new URL('./files/handler.ts', import.meta.url), 'utf8') },
      {
        kind: 'typescript',
        path: 'src/mock/index.ts',
        statements: [
          ts.importFrom('./handler.js', ['createHandler', { name: 'MockOptions', isTypeOnly: true }, { name: 'MockRoute', isTypeOnly: true }]),
          ts.exportFrom('./handler.js', ['MockOptions', 'MockResponder', 'MockRoute'], { typeOnly: true }),
          ts.constDeclaration({
            name: 'routes',
            type: 'readonly MockRoute[]',
            initializer: `[${routes.join(', ')}]`,
            docs: ts.docs({ description: 'One route per operation in the spec, with its canned answer.' }),
          }),
          ts.functionDeclaration({
            name: 'createMockHandler',
            isExported: true,
            docs: ts.docs({ description: 'A fetch handler that answers like the API would, from the spec. Serve it, or pass it to a client as `fetch`.' }),
            parameters: [{ name: 'options', type: 'MockOptions', initializer: '{}' }],
            returnType: '(request: Request) => Promise<Response>',
            statements: [`return createHandler(routes, { basePath: ${escape.stringLiteral(basePath)}, ...options });`],
          }),
        ],
      },
    ];
  },
});

function route(ctx: TemplateContext, operation: OperationModel): string {
  const { escape } = ctx;
  const signature = ctx.signature(operation);
  const status = /^\d{3}$/.test(signature.success?.status ?? '') ? Number(signature.success!.status) : 200;
  const body = signature.successMedia ? answer(ctx, signature.successMedia) : undefined;
  const required = signature.requestMedia ? requiredProperties(ctx, signature.requestMedia.schema) : undefined;
  const members = [
    `operationId: ${escape.stringLiteral(operation.operationId)}`,
    `method: ${escape.stringLiteral(operation.method.toUpperCase())}`,
    `path: ${escape.stringLiteral(operation.path)}`,
    `status: ${status}`,
    `auth: ${operation.security.length > 0}`,
    ...(body !== undefined ? [`body: ${escape.jsonLiteral(body)}`] : []),
    ...(required ? [`requiredBody: [${required.map((name) => escape.stringLiteral(name)).join(', ')}]`] : []),
  ];
  return `{ ${members.join(', ')} }`;
}

/** The media type's first example, else the schema's own (object) example, else one built from the schema. */
function answer(ctx: TemplateContext, media: MediaTypeModel): unknown {
  if (media.examples && media.examples.length > 0) return media.examples[0];
  const schema = target(ctx, media.schema);
  return schema.examples?.find((value) => typeof value === 'object' && value !== null) ?? ctx.example(media.schema);
}

function requiredProperties(ctx: TemplateContext, node: SchemaNode): string[] | undefined {
  const schema = target(ctx, node);
  return schema.kind === 'object' ? schema.properties.filter((p) => p.required).map((p) => p.name) : undefined;
}

function target(ctx: TemplateContext, node: SchemaNode): SchemaNode {
  return node.kind === 'ref' ? (ctx.model.schemas.find((s) => s.name === node.name)?.schema ?? node) : node;
}
