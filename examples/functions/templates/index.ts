import { defineTemplate } from 'openapi-morph';

/**
 * Decorates the default entry point: everything it exports (models, errors, options, paths)
 * except the API classes, which the functions and `createClient` replace.
 */
export default defineTemplate({
  apiVersion: 1,
  name: 'index',
  description: 'src/index.ts: the entry point, exporting functions and createClient instead of API classes',
  scope: 'document',
  render(ctx) {
    const { ts } = ctx;
    const path = 'src/index.ts';
    const base = ctx.renderDefault().find((file) => file.path === path);
    if (base?.kind !== 'typescript') throw new Error(`the default "index" template did not emit ${path} as TypeScript`);
    const classes = new Set(ctx.model.tags.map((tag) => tag.className));
    const kept = ts.statementList(base.statements).filter(
      (s) => !(ts.isStructure(s, ts.StructureKind.ExportDeclaration) && Array.isArray(s.namedExports) && s.namedExports.some((n) => classes.has(typeof n === 'string' ? n : n.name))),
    );
    return {
      kind: 'typescript',
      path,
      statements: [
        ...ctx.model.tags.map((tag) => ts.exportFrom(ctx.importPath(path, ctx.naming.apiFile(tag.className)), tag.operations.map((op) => op.methodName))),
        ts.exportFrom(ctx.importPath(path, 'src/client.ts'), ['createClient']),
        ts.exportFrom(ctx.importPath(path, 'src/client.ts'), ['Client'], { typeOnly: true }),
        ...kept,
      ],
    };
  },
});
