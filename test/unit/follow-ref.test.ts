/**
 * The one `$ref` follower (generator/openapi/follow-ref.ts), used by the model and by diff:
 * chains, OpenAPI 3.1 keywords beside a `$ref`, cycles of any length, and where keywords live.
 */
import { describe, expect, it } from 'vitest';
import { followRef, keywordPointer } from '../../generator/openapi/follow-ref.ts';
import { buildModel } from '../../generator/model/build.ts';
import { defaultNaming } from '../../generator/naming/resolver.ts';

const limit = { name: 'limit', in: 'query', description: 'Page size.', schema: { type: 'integer' } };
const document = {
  components: {
    parameters: { Limit: limit, Alias: { $ref: '#/components/parameters/Limit', description: 'From the alias.' }, LoopA: { $ref: '#/components/parameters/LoopB' }, LoopB: { $ref: '#/components/parameters/LoopA' }, Self: { $ref: '#/components/parameters/Self' } },
    schemas: { Name: { type: 'string', description: 'A name.' } },
  },
};

describe('followRef', () => {
  it('a node that is no reference is itself, at its site', () => {
    expect(followRef(document, limit, '#/x')).toStrictEqual({ value: limit, pointer: '#/x', site: '#/x', ref: undefined, siblings: new Set(), cycle: false });
  });

  it('a reference is its target, at the target, named after the component', () => {
    const followed = followRef(document, { $ref: '#/components/parameters/Limit' }, '#/p/0');
    expect(followed).toStrictEqual({ value: limit, pointer: '#/components/parameters/Limit', site: '#/p/0', ref: 'Limit', siblings: new Set(), cycle: false });
    expect(followed.value).toBe(limit);
  });

  it('a chain reports the first name and the last target; every sibling on the way is laid over, the nearest winning', () => {
    const followed = followRef(document, { $ref: '#/components/parameters/Alias', required: true }, '#/p/0');
    expect(followed.ref).toBe('Alias');
    expect(followed.pointer).toBe('#/components/parameters/Limit');
    expect(followed.value).toStrictEqual({ ...limit, description: 'From the alias.', required: true });
    expect(followed.siblings).toStrictEqual(new Set(['required', 'description']));
    const nearest = followRef(document, { $ref: '#/components/parameters/Alias', description: 'At the site.' }, '#/p/0');
    expect(nearest.value).toStrictEqual({ ...limit, description: 'At the site.' });
  });

  it.each([
    { name: 'description', site: { $ref: '#/components/schemas/Name', description: 'Overridden.' }, want: { type: 'string', description: 'Overridden.' } },
    { name: 'nullable', site: { $ref: '#/components/schemas/Name', nullable: true }, want: { type: 'string', description: 'A name.', nullable: true } },
    { name: 'a constraint', site: { $ref: '#/components/schemas/Name', maxLength: 3 }, want: { type: 'string', description: 'A name.', maxLength: 3 } },
  ])('3.1: a $ref with $name beside it', ({ site, want }) => {
    const followed = followRef(document, site, '#/s');
    expect(followed.value).toStrictEqual(want);
    expect(document.components.schemas.Name).toStrictEqual({ type: 'string', description: 'A name.' });
  });

  it('keywords beside the $ref live at the site, the others in the target', () => {
    const followed = followRef(document, { $ref: '#/components/parameters/Limit', description: 'd' }, '#/p/0');
    expect(keywordPointer(followed, 'description')).toBe('#/p/0/description');
    expect(keywordPointer(followed, 'schema')).toBe('#/components/parameters/Limit/schema');
  });

  it.each([
    { name: 'a two-step loop', start: '#/components/parameters/LoopA', want: '#/components/parameters/LoopA' },
    { name: 'a reference to itself', start: '#/components/parameters/Self', want: '#/components/parameters/Self' },
  ])('$name stops as a cycle, with no value', ({ start, want }) => {
    const followed = followRef(document, { $ref: start }, '#/p/0');
    expect(followed.cycle).toBe(true);
    expect(followed.value).toBeUndefined();
    expect(followed.pointer).toBe(want);
  });

  it('a chain longer than any fixed hop limit is followed to its end', () => {
    const parameters: Record<string, unknown> = { P100: limit };
    for (let i = 0; i < 100; i++) parameters[`P${i}`] = { $ref: `#/components/parameters/P${i + 1}` };
    const followed = followRef({ components: { parameters } }, { $ref: '#/components/parameters/P0' }, '#/p');
    expect(followed).toMatchObject({ value: limit, pointer: '#/components/parameters/P100', ref: 'P0', cycle: false });
  });

  it.each([
    { name: 'a missing target', ref: '#/components/parameters/Nope' },
    { name: 'an external reference', ref: 'other.yaml#/Limit' },
  ])('$name has no value and is no cycle', ({ ref }) => {
    expect(followRef(document, { $ref: ref }, '#/p')).toMatchObject({ value: undefined, cycle: false });
  });

  it('a $ref that is not a string is no reference', () => {
    const node = { $ref: 7, name: 'x' };
    expect(followRef(document, node, '#/p')).toMatchObject({ value: node, pointer: '#/p', ref: undefined });
  });
});

describe('the model follows references with 3.1 siblings', () => {
  const spec = (parameter: unknown, response: unknown) => ({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: { '/a': { get: { operationId: 'get-a', parameters: [parameter], responses: { '200': response } } } },
    components: {
      parameters: { Limit: limit },
      responses: { Ok: { description: 'The list.', content: { 'application/json': { schema: { type: 'string' } } } } },
    },
  });
  const model = (parameter: unknown, response: unknown) =>
    buildModel(spec(parameter, response), { name: 'spec.yaml', sha256: '0'.repeat(64), openapi: '3.1.0' }, defaultNaming).tags[0]!.operations[0]!;

  it('description and required beside a parameter $ref, description beside a response $ref', () => {
    const operation = model({ $ref: '#/components/parameters/Limit', description: 'How many.', required: true }, { $ref: '#/components/responses/Ok', description: 'Here.' });
    expect(operation.parameters.query).toStrictEqual([{ name: 'limit', in: 'query', required: true, deprecated: false, description: 'How many.', schema: { kind: 'integer', nullable: false }, style: 'form', explode: true, allowReserved: false }]);
    expect(operation.responses[0]!.description).toBe('Here.');
    expect(operation.responses[0]!.content.map((c) => c.mediaType)).toStrictEqual(['application/json']);
  });

  it('without siblings the target is used as written', () => {
    const operation = model({ $ref: '#/components/parameters/Limit' }, { $ref: '#/components/responses/Ok' });
    expect(operation.parameters.query[0]).toMatchObject({ description: 'Page size.', required: false });
    expect(operation.responses[0]!.description).toBe('The list.');
  });
});
