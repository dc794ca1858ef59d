import { defineTemplate } from 'openapi-morph';

/** The runtime's error classes, all `ApiError` or subclasses of it (names reserved in generator/model/names.ts). */
const ERROR_CLASSES = [
  'ApiError',
  'AuthenticationError',
  'BadRequestError',
  'ConflictError',
  'ConnectionError',
  'InternalServerError',
  'InvalidResponseError',
  'NotFoundError',
  'PermissionDeniedError',
  'RateLimitError',
  'TimeoutError',
  'UnprocessableEntityError',
] as const;

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
        ...ctx.model.tags.map((tag) => ts.exportFrom(ctx.importPath(path, ctx.naming.apiFile(tag.className)), [tag.className])),
        ...(ctx.model.schemas.length > 0 ? [ts.exportFrom('./models.js', ctx.model.schemas.map((s) => s.typeName), { typeOnly: true })] : []),
        ts.exportFrom('./runtime/errors.js', [...ERROR_CLASSES]),
        ts.exportFrom('./runtime/api-promise.js', ['ApiPromise']),
        ts.exportFrom('./runtime/api-promise.js', ['ApiResponse'], { typeOnly: true }),
        ts.exportFrom('./runtime/auth.js', ['ApiKeySource'], { typeOnly: true }),
        ts.exportFrom('./runtime/options.js', ['ClientOptions', 'RequestOptions', 'ResponseValidator'], { typeOnly: true }),
        ts.exportFrom('./schema.js', ['components', 'operations', 'paths', 'webhooks'], { typeOnly: true }),
      ],
    };
  },
});
