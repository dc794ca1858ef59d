import { defineTemplate } from 'openapi-morph';

export default defineTemplate({
  apiVersion: 1,
  name: 'models',
  description: 'src/models.ts: one named type per selected component schema',
  scope: 'document',
  render(ctx) {
    return {
      kind: 'typescript',
      path: 'src/models.ts',
      statements: [
        ctx.ts.importFrom('./schema.js', ['components'], { typeOnly: true }),
        ...ctx.model.schemas.map((schema) =>
          ctx.ts.typeAlias({
            name: schema.typeName,
            isExported: true,
            type: `components["schemas"][${ctx.escape.stringLiteral(schema.name)}]`,
            docs: ctx.ts.docs({ summary: schema.schema.title, description: schema.schema.description, deprecated: schema.schema.deprecated }),
          }),
        ),
      ],
    };
  },
});
