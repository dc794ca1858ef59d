import { defineTemplate } from 'openapi-morph';

export default defineTemplate({
  apiVersion: 1,
  name: 'index',
  description: 'src/index.ts: the package entry point (API classes, model types, errors, options, paths and components)',
  scope: 'document',
  render(ctx) {
    const path = 'src/index.ts';
    const { ts } = ctx;
    return {
      kind: 'typescript',
      path,
      statements: [
        ...ctx.model.tags.map((tag) => ts.exportFrom(ctx.importPath(path, ctx.naming.apiFile(tag.className)), [tag.className])),
        ...(ctx.model.schemas.length > 0 ? [ts.exportFrom('./models.js', ctx.model.schemas.map((s) => s.typeName), { typeOnly: true })] : []),
        ts.exportFrom('./runtime/errors.js', ['ApiError']),
        ts.exportFrom('./runtime/core.js', ['ApiKeySource', 'ClientOptions', 'RequestOptions'], { typeOnly: true }),
        ts.exportFrom('./schema.js', ['components', 'operations', 'paths'], { typeOnly: true }),
      ],
    };
  },
});
