/**
 * A parameter's serialization in the model (generator/model/build.ts): `style`, `explode` and
 * `allowReserved` as the spec gives them, OpenAPI's defaults for its location where it does not.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build.ts';
import { defaultNaming } from '../../generator/naming/resolver.ts';

const parameter = (given: Record<string, unknown>) => {
  const document = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/x/{p}': { get: { parameters: [{ name: 'p', schema: { type: 'array', items: { type: 'string' } }, ...given }], responses: { '204': { description: 'ok' } } } } } };
  const { parameters } = buildModel(document, { name: 's', sha256: '0', openapi: '3.1.0' }, defaultNaming).tags[0]!.operations[0]!;
  return [...parameters.path, ...parameters.query, ...parameters.header, ...parameters.cookie][0]!;
};
const serialization = (given: Record<string, unknown>) => {
  const { style, explode, allowReserved } = parameter(given);
  return { style, explode, allowReserved };
};

describe('parameter serialization', () => {
  it.each([
    { name: 'query: form, exploded', given: { in: 'query' }, want: { style: 'form', explode: true, allowReserved: false } },
    { name: 'cookie: form, exploded', given: { in: 'cookie' }, want: { style: 'form', explode: true, allowReserved: false } },
    { name: 'path: simple, not exploded', given: { in: 'path', required: true }, want: { style: 'simple', explode: false, allowReserved: false } },
    { name: 'header: simple, not exploded', given: { in: 'header' }, want: { style: 'simple', explode: false, allowReserved: false } },
    { name: 'a given explode', given: { in: 'query', explode: false }, want: { style: 'form', explode: false, allowReserved: false } },
    { name: 'a style other than form is not exploded unless it says so', given: { in: 'query', style: 'pipeDelimited' }, want: { style: 'pipeDelimited', explode: false, allowReserved: false } },
    { name: 'deepObject, exploded as given', given: { in: 'query', style: 'deepObject', explode: true }, want: { style: 'deepObject', explode: true, allowReserved: false } },
    { name: 'a label path', given: { in: 'path', required: true, style: 'label', explode: true }, want: { style: 'label', explode: true, allowReserved: false } },
    { name: 'allowReserved', given: { in: 'query', allowReserved: true }, want: { style: 'form', explode: true, allowReserved: true } },
    { name: 'a style OpenAPI does not define is the default', given: { in: 'query', style: 'csv' }, want: { style: 'form', explode: true, allowReserved: false } },
    { name: 'a non-boolean explode is the default', given: { in: 'query', explode: 'no' }, want: { style: 'form', explode: true, allowReserved: false } },
  ])('$name', ({ given, want }) => {
    expect(serialization(given)).toStrictEqual(want);
  });

  it('a parameter defined by content has its media type, and that media type\'s schema', () => {
    const content = { 'application/json': { schema: { type: 'object', properties: { a: { type: 'integer' } } } } };
    const defined = parameter({ in: 'query', schema: undefined, content });
    expect(defined.contentType).toBe('application/json');
    expect(defined.schema.kind).toBe('object');
    expect(parameter({ in: 'query' }).contentType).toBeUndefined();
  });
});
