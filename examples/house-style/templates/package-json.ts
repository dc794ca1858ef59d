import { defineTemplate, type JsonValue } from 'openapi-morph';

type JsonObject = { readonly [key: string]: JsonValue };

/** Decorates the default package.json: Acme's author and private registry. */
export default defineTemplate({
  apiVersion: 1,
  name: 'package-json',
  description: "package.json: the default, plus Acme's author and publishConfig (the internal registry)",
  scope: 'document',
  render(ctx) {
    return ctx.renderDefault().map((file) => {
      if (file.kind !== 'json' || !isObject(file.value)) return file;
      return { ...file, value: { ...file.value, author: 'Acme Corp. Voice Platform team', publishConfig: { registry: 'https://npm.acme.example/' } } };
    });
  },
});

function isObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
