/**
 * `SchemaModel.discriminator`: how openapi-typescript's types treat a schema's discriminator
 * property (model/discriminated-schemas.ts): the one value they fix, and whether an `allOf` that
 * names the schema leaves the property out; and the examples that follow them. Each expectation
 * was checked against openapi-typescript's output for the same document. The real-world fixture
 * r30 holds the common shapes end to end: its docs examples type-check against the generated types
 * (test/real-world.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build.ts';
import { defaultNaming } from '../../generator/naming/resolver.ts';
import { exampleValue } from '../../generator/template-api/example.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const object = (property: string, more: object = {}) => ({ type: 'object', required: [property], properties: { [property]: { type: 'string' } }, ...more });
const child = (parent: string) => ({ allOf: [ref(parent), { type: 'object', properties: { extra: { type: 'boolean' } } }] });
const body = (schema: object) => ({ post: { requestBody: { content: { 'application/json': { schema } } }, responses: { '204': { description: 'done' } } } });

function modelOf(paths: object, schemas: object) {
  const document = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths, components: { schemas } };
  return buildModel(document, { name: 'spec.yaml', sha256: '0'.repeat(64), openapi: '3.0.3' }, defaultNaming);
}

/** Each schema whose types fix a value, as `Name: property=value`, sorted. */
function fixed(paths: object, schemas: object): string[] {
  return modelOf(paths, schemas)
    .schemas.flatMap((s) => (s.discriminator?.value !== undefined ? [`${s.name}: ${s.discriminator.propertyName}=${s.discriminator.value}`] : []))
    .sort();
}

