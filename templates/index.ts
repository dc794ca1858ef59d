import { defineTemplate, type TemplateContext } from 'openapi-morph';
import { errorClasses } from './runtime/error-classes.ts';

export default defineTemplate({
  apiVersion: 1,
  name: 'index',
  description: 'src/index.ts: the package entry point (API classes, model types, errors, options, paths, components and webhooks)',
  scope: 'document',
  render(ctx) {
    const path = 'src/index.ts';
    const { ts } = ctx;
    return {
      kind: 'typescript',
      path,
      statements: [
        ...ctx.model.tags.flatMap((tag) => [
          ts.exportFrom(ctx.importPath(path, ctx.naming.apiFile(tag.className)), [tag.className]),
          ts.exportFrom(ctx.importPath(path, ctx.naming.apiFile(tag.className)), [`${tag.className}Errors`], { typeOnly: true }),
        ]),
        ...(ctx.model.schemas.length > 0 ? [ts.exportFrom('./models.js', ctx.model.schemas.map((s) => s.typeName), { typeOnly: true })] : []),
        // Every error class runtime/errors.ts exports (names reserved in generator/model/names.ts).
        ts.exportFrom('./runtime/errors.js', errorClasses.map((c) => c.name)),
        ts.exportFrom('./runtime/error-bodies.js', ['AnyStatus', 'ErrorWith', 'OtherError', 'StatusRange'], { typeOnly: true }),
        ts.exportFrom('./runtime/api-promise.js', ['ApiPromise']),
        ts.exportFrom('./runtime/api-promise.js', ['ApiResponse'], { typeOnly: true }),
        ts.exportFrom('./runtime/auth.js', ['ApiKeySource', 'BasicCredentials', 'Credential'], { typeOnly: true }),
        ts.exportFrom('./runtime/defaults.js', ['AuthOptions'], { typeOnly: true }),
        ts.exportFrom('./runtime/options.js', ['ClientOptions', 'RequestOptions', 'ResponseValidator'], { typeOnly: true }),
        ts.exportFrom('./schema.js', ['components', 'operations', 'paths', 'webhooks', ...(readWriteMarked(ctx) ? ['Readable', 'Writable'] : [])], { typeOnly: true }),
      ],
    };
  },
});

/**
 * Whether the types hold read/write markers (`ctx.readWriteMarked`) in a named schema or an
 * operation's body or parameter: then `src/schema.ts` declares the `Readable` and `Writable`
 * views, which the methods' types use, and a caller may name what a request sends
 * (`Writable<components["schemas"]["Pet"]>`) as the methods take it.
 */
function readWriteMarked(ctx: TemplateContext): boolean {
  const schemas = ctx.model.tags
    .flatMap((tag) => tag.operations)
    .flatMap((op) => [
      ...(op.requestBody?.content ?? []).map((m) => m.schema),
      ...op.responses.flatMap((r) => r.content.map((m) => m.schema)),
      ...[...op.parameters.path, ...op.parameters.query, ...op.parameters.header, ...op.parameters.cookie].map((p) => p.schema),
    ]);
  return ctx.model.schemas.some((s) => ctx.readWriteMarked(s.schema)) || schemas.some((schema) => ctx.readWriteMarked(schema));
}
