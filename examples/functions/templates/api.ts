import { defineTemplate, type TemplateContext, type TypeScriptStatement } from 'openapi-morph';

/**
 * Replaces the default "api" template: one exported function per operation instead of a class
 * per tag, so a bundler keeps only the functions an app calls. It does not re-implement the
 * calls: it renders the default class for the tag (`ctx.renderDefault()`) and turns each method
 * into a function whose first argument is the client. Whatever a toolkit upgrade changes in the
 * default methods (docs, signatures, how a call is made) flows into the functions; if the
 * default's shape changes so far that this no longer fits, rendering fails naming this file.
 */
export default defineTemplate({
  apiVersion: 1,
  name: 'api',
  description: 'src/functions/<Tag>.ts: one exported function per operation, client first (tree-shakable)',
  scope: 'tag',
  render(ctx, tag) {
    const { ts } = ctx;
    const path = ctx.naming.apiFile(tag.className);
    const base = ctx.renderDefault().find((file) => file.path === path);
    if (base?.kind !== 'typescript') throw new Error(`the default "api" template did not emit ${path} as TypeScript`);
    const statements = ts.statementList(base.statements);
    const api = statements.find((s) => ts.isStructure(s, ts.StructureKind.Class));
    if (!api || !ts.isStructure(api, ts.StructureKind.Class)) throw new Error(`the default "api" template's ${path} has no class to turn into functions`);

    const functions = (api.methods ?? []).map((method) => {
      const parameters = method.parameters ?? [];
      if (parameters.some((p) => p.name === 'client')) throw new Error(`${method.name} already has a parameter named "client"`);
      // A method that does not use the client (the `isError` guard) stays as it is, as a function.
      const usesClient = JSON.stringify(method.statements ?? '').includes('this.#core');
      return ts.functionDeclaration({
        name: method.name,
        isExported: true,
        ...(method.docs ? { docs: method.docs } : {}),
        ...(method.typeParameters ? { typeParameters: method.typeParameters } : {}),
        parameters: usesClient ? [{ name: 'client', type: 'Client' }, ...parameters] : parameters,
        ...(method.returnType ? { returnType: method.returnType } : {}),
        statements: usesClient ? onClient(method.name, method.statements) : (method.statements as string[]),
      });
    });
    // The default's type declarations (the class's error map) stay: the index exports them.
    const types = statements.filter((s) => ts.isStructure(s, ts.StructureKind.Interface));
    return {
      kind: 'typescript',
      path,
      statements: [...imports(ctx, statements, path), ts.importFrom(ctx.importPath(path, 'src/client.ts'), ['Client'], { typeOnly: true }), ...types, ...functions],
    };
  },
});

/** The default's imports minus what only its constructor needed (the client's defaults and ApiCore). */
function imports(ctx: TemplateContext, statements: readonly TypeScriptStatement[], path: string) {
  const { ts } = ctx;
  const defaults = ctx.importPath(path, 'src/runtime/defaults.ts');
  return statements.flatMap((s) => {
    if (!ts.isStructure(s, ts.StructureKind.ImportDeclaration) || s.moduleSpecifier === defaults) return [];
    if (!Array.isArray(s.namedImports)) return [s];
    const named = s.namedImports.filter((n) => typeof n === 'function' || !['ApiCore', 'ClientOptions'].includes(typeof n === 'string' ? n : n.name));
    if (named.length === 0) return [];
    // Only types left: `import type`, or the module would still be imported for its side effects.
    const types = named.flatMap((n) => (typeof n === 'object' && n.isTypeOnly ? [n.name] : []));
    return [types.length === named.length ? { ...s, isTypeOnly: true, namedImports: types } : { ...s, namedImports: named }];
  });
}

/** A method's body `return this.#core.call(...)` becomes `return client.core.call(...)`. */
function onClient(name: string, body: unknown): string[] {
  const lines = typeof body === 'string' ? [body] : Array.isArray(body) && body.every((line) => typeof line === 'string') ? (body as string[]) : undefined;
  if (!lines || !lines.some((line) => line.includes('this.#core'))) throw new Error(`the default method ${name} no longer calls this.#core; update the functions template`);
  return lines.map((line) => line.replaceAll('this.#core', 'client.core'));
}