describe('the discriminator value the types fix', () => {
  it.each([
    {
      name: "a oneOf's mapping keys, for object members",
      paths: { '/a': body({ oneOf: [ref('One'), ref('Two')], discriminator: { propertyName: 'kind', mapping: { 'Option One': '#/components/schemas/One', 'Option Two': '#/components/schemas/Two' } } }) },
      schemas: { One: object('kind'), Two: object('kind') },
      want: ['One: kind=Option One', 'Two: kind=Option Two'],
    },
    {
      name: "a oneOf's member names without a mapping, for allOf members",
      paths: { '/a': body({ oneOf: [ref('Cat'), ref('Dog')], discriminator: { propertyName: 'pet_type' } }) },
      schemas: { Pet: object('pet_type', { discriminator: { propertyName: 'pet_type' } }), Cat: child('Pet'), Dog: child('Pet') },
      want: ['Cat: pet_type=Cat', 'Dog: pet_type=Dog'],
    },
    {
      name: 'a mapped schema the oneOf does not list, and a listed one the mapping leaves out (its name)',
      paths: { '/a': body({ oneOf: [ref('One')], discriminator: { propertyName: 'kind', mapping: { two: '#/components/schemas/Two' } } }) },
      schemas: { One: object('kind'), Two: object('kind') },
      want: ['One: kind=One', 'Two: kind=two'],
    },
    {
      name: 'the first oneOf that lists a schema wins',
      paths: {
        '/a': body({ oneOf: [ref('One')], discriminator: { propertyName: 'kind', mapping: { first: '#/components/schemas/One' } } }),
        '/b': body({ oneOf: [ref('One')], discriminator: { propertyName: 'kind', mapping: { second: '#/components/schemas/One' } } }),
      },
      schemas: { One: object('kind') },
      want: ['One: kind=first'],
    },
    {
      name: 'a member without allOf or type object (a string, an object by its properties alone), or a mapping by bare name: not fixed',
      paths: { '/a': body({ oneOf: [ref('Text'), ref('Loose')], discriminator: { propertyName: 'kind', mapping: { bare: 'Other' } } }) },
      schemas: { Text: { type: 'string' }, Loose: { required: ['kind'], properties: { kind: { type: 'string' } } }, Other: object('kind') },
      want: [],
    },
    {
      name: 'a member through a $ref alias: the schema it names',
      paths: { '/a': body({ oneOf: [ref('Alias')], discriminator: { propertyName: 'kind' } }) },
      schemas: { Alias: ref('Target'), Target: object('kind') },
      want: ['Target: kind=Alias'],
    },
    {
      name: 'a member in a loop of aliases (refused before the model by OM214): not fixed, and the walk ends',
      paths: { '/a': body({ oneOf: [ref('A')], discriminator: { propertyName: 'kind' } }) },
      schemas: { A: ref('B'), B: ref('A') },
      want: [],
    },
    {
      name: "a parent's discriminator inherited through allOf: the mapping key naming the child, else its name",
      paths: { '/a': body(ref('Truck')) },
      schemas: { Vehicle: object('type', { discriminator: { propertyName: 'type', mapping: { bicycle: '#/components/schemas/Bike', lorry: 'Truck' } } }), Truck: child('Vehicle'), Bike: child('Vehicle'), Van: child('Vehicle') },
      want: ['Bike: type=bicycle', 'Truck: type=lorry', 'Van: type=Van'],
    },
    {
      name: "a parent's mapping that names the child both ways: the key whose value is the child's exact $ref",
      paths: { '/a': body(ref('Truck')) },
      schemas: { Vehicle: object('type', { discriminator: { propertyName: 'type', mapping: { lorry: 'Truck', truck: '#/components/schemas/Truck' } } }), Truck: child('Vehicle') },
      want: ['Truck: type=truck'],
    },
    {
      name: 'inherited through a chain of allOf, in document order',
      paths: { '/a': body(ref('Puppy')) },
      schemas: { Pet: object('pet_type', { discriminator: { propertyName: 'pet_type' } }), Dog: child('Pet'), Puppy: child('Dog') },
      want: ['Dog: pet_type=Dog', 'Puppy: pet_type=Puppy'],
    },
    {
      name: 'a discriminator inside an allOf part: the schema holding it is fixed to its name, and so is its child',
      paths: { '/a': body(ref('Circle')) },
      schemas: { Shape: { allOf: [object('shape', { discriminator: { propertyName: 'shape' } })] }, Circle: child('Shape') },
      want: ['Circle: shape=Circle', 'Shape: shape=Shape'],
    },
    {
      name: 'mapped allOf members of a oneOf: the mapping keys, not their names',
      paths: { '/a': body({ oneOf: [ref('Cat')], discriminator: { propertyName: 'pet_type', mapping: { cat: '#/components/schemas/Cat' } } }) },
      schemas: { Pet: object('pet_type', { discriminator: { propertyName: 'pet_type' } }), Cat: child('Pet') },
      want: ['Cat: pet_type=cat'],
    },
    {
      name: 'an allOf whose first reference holds no discriminator stops there; a schema with its own discriminator keeps it open',
      paths: { '/a': body(ref('Mixed')) },
      schemas: { Plain: object('x'), Pet: object('pet_type', { discriminator: { propertyName: 'pet_type' } }), Mixed: { allOf: [ref('Plain'), ref('Pet')] }, Own: { allOf: [ref('Pet')], discriminator: { propertyName: 'pet_type' } } },
      want: [],
    },
    {
      name: 'the first oneOf in document order wins: a parameter written before the body, a response before it',
      paths: {
        '/a': {
          post: {
            parameters: [{ name: 'f', in: 'query', schema: { oneOf: [ref('One')], discriminator: { propertyName: 'kind', mapping: { fromParam: '#/components/schemas/One' } } } }],
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: { oneOf: [ref('Two')], discriminator: { propertyName: 'kind', mapping: { fromResponse: '#/components/schemas/Two' } } } } } } },
            requestBody: { content: { 'application/json': { schema: { oneOf: [ref('One'), ref('Two')], discriminator: { propertyName: 'kind', mapping: { fromBody: '#/components/schemas/One', fromBody2: '#/components/schemas/Two' } } } } } },
          },
        },
      },
      schemas: { One: object('kind'), Two: object('kind') },
      want: ['One: kind=fromParam', 'Two: kind=fromResponse'],
    },
    {
      name: "a callback's oneOf counts too",
      paths: { '/a': { post: { responses: { '204': { description: 'done' } }, callbacks: { on: { '{$request.body#/url}': body({ oneOf: [ref('Event')], discriminator: { propertyName: 'kind', mapping: { evt: '#/components/schemas/Event' } } }) } } } } },
      schemas: { Event: object('kind') },
      want: ['Event: kind=evt'],
    },
    {
      name: 'patched once per $ref text: a type object member listed as an alias and by name takes the later value',
      paths: { '/a': body({ oneOf: [ref('Alias')], discriminator: { propertyName: 'kind' } }), '/b': body({ oneOf: [ref('Target')], discriminator: { propertyName: 'kind' } }) },
      schemas: { Alias: ref('Target'), Target: object('kind') },
      want: ['Target: kind=Target'],
    },
    {
      name: 'an allOf member patched twice with different values allows none',
      paths: { '/a': body({ oneOf: [ref('Cat')], discriminator: { propertyName: 'pet_type' } }) },
      schemas: { Pet: object('pet_type', { discriminator: { propertyName: 'pet_type', mapping: { cat: '#/components/schemas/Cat' } } }), Cat: child('Pet') },
      want: [],
    },
    {
      name: 'a discriminator without a property name is none',
      paths: { '/a': body({ oneOf: [ref('One')], discriminator: { propertyName: '' } }) },
      schemas: { One: object('kind') },
      want: [],
    },
  ])('$name', ({ paths, schemas, want }) => expect(fixed(paths, schemas)).toStrictEqual(want));

  it('marks where an allOf leaves the property out: schemas that hold or inherit a discriminator, not the ones a oneOf only patched', () => {
    const model = modelOf(
      { '/a': body({ oneOf: [ref('One'), ref('Dog')], discriminator: { propertyName: 'pet_type' } }) },
      { Pet: object('pet_type', { discriminator: { propertyName: 'pet_type' } }), Cat: child('Pet'), Dog: child('Pet'), One: object('pet_type') },
    );
    const marks = model.schemas.map((s) => [s.name, s.discriminator?.value, s.discriminator?.omitted]);
    // Dog: patched by the oneOf and inheriting Pet's; One: patched only.
    expect(marks).toStrictEqual([['Cat', 'Cat', true], ['Dog', 'Dog', true], ['One', 'One', false], ['Pet', undefined, true]]);
  });

  it('an allOf that names a schema a oneOf only patched keeps its property (no Omit there)', () => {
    const model = modelOf(
      { '/a': body({ oneOf: [ref('One')], discriminator: { propertyName: 'kind' } }), '/b': body({ allOf: [ref('One'), { type: 'object', properties: { x: { type: 'string' } } }] }) },
      { One: object('kind') },
    );
    expect(exampleValue(model.tags[0]!.operations[1]!.requestBody!.content[0]!.schema, model)).toStrictEqual({ kind: 'One' });
  });

  it('an example of a fixed schema uses the value, in place, wherever it is reached by reference', () => {
    const model = modelOf(
      { '/a': body({ oneOf: [ref('Cat'), ref('Dog')], discriminator: { propertyName: 'pet_type' } }) },
      { Pet: object('pet_type', { discriminator: { propertyName: 'pet_type' } }), Cat: child('Pet'), Dog: child('Pet'), Owner: { type: 'object', required: ['pet'], properties: { pet: ref('Dog') } } },
    );
    const operation = model.tags[0]!.operations[0]!;
    expect(exampleValue(operation.requestBody!.content[0]!.schema, model)).toStrictEqual({ pet_type: 'Cat' });
    const owner = model.schemas.find((s) => s.name === 'Owner')!;
    expect(exampleValue(owner.schema, model)).toStrictEqual({ pet: { pet_type: 'Dog' } });
    // The parent itself is not fixed: any string.
    expect(exampleValue(model.schemas.find((s) => s.name === 'Pet')!.schema, model)).toStrictEqual({ pet_type: 'string' });
  });

  it("an inline allOf that names a discriminated schema leaves its property out, as the types' Omit does", () => {
    const model = modelOf(
      { '/a': body({ allOf: [ref('Pet'), { type: 'object', required: ['name'], properties: { name: { type: 'string' } } }] }) },
      { Pet: object('pet_type', { discriminator: { propertyName: 'pet_type' } }), Plain: object('x'), Mixed: { allOf: [ref('Plain'), ref('Pet')] } },
    );
    expect(exampleValue(model.tags[0]!.operations[0]!.requestBody!.content[0]!.schema, model)).toStrictEqual({ name: 'string' });
    // Beside a part that is not discriminated, which keeps its own properties.
    expect(exampleValue(model.schemas.find((s) => s.name === 'Mixed')!.schema, model)).toStrictEqual({ x: 'string' });
  });
});
