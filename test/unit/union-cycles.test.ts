/**
 * Union cycles (types/union-cycles.ts, template-api/union-cycle-parts.ts): an `allOf` part naming a
 * schema whose `oneOf`/`anyOf` leads back to the part's schema is typed as that schema without its
 * unions (openapi-typescript alone writes a circular type, TS2502), and examples follow. The
 * real-world fixture r31 holds the shapes end to end: its types and docs examples compile
 * (test/real-world.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build.ts';
import { defaultNaming } from '../../generator/naming/resolver.ts';
import { exampleValue } from '../../generator/template-api/example.ts';
import { openapiTypes } from '../../generator/types/openapi-types.ts';
import { unionCycleBreaks } from '../../generator/types/union-cycles.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const child = (parent: string, property = 'extra') => ({ allOf: [ref(parent), { type: 'object', properties: { [property]: { type: 'boolean' } } }] });
const parent = (members: unknown[], key = 'oneOf') => ({ type: 'object', required: ['name'], properties: { name: { type: 'string' } }, [key]: members });
const documentOf = (schemas: object) => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { schemas } });

/** The breaks as `where the part is -> the parent it is typed from`, sorted. */
function breaks(schemas: object): string[] {
  const document = documentOf(schemas);
  const found = unionCycleBreaks(document);
  const where = new Map<unknown, string>();
  const visit = (value: unknown, at: string): void => {
    if (typeof value !== 'object' || value === null) return;
    where.set(value, at);
    for (const [key, child] of Object.entries(value)) visit(child, `${at}/${key}`);
  };
  visit(document.components.schemas, '');
  return [...found].map(([part, parent]) => `${where.get(part)!.slice(1)} -> ${parent}`).sort();
}

describe('unionCycleBreaks', () => {
  it("breaks each child's allOf part that names the parent whose oneOf lists it", () => {
    expect(breaks({ Pet: parent([ref('Cat'), ref('Dog')]), Cat: child('Pet'), Dog: child('Pet') })).toEqual(['Cat/allOf/0 -> Pet', 'Dog/allOf/0 -> Pet']);
  });

  it('follows anyOf, aliases and allOf chains back to the child, and breaks where the chain meets the parent', () => {
    // Square -> Quad -> Shape: only Quad's part names Shape; Square's names Quad, which has no union.
    expect(breaks({ Shape: parent([ref('Square')], 'anyOf'), Square: child('Quad'), Quad: child('Shape') })).toEqual(['Quad/allOf/0 -> Shape']);
    expect(breaks({ Pet: parent([ref('CatAlias')]), CatAlias: ref('Cat'), Cat: child('Pet') })).toEqual(['Cat/allOf/0 -> Pet']);
  });

  it("keys an inline member at its own path and an inline allOf part at its schema's, as openapi-typescript transforms them", () => {
    expect(breaks({ Shape: parent([{ allOf: [ref('Shape')], properties: { r: { type: 'number' } } }], 'anyOf') })).toEqual(['Shape/anyOf/0/allOf/0 -> Shape']);
    expect(breaks({ Pet: parent([ref('Cat')]), Cat: { allOf: [{ allOf: [ref('Pet')] }, { type: 'object' }] } })).toEqual(['Cat/allOf/0/allOf/0 -> Pet']);
  });

  it("finds the parent's union in its own allOf, through an alias of the parent, and through array items", () => {
    expect(breaks({ Pet: { allOf: [{ type: 'object' }, { oneOf: [ref('Cat')] }] }, Cat: child('Pet') })).toEqual(['Cat/allOf/0 -> Pet']);
    expect(breaks({ Pet: parent([ref('Cat')]), PetAlias: ref('Pet'), Cat: child('PetAlias') })).toEqual(['Cat/allOf/0 -> Pet']);
    expect(breaks({ Pet: parent([ref('Pets')]), Pets: { type: 'array', items: ref('Cat') }, Cat: child('Pet') })).toEqual(['Cat/allOf/0 -> Pet']);
    expect(breaks({ Pet: parent([ref('Pets')]), Pets: { type: 'array', items: { allOf: [ref('Pet')] } } })).toEqual(['Pets/items/allOf/0 -> Pet']);
  });

  it('leaves parts that close no cycle through a union: outside the union, through a property, or a parent with no union', () => {
    expect(breaks({ Pet: parent([ref('Cat')]), Cat: { type: 'object' }, Drawing: child('Pet') })).toEqual([]);
    expect(breaks({ Node: parent([ref('Leaf'), ref('Branch')]), Leaf: { type: 'object' }, Branch: { type: 'object', properties: { up: { allOf: [ref('Node')] } } } })).toEqual([]);
    expect(breaks({ Base: { type: 'object', properties: { a: { type: 'string' } } }, Child: child('Base') })).toEqual([]);
    // openapi-typescript reads nothing beside a $ref (3.1): Pet is Base, no union, and X leads nowhere.
    expect(breaks({ Base: { type: 'object' }, Pet: { $ref: '#/components/schemas/Base', oneOf: [ref('Cat')] }, Cat: child('Pet') })).toEqual([]);
    expect(breaks({ Base: { type: 'object' }, Parent: parent([ref('X')]), X: { $ref: '#/components/schemas/Base', oneOf: [ref('Child')] }, Child: child('Parent') })).toEqual([]);
    // The parent's allOf is not its union: a plain allOf cycle is left as it is.
    expect(breaks({ A: { allOf: [ref('B')] }, B: { allOf: [ref('A')] } })).toEqual([]);
  });

  it('reads a document without components or with a non-object schema', () => {
    expect(unionCycleBreaks({ openapi: '3.0.3', paths: {} }).size).toBe(0);
    expect(breaks({ Pet: parent([true, ref('Cat')]), Cat: child('Pet'), Odd: 'text' })).toEqual(['Cat/allOf/0 -> Pet']);
  });
});

