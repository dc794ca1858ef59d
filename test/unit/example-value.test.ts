/**
 * A node's example value (template-api/example.ts) follows `$ref`s to the model's named schemas:
 * looked up by name in a map made once for the model's list, not by a search of the list for each
 * reference (OpenAI's `--all` spent 0.24 s of its main thread so).
 */
import { describe, expect, it } from 'vitest';
import { exampleValue } from '../../generator/template-api/example.ts';
import type { ApiModel, SchemaModel, SchemaNode } from '../../generator/model/types.ts';
import { buildModel } from '../../generator/model/build.ts';
import { defaultNaming } from '../../generator/naming/resolver.ts';

const named = (name: string, schema: SchemaNode): SchemaModel => ({ name, typeName: name, pointer: `#/components/schemas/${name}`, schema });
const ref = (name: string): SchemaNode => ({ kind: 'ref', name, typeName: name, nullable: false }) as SchemaNode;
const oneOf = (value: string): SchemaNode => ({ kind: 'string', enum: [value], nullable: false }) as SchemaNode;

describe('exampleValue', () => {
  it("reads the model's schema list once, however many references an example follows", () => {
    const schemas = Array.from({ length: 300 }, (_, i) => named(`S${i}`, oneOf(`v${i}`)));
    let reads = 0;
    const counted = new Proxy(schemas, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const model = { schemas: counted } as unknown as ApiModel;
    // Each reference to a schema near the end of the list: a search would read about 300 entries for each.
    const node = { kind: 'object', properties: Array.from({ length: 100 }, (_, i) => ({ name: `p${i}`, required: true, schema: ref(`S${299 - i}`) })) } as unknown as SchemaNode;
    const value = exampleValue(node, model) as Record<string, string>;
    expect(value['p0']).toBe('v299');
    expect(value['p99']).toBe('v200');
    expect(reads).toBeLessThanOrEqual(schemas.length);
    // A reference to a name the model does not have gives null, as before.
    expect(exampleValue(ref('Missing'), model)).toBeNull();
    expect(reads).toBeLessThanOrEqual(schemas.length);
  });

  it('takes the first schema of a name, as a search of the list did', () => {
    const model = { schemas: [named('A', oneOf('first')), named('A', oneOf('second'))] } as unknown as ApiModel;
    expect(exampleValue(ref('A'), model)).toBe('first');
  });
});

describe('exampleValue of an allOf with a required list beside it', () => {
  it("takes a value from a part's own definitions, through references and intersections, never from another required list's placeholder", () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {},
      components: {
        schemas: {
          // B's first part only requires `a` (a required list as a type: object part); C defines it.
          D: { required: ['a'], allOf: [{ $ref: '#/components/schemas/B' }] },
          B: { allOf: [{ type: 'object', required: ['a'] }, { $ref: '#/components/schemas/C' }] },
          C: { type: 'object', properties: { a: { type: 'string' } } },
        },
      },
    };
    const model = buildModel(document, { name: 'spec.yaml', sha256: '0'.repeat(64), openapi: '3.0.3' }, defaultNaming);
    expect(exampleValue({ kind: 'ref', name: 'D', typeName: 'D', nullable: false }, model)).toEqual({ a: 'string' });
  });

  it('keeps a named part whose required properties are untyped and defined by no other part (the types require them: `{ id: unknown }`)', () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {},
      components: { schemas: { M: { type: 'object', required: ['id'], properties: { id: {} } }, A: { type: 'object', properties: { a: { type: 'string' } } }, W: { allOf: [{ $ref: '#/components/schemas/M' }, { $ref: '#/components/schemas/A' }] } } },
    };
    const model = buildModel(document, { name: 'spec.yaml', sha256: '0'.repeat(64), openapi: '3.0.3' }, defaultNaming);
    expect(exampleValue({ kind: 'ref', name: 'W', typeName: 'W', nullable: false }, model)).toEqual({ id: {} });
  });

  it("takes a required property's value from the schema's own properties, not the required list's placeholder (Azure's TrackedResource)", () => {
    // A tracked resource: allOf [core properties], its own `location` beside it, and `required: [location]`.
    const tracked = { allOf: [{ properties: { id: { type: 'string', readOnly: true } } }], properties: { location: { type: 'string' }, tags: { type: 'object' } }, required: ['location'] };
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {},
      components: { schemas: { Policy: { allOf: [tracked], properties: { sku: { type: 'object', properties: { name: { type: 'string' } } } }, required: ['sku'] } } },
    };
    const model = buildModel(document, { name: 'spec.yaml', sha256: '0'.repeat(64), openapi: '3.0.0' }, defaultNaming);
    // Before, `location` was `{}` (the placeholder overrode the string), which its type refuses.
    expect(exampleValue(model.schemas[0]!.schema, model)).toStrictEqual({ location: 'string', sku: {} });
  });
});

