import { defineTemplate } from 'openapi-morph';

export default defineTemplate({
  apiVersion: 1,
  name: 'models',
  description: 'src/models.ts: one named type per selected component schema',
  scope: 'document',
  render(ctx) {
    const path = 'src/models.ts';
    const imports = ctx.ts.imports(path);
    // Recorded even without schemas, as the file always had it: an empty models.ts stays an ES module, not a script.
    const components = imports.type('components', 'src/schema.ts');
    const aliases = ctx.model.schemas.map((schema) => {
      const type = `${components}["schemas"][${ctx.escape.stringLiteral(schema.name)}]`;
      return ctx.ts.typeAlias({
        name: schema.typeName,
        isExported: true,
        // With read/write markers, the type a response holds (what a request sends is the method's argument type).
        type: ctx.readWriteMarked(schema.schema) ? `${imports.type('Readable', 'src/schema.ts')}<${type}>` : type,
        docs: ctx.ts.docs({ summary: schema.schema.title, description: schema.schema.description, deprecated: schema.schema.deprecated }),
      });
    });
    return { kind: 'typescript', path, statements: [...imports.declarations(), ...aliases] };
  },
});