describe('the types of union cycles', () => {
  it("type a child's part as the parent's own members, the parent's other members as they were", () => {
    // Cat's part naming Tag (whose union does not lead back to Cat) stays a reference.
    const Cat = { allOf: [ref('Pet'), ref('Tag'), { type: 'object', properties: { hunts: { type: 'boolean' } } }] };
    const Tag = { type: 'object', properties: { tag: { type: 'string' } }, oneOf: [{ type: 'object' }] };
    const types = openapiTypes(documentOf({ Pet: parent([ref('Cat')]), Cat, Tag, Drawing: child('Pet', 'layer') }), 'spec.yaml');
    expect(types).toMatch(/Cat: \{\s*name: string;\s*\} & components\["schemas"\]\["Tag"\] & \{\s*hunts\?: boolean;\s*\};/);
    expect(types).toMatch(/Drawing: components\["schemas"\]\["Pet"\] & \{\s*layer\?: boolean;\s*\};/);
    expect(types).toMatch(/Pet: \{\s*name: string;\s*\} & components\["schemas"\]\["Cat"\];/);
  });

  it("type only the allOf part: a reference to the parent beside it (additionalProperties) stays the parent's", () => {
    const Folder = { type: 'object', allOf: [ref('Node')], additionalProperties: ref('Node') };
    const types = openapiTypes(documentOf({ Node: parent([ref('Folder')]), Folder }), 'spec.yaml');
    expect(types).toMatch(/Folder: \{\s*\[key: string\]: components\["schemas"\]\["Node"\];\s*\} & \{\s*name: string;\s*\};/);
  });

  it("type a parent's own part without null, and as unknown when only a discriminator and a union were its own", () => {
    const nullable = { ...parent([ref('Cat')]), type: ['object', 'null'] };
    expect(openapiTypes(documentOf({ Pet: nullable, Cat: child('Pet', 'hunts') }), 'spec.yaml')).toMatch(/Cat: \{\s*name: string;\s*\} & \{\s*hunts\?: boolean;\s*\};/);
    const empty = { type: 'object', oneOf: [ref('Cat')], discriminator: { propertyName: 'kind' } };
    expect(openapiTypes(documentOf({ Pet: empty, Cat: child('Pet', 'hunts') }), 'spec.yaml')).toMatch(/Cat: Omit<unknown, "kind"> & \{\s*hunts\?: boolean;\s*\}/);
  });

  it('type a part whose parent has `%` in its name (openapi-typescript decodes a reference)', () => {
    const types = openapiTypes(documentOf({ 'Pet%41': parent([{ allOf: [ref('Pet%2541')] }], 'anyOf') }), 'spec.yaml');
    expect(types).toMatch(/"Pet%41": \{\s*name: string;\s*\} \| \{\s*name: string;\s*\};/);
    expect(types).not.toContain('x-openapi-morph-own-part');
  });

  it('end where parents name each other in their own allOf too: a part met again while its parent is typed stays a reference', () => {
    const both = (own: string, other: string) => ({ type: 'object', properties: { [own]: { type: 'string' } }, oneOf: [ref(other)], allOf: [ref(other)] });
    const types = openapiTypes(documentOf({ A: both('a', 'B'), B: both('b', 'A') }), 'spec.yaml');
    expect(types).toMatch(/B: \(\{\s*b\?: string;\s*\} & \(\{\s*a\?: string;\s*\} & components\["schemas"\]\["B"\]\)\) & components\["schemas"\]\["A"\];/);
  });
});

