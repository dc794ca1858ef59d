import { describe, expectTypeOf, it } from 'vitest';
import { defineTemplate, type SchemaModel, type TagModel, type TemplateContext, type TemplateFile, type TemplateResult } from 'openapi-morph';

describe('defineTemplate: each scope gets its node, and only valid results type-check', () => {
  it('a tag template renders per tag, a schema template per schema, a document template once', () => {
    defineTemplate({
      apiVersion: 1,
      name: 'tagged',
      description: 'x',
      scope: 'tag',
      render(ctx, tag) {
        expectTypeOf(ctx).toEqualTypeOf<TemplateContext>();
        expectTypeOf(tag).toEqualTypeOf<TagModel>();
        return undefined;
      },
    });
    defineTemplate({
      apiVersion: 1,
      name: 'per-schema',
      description: 'x',
      scope: 'schema',
      render(_ctx, schema) {
        expectTypeOf(schema).toEqualTypeOf<SchemaModel>();
        return [];
      },
    });
    const doc = defineTemplate({ apiVersion: 1, name: 'doc', description: 'x', scope: 'document', render: (ctx) => ({ kind: 'text', path: 'a.md', content: ctx.md.text('x') }) });
    expectTypeOf(doc.render).returns.toEqualTypeOf<TemplateResult>();
  });

  it('renderDefault returns files to decorate', () => {
    expectTypeOf<TemplateContext['renderDefault']>().returns.toEqualTypeOf<readonly TemplateFile[]>();
  });

  it('rejects another apiVersion, an unknown scope, a missing description, and malformed files', () => {
    // @ts-expect-error apiVersion 1 only
    defineTemplate({ apiVersion: 2, name: 'a', description: 'x', scope: 'document', render: () => undefined });
    // @ts-expect-error scopes are document, tag and schema
    defineTemplate({ apiVersion: 1, name: 'a', description: 'x', scope: 'operation', render: () => undefined });
    // @ts-expect-error description is required (templates list shows it)
    defineTemplate({ apiVersion: 1, name: 'a', scope: 'document', render: () => undefined });
    // @ts-expect-error a text file has content, not statements
    defineTemplate({ apiVersion: 1, name: 'a', description: 'x', scope: 'document', render: () => ({ kind: 'text', path: 'a.md', statements: [] }) });
    // @ts-expect-error a JSON file holds JSON values, not functions
    defineTemplate({ apiVersion: 1, name: 'a', description: 'x', scope: 'document', render: () => ({ kind: 'json', path: 'a.json', value: { f: () => 1 } }) });
  });
});