describe('exampleValue of a tuple (prefixItems)', () => {
  it('an item for each position, whatever items says after them; an array of items otherwise', () => {
    const model = { schemas: [named('Point', { kind: 'object', properties: [{ name: 'lat', required: true, schema: { kind: 'number', nullable: false } }], additionalProperties: true, nullable: false } as SchemaNode)] } as unknown as ApiModel;
    const tuple = (items: SchemaNode, closed?: true): SchemaNode => ({ kind: 'array', items, prefixItems: [ref('Point'), oneOf('north')], ...(closed ? { closed } : {}), nullable: false }) as SchemaNode;
    expect(exampleValue(tuple({ kind: 'unknown', nullable: false }, true), model)).toStrictEqual([{ lat: 1 }, 'north']);
    expect(exampleValue(tuple({ kind: 'boolean', nullable: false } as SchemaNode), model)).toStrictEqual([{ lat: 1 }, 'north']);
    // `items: false` alone admits only the empty array (a review found `[{}]`, which validation refuses).
    expect(exampleValue({ kind: 'array', items: { kind: 'unknown', nullable: false }, closed: true, nullable: false } as SchemaNode, model)).toStrictEqual([]);
    // Before, a tuple's example was one item of `items` (`[{}]` for none), which the types refuse.
    expect(exampleValue({ kind: 'array', items: { kind: 'boolean', nullable: false }, nullable: false } as SchemaNode, model)).toStrictEqual([true]);
  });
});

describe("a parameter's own examples", () => {
  it('are what its example value is when one fits the schema, before the schema\'s own', () => {
    const param = (given: Record<string, unknown>, schema: Record<string, unknown> = { type: 'string' }) => ({ name: 'p', in: 'query', schema, ...given });
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/x/{user}': {
          get: {
            parameters: [
              { ...param({ example: 'octocat' }), name: 'user', in: 'path', required: true },
              { ...param({ examples: { a: { summary: 'none' }, b: { value: 'not a number' }, c: { value: 25 } } }, { type: 'integer', examples: [7] }), name: 'limit' },
              { ...param({ example: 3 }, { type: 'string', example: 'schema' }), name: 'kind' },
              { ...param({}, { type: 'string', example: 'schema' }), name: 'plain' },
              { ...param({ examples: { shared: { $ref: '#/components/examples/Shared' } } }), name: 'shared' },
            ],
            responses: { '204': { description: 'ok' } },
          },
        },
      },
      components: { examples: { Shared: { value: 'from components' } } },
    };
    const model = buildModel(document, { name: 's', sha256: '0', openapi: '3.1.0' }, defaultNaming);
    const { path, query } = model.tags[0]!.operations[0]!.parameters;
    const value = (p: { schema: SchemaNode } | undefined) => exampleValue(p!.schema, model);
    expect(value(path[0])).toBe('octocat');
    // An example without a value, and one that does not fit, are passed over.
    expect(value(query.find((p) => p.name === 'limit'))).toBe(25);
    // A parameter's example that does not fit leaves the schema's.
    expect(value(query.find((p) => p.name === 'kind'))).toBe('schema');
    expect(value(query.find((p) => p.name === 'plain'))).toBe('schema');
    // An example that is a reference to components/examples.
    expect(value(query.find((p) => p.name === 'shared'))).toBe('from components');
  });
});
