import { defineTemplate, type JsonValue } from 'openapi-morph';

type JsonObject = { readonly [key: string]: JsonValue };

/** Decorates the default package.json: the mock server is the package's `./mock` entry point. */
export default defineTemplate({
  apiVersion: 1,
  name: 'package-json',
  description: 'package.json: the default, plus the ./mock entry point',
  scope: 'document',
  render(ctx) {
    return ctx.renderDefault().map((file) => {
      if (file.kind !== 'json' || !isObject(file.value) || !isObject(file.value['exports'] ?? null)) return file;
      const exports = { ...(file.value['exports'] as JsonObject), './mock': { types: './dist/mock/index.d.ts', import: './dist/mock/index.js' } };
      return { ...file, value: { ...file.value, exports } };
    });
  },
});

function isObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