describe('examples of a child whose allOf part the types write without the union', () => {
  const example = (schemas: object, name: string) => {
    const model = buildModel(documentOf(schemas), { name: 'spec.yaml', sha256: '0'.repeat(64), openapi: '3.0.3' }, defaultNaming);
    return exampleValue({ kind: 'ref', name, typeName: name, nullable: false }, model);
  };

  it("take the parent's own members, not its union back to the child (before, the recursion ended in null)", () => {
    const schemas = { Vehicle: { ...parent([ref('Car'), ref('Bike')]), required: ['name', 'wheels'], properties: { name: { type: 'string' }, wheels: { type: 'integer' } } }, Car: child('Vehicle'), Bike: child('Vehicle') };
    expect(example(schemas, 'Car')).toEqual({ name: 'string', wheels: 1 });
    expect(example(schemas, 'Vehicle')).toEqual({ name: 'string', wheels: 1 });
  });

  it('follow a child that is only the allOf part, a parent named through an alias, and a member that is an array', () => {
    const barks = { type: 'object', required: ['barks'], properties: { barks: { type: 'boolean' } } };
    const schemas = { Pet: parent([ref('Dog'), ref('Cat')]), PetAlias: ref('Pet'), Cat: { allOf: [ref('Pet')] }, Dog: { allOf: [ref('PetAlias'), barks] } };
    // Before, Cat's followed Pet's oneOf into Dog (and gained its members), Dog's into itself until it ended in null.
    expect(example(schemas, 'Cat')).toEqual({ name: 'string' });
    expect(example(schemas, 'Dog')).toEqual({ name: 'string', barks: true });
    const listed = { Pet: parent([ref('Cat'), ref('Dogs')]), Dogs: { type: 'array', items: ref('Dog') }, Cat: barks, Dog: { allOf: [ref('Pet'), { type: 'object', required: ['wags'], properties: { wags: { type: 'boolean' } } }] } };
    expect(example(listed, 'Dog')).toEqual({ name: 'string', wags: true });
    // A member that is a tuple, as the types' cycle check reads prefixItems too.
    const paired = { ...listed, Dogs: { type: 'array', prefixItems: [ref('Dog')], items: false } };
    expect(example(paired, 'Dog')).toEqual({ name: 'string', wags: true });
  });

  it("take a property a required list names from a part's own members, through a reference to a schema with a union", () => {
    const schemas = { A: { type: 'object', properties: { a: { type: 'string' } }, oneOf: [ref('E')] }, E: { type: 'object', properties: { e: { type: 'string' } } }, D: { required: ['a'], allOf: [ref('A')] } };
    expect(example(schemas, 'D')).toEqual({ a: 'string' });
  });

  it('keep the union where the part closes no cycle, as the types do', () => {
    // Drawing's part is the whole Shape: own members and a member of its union (Square's required side).
    const schemas = { Shape: parent([ref('Square')]), Square: { type: 'object', required: ['side'], properties: { side: { type: 'number' } } }, Drawing: child('Shape') };
    expect(example(schemas, 'Drawing')).toEqual({ name: 'string', side: 1 });
  });

  it('apply only at the top level of the schema the part belongs to, not to a property that names the parent', () => {
    const schemas = { Node: parent([ref('Leaf'), ref('Branch')]), Leaf: { type: 'object', required: ['value'], properties: { value: { type: 'integer' } } }, Branch: { type: 'object', required: ['up'], properties: { up: { allOf: [ref('Node'), { type: 'object' }] } } } };
    expect(example(schemas, 'Branch')).toEqual({ up: { name: 'string', value: 1 } });
  });
});
