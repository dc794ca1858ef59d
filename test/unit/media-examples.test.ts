import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build.ts';
import { defaultNaming } from '../../generator/naming/resolver.ts';

/** `MediaTypeModel.examples`: what a mock or a docs template can show for a body. */
const responseWith = (media: Record<string, unknown>) => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: { '/a': { get: { operationId: 'get-a', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, ...media } } } } } } },
});

describe('media type examples in the model', () => {
  it.each([
    { name: 'none', given: {}, want: undefined },
    { name: '`example`', given: { example: { id: 1 } }, want: [{ id: 1 }] },
    { name: '`examples` values in order, after `example`', given: { example: 'x', examples: { b: { value: 2 }, a: { summary: 's', value: 1 } } }, want: ['x', 2, 1] },
    { name: 'referenced and external examples are not followed', given: { examples: { r: { $ref: '#/components/examples/E' }, u: { externalValue: 'https://e.example/x.json' } } }, want: undefined },
    { name: 'null is an example', given: { example: null }, want: [null] },
  ])('$name', ({ given, want }) => {
    const model = buildModel(responseWith(given), { name: 'spec.yaml', sha256: '0'.repeat(64), openapi: '3.1.0' }, defaultNaming);
    expect(model.tags[0]!.operations[0]!.responses[0]!.content[0]!.examples).toStrictEqual(want);
  });
});
