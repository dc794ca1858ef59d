import { defineTemplate } from 'openapi-morph';

/**
 * Decorates the default API class rather than replacing it: the constructor also accepts Acme's
 * HouseOptions and wraps the client's `fetch` with them before the default body runs, so every
 * call sends `x-team-id` and runs the hooks. The rest of the class is the default's, and follows
 * toolkit upgrades.
 */
export default defineTemplate({
  apiVersion: 1,
  name: 'api',
  description: "src/apis/<Tag>Api.ts: the default API class, plus Acme's house options applied in its constructor",
  scope: 'tag',
  render(ctx, tag) {
    const { ts } = ctx;
    const path = ctx.naming.apiFile(tag.className);
    const base = ctx.renderDefault().find((file) => file.path === path);
    if (base?.kind !== 'typescript') throw new Error(`the default "api" template did not emit ${path} as TypeScript`);
    const statements = ts.statementList(base.statements).map((statement) => {
      if (!ts.isStructure(statement, ts.StructureKind.Class) || statement.name !== tag.className) return statement;
      const [ctor, ...others] = statement.ctors ?? [];
      const options = ctor?.parameters?.[0];
      if (!ctor || !options || options.name !== 'options' || typeof ctor.statements !== 'object' || !Array.isArray(ctor.statements)) {
        throw new Error(`the default ${tag.className} constructor no longer takes (options); update the house api template`);
      }
      return {
        ...statement,
        ctors: [
          {
            ...ctor,
            parameters: [{ ...options, type: `${options.type ?? 'ClientOptions'} & HouseOptions` }, ...(ctor.parameters ?? []).slice(1)],
            statements: ['options = withHouse(options);', ...ctor.statements],
          },
          ...others,
        ],
      };
    });
    return {
      ...base,
      statements: [ts.importFrom(ctx.importPath(path, 'src/house.ts'), ['withHouse', { name: 'HouseOptions', isTypeOnly: true }]), ...statements],
    };
  },
});
