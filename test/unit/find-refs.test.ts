/**
 * findRefs: which `$ref`s are references. Names under a name map (`properties`, `content`, ...) are
 * user-chosen, so a property called `default`, `enum`, `example`, `$ref` or `x-...` is a schema like
 * any other; the same words as keywords hold data, where a `$ref` is not followed.
 */
import { describe, expect, it } from 'vitest';
import { findRefs } from '../../generator/openapi/refs.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const refs = (node: unknown) => findRefs(node, '#/s').map((site) => `${site.at} -> ${site.ref}`);

describe('findRefs', () => {
  it.each([
    { name: 'a $ref member', given: ref('A'), want: ['#/s/$ref -> #/components/schemas/A'] },
    { name: 'inside arrays', given: { allOf: [{ type: 'object' }, ref('A')] }, want: ['#/s/allOf/1/$ref -> #/components/schemas/A'] },
    { name: 'a $ref that is not a string is not a reference', given: { $ref: { $ref: '#/x' } }, want: ['#/s/$ref/$ref -> #/x'] },
    {
      name: 'properties named like keywords are schemas',
      given: { properties: { default: ref('D'), enum: ref('E'), example: ref('X'), const: ref('C'), 'x-vendor': ref('V'), discriminator: ref('S') } },
      want: [
        '#/s/properties/default/$ref -> #/components/schemas/D',
        '#/s/properties/enum/$ref -> #/components/schemas/E',
        '#/s/properties/example/$ref -> #/components/schemas/X',
        '#/s/properties/const/$ref -> #/components/schemas/C',
        '#/s/properties/x-vendor/$ref -> #/components/schemas/V',
        '#/s/properties/discriminator/$ref -> #/components/schemas/S',
      ],
    },
    { name: 'a property named $ref is a schema, not a reference', given: { properties: { $ref: { type: 'string' } } }, want: [] },
    { name: 'a schema under a property is walked as a schema again', given: { properties: { a: { default: ref('No'), items: ref('Yes') } } }, want: ['#/s/properties/a/items/$ref -> #/components/schemas/Yes'] },
    { name: 'keyword data is skipped', given: { default: ref('A'), enum: [ref('B')], example: ref('C'), const: ref('D') }, want: [] },
    { name: 'vendor extensions are skipped', given: { 'x-ref': ref('A'), 'x-list': [ref('B')] }, want: [] },
    { name: 'schema examples (an array) are data', given: { examples: [ref('A')] }, want: [] },
    {
      name: 'an examples map: each example may be a $ref, its value is data',
      given: { examples: { one: { $ref: '#/components/examples/One' }, two: { value: ref('A'), summary: 's' } } },
      want: ['#/s/examples/one/$ref -> #/components/examples/One'],
    },
    { name: 'a member named value outside examples is walked', given: { value: ref('A') }, want: ['#/s/value/$ref -> #/components/schemas/A'] },
    {
      name: 'media types under content',
      given: { content: { 'application/json': { schema: ref('A'), example: ref('No') } } },
      want: ['#/s/content/application~1json/schema/$ref -> #/components/schemas/A'],
    },
    {
      name: 'discriminator mapping values that are references',
      given: { discriminator: { propertyName: 't', mapping: { a: '#/components/schemas/A', b: 'B', 'c/d': 'other.yaml#/C' } } },
      want: ['#/s/discriminator/mapping/a -> #/components/schemas/A', '#/s/discriminator/mapping/c~1d -> other.yaml#/C'],
    },
    { name: 'a discriminator without a mapping', given: { discriminator: { propertyName: 't', mapping: 'no' } }, want: [] },
    { name: 'a discriminator that is not an object is walked', given: { discriminator: [ref('A')] }, want: ['#/s/discriminator/0/$ref -> #/components/schemas/A'] },
    { name: 'scalars', given: 'text', want: [] },
  ])('$name', ({ given, want }) => expect(refs(given)).toStrictEqual(want));
});

/** Every member whose value maps user-chosen names to objects: a name there is never a keyword. */
const NAME_MAPS = [
  'properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'schemas', 'responses', 'parameters',
  'headers', 'content', 'callbacks', 'links', 'securitySchemes', 'requestBodies', 'pathItems', 'encoding', 'variables', 'examples',
];

describe('findRefs: names in name maps', () => {
  it.each(NAME_MAPS)('an entry named "default" under %s is walked, not skipped as data', (map) => {
    expect(refs({ [map]: { default: ref('A') } })).toStrictEqual([`#/s/${map.replace('/', '~1')}/default/$ref -> #/components/schemas/A`]);
  });
});

describe('findRefs: where "value" is data', () => {
  it.each([
    { name: 'another member of an example is walked', given: { examples: { one: { description: ref('A') } } }, want: ['#/s/examples/one/description/$ref -> #/components/schemas/A'] },
    { name: 'value under a property is a schema', given: { properties: { a: { value: ref('A') } } }, want: ['#/s/properties/a/value/$ref -> #/components/schemas/A'] },
    { name: 'value inside an array item is a schema', given: { allOf: [{ value: ref('A') }] }, want: ['#/s/allOf/0/value/$ref -> #/components/schemas/A'] },
    { name: 'a mapping that is a list is no mapping', given: { discriminator: { mapping: ['#/components/schemas/A'] } }, want: [] },
    { name: 'a mapping value that is not a string', given: { discriminator: { mapping: { a: ['/'] } } }, want: [] },
  ])('$name', ({ given, want }) => expect(refs(given)).toStrictEqual(want));
});

describe('findRefs: an Example object reached on its own', () => {
  const value = { value: ref('A'), dataValue: ref('B'), description: ref('C') };
  it.each([
    { name: 'under #/components/examples its value and dataValue are data', at: '#/components/examples/E', want: ['#/components/examples/E/description/$ref -> #/components/schemas/C'] },
    {
      name: 'elsewhere they are walked',
      at: '#/components/schemas/E',
      want: ['#/components/schemas/E/value/$ref -> #/components/schemas/A', '#/components/schemas/E/dataValue/$ref -> #/components/schemas/B', '#/components/schemas/E/description/$ref -> #/components/schemas/C'],
    },
    {
      name: 'deeper than an example component they are walked',
      at: '#/components/examples/E/x',
      want: ['#/components/examples/E/x/value/$ref -> #/components/schemas/A', '#/components/examples/E/x/dataValue/$ref -> #/components/schemas/B', '#/components/examples/E/x/description/$ref -> #/components/schemas/C'],
    },
    {
      name: 'an examples member outside components is no example component',
      at: '#/paths/examples/E',
      want: ['#/paths/examples/E/value/$ref -> #/components/schemas/A', '#/paths/examples/E/dataValue/$ref -> #/components/schemas/B', '#/paths/examples/E/description/$ref -> #/components/schemas/C'],
    },
  ])('$name', ({ at, want }) => expect(findRefs(value, at).map((site) => `${site.at} -> ${site.ref}`)).toStrictEqual(want));

  it('an array under an examples map holds ordinary nodes', () => {
    expect(refs({ examples: { one: [{ value: ref('A') }] } })).toStrictEqual(['#/s/examples/one/0/value/$ref -> #/components/schemas/A']);
  });

  it('dataValue is data in an example of an examples map', () => {
    expect(refs({ examples: { one: { dataValue: ref('A') } } })).toStrictEqual([]);
  });
});
