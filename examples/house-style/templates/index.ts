import { defineTemplate } from 'openapi-morph';

/** Decorates the default entry point: it also exports Acme's HouseOptions and TEAM_ID. */
export default defineTemplate({
  apiVersion: 1,
  name: 'index',
  description: "src/index.ts: the default entry point, plus Acme's HouseOptions and TEAM_ID",
  scope: 'document',
  render(ctx) {
    const { ts } = ctx;
    return ctx.renderDefault().map((file) =>
      file.path === 'src/index.ts' && file.kind === 'typescript'
        ? {
            ...file,
            statements: [
              ...ts.statementList(file.statements),
              ts.exportFrom('./house.js', ['TEAM_ID']),
              ts.exportFrom('./house.js', ['HouseOptions'], { typeOnly: true }),
            ],
          }
        : file,
    );
  },
});
