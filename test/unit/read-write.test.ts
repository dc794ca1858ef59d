/**
 * openapi-typescript's read/write markers (template-api/read-write.ts, types/read-write-markers.ts):
 * which properties it marks, which documents turn the markers on, which schemas reach a marked
 * property, and what a method and an example make of one.
 */
import { describe, expect, it } from 'vitest';
import type { ApiModel, OperationModel, SchemaModel, SchemaNode } from '../../generator/model/types.ts';
import { buildModel } from '../../generator/model/build.ts';
import { defaultNaming } from '../../generator/naming/resolver.ts';
import { exampleCode, exampleValue } from '../../generator/template-api/example.ts';
import { reachesReadWriteMarker, readWriteMarker } from '../../generator/template-api/read-write.ts';
import { methodSignature } from '../../generator/template-api/signature.ts';
import { openapiTypes } from '../../generator/types/openapi-types.ts';
import { hasReadWriteMarkers, markReadWrite } from '../../generator/openapi/read-write-markers.ts';

const string = (meta: { readOnly?: boolean; writeOnly?: boolean } = {}): SchemaNode => ({ kind: 'string', nullable: false, ...meta });
const ref = (name: string, meta: { readOnly?: boolean; writeOnly?: boolean } = {}): SchemaNode => ({ kind: 'ref', name, typeName: name, nullable: false, ...meta });
const object = (properties: Record<string, SchemaNode>, required: readonly string[] = Object.keys(properties)): SchemaNode => ({
  kind: 'object',
  nullable: false,
  additionalProperties: false,
  properties: Object.entries(properties).map(([name, schema]) => ({ name, required: required.includes(name), schema })),
});
const named = (schemas: Record<string, SchemaNode>): SchemaModel[] => Object.entries(schemas).map(([name, schema]) => ({ name, typeName: name, pointer: `#/components/schemas/${name}`, schema }));

describe('readWriteMarker: how openapi-typescript wraps a property', () => {
  it.each([
    ['readOnly', string({ readOnly: true }), 'read'],
    ['writeOnly', string({ writeOnly: true }), 'write'],
    ['both (no marker)', string({ readOnly: true, writeOnly: true }), undefined],
    ['neither', string(), undefined],
    ['a $ref with readOnly beside it', ref('Id', { readOnly: true }), 'read'],
    ['a $ref to a readOnly schema (the property itself is not marked)', ref('Id'), undefined],
  ])('%s', (_, node, marker) => {
    expect(readWriteMarker(node)).toBe(marker);
  });
});

describe('markReadWrite: a document that has a marked property', () => {
  it.each([
    ['a readOnly property', { components: { schemas: { Pet: { properties: { id: { readOnly: true } } } } } }, true],
    ['a writeOnly property deep in a path', { paths: { '/a': { post: { requestBody: { content: { 'application/json': { schema: { items: { properties: { p: { writeOnly: true } } } } } } } } } } }, true],
    ['a property in an allOf part', { components: { schemas: { A: { allOf: [{ properties: { id: { readOnly: true } } }] } } } }, true],
    ['both on one property', { components: { schemas: { Pet: { properties: { id: { readOnly: true, writeOnly: true } } } } } }, false],
    ['readOnly on a schema that is no property', { components: { schemas: { Id: { type: 'string', readOnly: true } } } }, false],
    ['readOnly false', { components: { schemas: { Pet: { properties: { id: { readOnly: false } } } } } }, false],
    ['nothing marked', { components: { schemas: { Pet: { properties: { id: { type: 'string' } } } } } }, false],
    ['a one-part allOf whose part is marked (the model reads it as the part)', { components: { schemas: { Pet: { properties: { id: { allOf: [{ $ref: '#/components/schemas/Id', readOnly: true }] } } } } } }, true],
    ['the same with a shape of its own (an intersection: not the part)', { components: { schemas: { Pet: { properties: { id: { type: 'object', allOf: [{ $ref: '#/components/schemas/Id', readOnly: true }] } } } } } }, false],
    ['a two-part allOf', { components: { schemas: { Pet: { properties: { id: { allOf: [{ readOnly: true }, { description: 'd' }] } } } } } }, false],
  ])('%s', (_, document, expected) => {
    expect(hasReadWriteMarkers(document)).toBe(expected);
    expect(markReadWrite(document)).toBe(expected);
  });

  it("copies the part's flag onto the property, where openapi-typescript reads it", () => {
    const id = { allOf: [{ allOf: [{ $ref: '#/components/schemas/Id', writeOnly: true }] }] };
    const document = { components: { schemas: { Pet: { properties: { id } } } } };
    expect(hasReadWriteMarkers(document)).toBe(true);
    expect(id).toStrictEqual({ allOf: [{ allOf: [{ $ref: '#/components/schemas/Id', writeOnly: true }] }] });
    markReadWrite(document);
    expect(id).toStrictEqual({ allOf: [{ allOf: [{ $ref: '#/components/schemas/Id', writeOnly: true }] }], writeOnly: true });
  });
});

describe('the types stage', () => {
  const member = (extra: object) => ({ type: 'object', required: ['kind'], properties: { kind: { type: 'string', readOnly: true }, ...extra } });
  const document = (schemas: object) => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { schemas } });

  it('marks a property, and declares the views, when a property is marked', () => {
    const types = openapiTypes(document({ Pet: { type: 'object', properties: { id: { type: 'integer', readOnly: true }, secret: { type: 'string', writeOnly: true } } } }), 'spec.yaml');
    expect(types).toMatch(/id\?: \$Read<number>;/);
    expect(types).toMatch(/secret\?: \$Write<string>;/);
    expect(types).toMatch(/export type Writable<T>/);
    // Its views keep a Blob and a tuple (read-write-views.ts).
    expect(types.replace(/\s+/g, ' ')).toContain('T extends Blob ? T : T extends readonly unknown[] ? { [K in keyof T]: Readable<T[K]>; }');
    expect(types.replace(/\s+/g, ' ')).toContain('T extends Blob ? T : T extends readonly unknown[] ? { [K in keyof T]: Writable<T[K]>; }');
  });

  it('declares the views when the only marked properties are discriminators openapi-typescript writes afresh (the model still sees them marked)', () => {
    const types = openapiTypes(document({ Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } } }, Cat: member({}) }), 'spec.yaml');
    expect(types).toMatch(/export type Readable<T>/);
    expect(types).not.toMatch(/\$Read<string>/);
  });

  it('leaves the types as they were without a marked property', () => {
    expect(openapiTypes(document({ Pet: { type: 'object', properties: { id: { type: 'integer' } } } }), 'spec.yaml')).not.toMatch(/Readable|\$Read/);
  });
});

describe("the views' names", () => {
  const typeNames = (id: object) =>
    buildModel({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { Readable: { type: 'object', properties: { id } }, writable: { type: 'string' } } } }, { name: 's', sha256: '0', openapi: '3.1.0' }, defaultNaming).schemas.map((s) => s.typeName);
  it('are taken when the types are marked: a schema so named gets a suffix', () => {
    expect(typeNames({ type: 'string', readOnly: true })).toStrictEqual(['Readable2', 'Writable2']);
  });
  it('are left to the schemas without markers, which keep their names', () => {
    expect(typeNames({ type: 'string' })).toStrictEqual(['Readable', 'Writable']);
  });
});

describe('reachesReadWriteMarker', () => {
  const schemas = named({
    Pet: object({ id: string({ readOnly: true }), name: string() }),
    Owner: object({ pets: { kind: 'array', nullable: false, items: ref('Pet') } }),
    Plain: object({ name: string() }),
    // A cycle that reaches nothing.
    Loop: object({ next: ref('Loop') }, []),
  });
  it.each([
    ['a schema holding one', ref('Pet'), true],
    ['through an array of references', ref('Owner'), true],
    ['through a tuple\'s item', { kind: 'array', nullable: false, items: { kind: 'unknown', nullable: false }, prefixItems: [string(), ref('Pet')], closed: true } as SchemaNode, true],
    ['a tuple of plain items', { kind: 'array', nullable: false, items: { kind: 'unknown', nullable: false }, prefixItems: [ref('Plain')] } as SchemaNode, false],
    ['inline, writeOnly', object({ secret: string({ writeOnly: true }) }), true],
    ['a schema without one', ref('Plain'), false],
    ['a cycle without one', ref('Loop'), false],
    ['both flags on the property', object({ odd: string({ readOnly: true, writeOnly: true }) }), false],
  ])('%s', (_, node, expected) => {
    expect(reachesReadWriteMarker(node, schemas)).toBe(expected);
  });
});

describe('methods and examples of marked schemas', () => {
  const schemas = named({ Pet: object({ id: string({ readOnly: true }), name: string(), password: string({ writeOnly: true }) }) });
  const model = { schemas } as unknown as ApiModel;
  const operation = (body: SchemaNode, result: SchemaNode, mediaType = 'application/json'): OperationModel => ({
    operationId: 'op',
    methodName: 'op',
    method: 'post',
    path: '/pets',
    pointer: '#/paths/~1pets/post',
    deprecated: false,
    tags: [],
    parameters: { path: [], query: [], header: [], cookie: [] },
    requestBody: { required: true, content: [{ mediaType, schema: body }] },
    responses: [{ status: '201', content: [{ mediaType: 'application/json', schema: result }], headers: [] }, { status: '409', content: [{ mediaType: 'application/json', schema: result }], headers: [] }],
    security: [],
  });
  const inline = object({ id: string({ readOnly: true }), note: string() });

  it("a marked body is its Writable view, as openapi-fetch's request type takes it: the component's when named, else its paths type", () => {
    const named = methodSignature(operation(ref('Pet'), ref('Pet')), schemas);
    expect(named.parameterList).toBe('body: Writable<components["schemas"]["Pet"]>, options?: RequestOptions');
    expect(named.referencedTypes.map((s) => `${s.name} ${s.module}`)).toStrictEqual(['Pet src/models.ts', 'RequestOptions src/runtime/options.ts', 'Writable src/schema.ts', 'components src/schema.ts']);
    expect(methodSignature(operation(inline, ref('Pet')), schemas).parameters[0]!.type).toBe('Writable<NonNullable<paths["/pets"]["post"]["requestBody"]>["content"]["application/json"]>');
    // A nullable reference: through `paths`, which holds its null.
    expect(methodSignature(operation({ ...ref('Pet'), nullable: true }, ref('Pet')), schemas).parameters[0]!.type).toBe('Writable<NonNullable<paths["/pets"]["post"]["requestBody"]>["content"]["application/json"]>');
    // Under a key openapi-fetch does not type, the same view of `paths`.
    const keyless = methodSignature(operation(inline, ref('Pet'), '*'), schemas);
    expect(keyless.parameters[0]!.type).toBe('Writable<NonNullable<paths["/pets"]["post"]["requestBody"]>["content"]["*"]>');
    expect(keyless.referencedTypes.map((s) => `${s.name} ${s.module}`)).toContain('Writable src/schema.ts');
    // Unmarked: the model type, as before.
    expect(methodSignature(operation(ref('Pet'), ref('Pet')), []).parameters[0]!.type).toBe('Pet');
  });

  it('a marked inline result or error body is its Readable view; a named one is its model type (the models template makes that the view)', () => {
    const signature = methodSignature(operation(ref('Pet'), inline), schemas);
    expect(signature.returnType).toBe('Readable<paths["/pets"]["post"]["responses"]["201"]["content"]["application/json"]>');
    expect(signature.errors[0]!.type).toBe('Readable<paths["/pets"]["post"]["responses"]["409"]["content"]["application/json"]>');
    expect(signature.referencedTypes.map((s) => `${s.name} ${s.module}`)).toContain('Readable src/schema.ts');
    expect(methodSignature(operation(ref('Pet'), ref('Pet')), schemas).returnType).toBe('Pet');
    expect(methodSignature(operation(ref('Pet'), object({ note: string() })), schemas).returnType).toBe('paths["/pets"]["post"]["responses"]["201"]["content"]["application/json"]');
  });

  it("a parameter reaching a marker is its Writable view of `paths` (path argument and params group); one without is as before", () => {
    const version = (name: string, location: 'path' | 'query', schema: SchemaNode) => ({ name, in: location, required: location === 'path', deprecated: false, schema, style: 'form' as const, explode: true, allowReserved: false });
    const op: OperationModel = {
      ...operation(ref('Pet'), ref('Pet')),
      path: '/pets/{v}',
      requestBody: undefined,
      parameters: { path: [version('v', 'path', ref('Pet'))], query: [version('like', 'query', ref('Pet'))], header: [version('x-plain', 'query', string())].map((p) => ({ ...p, in: 'header' as const })), cookie: [] },
    };
    expect(methodSignature(op, schemas).parameterList).toBe(
      'v: Writable<NonNullable<paths["/pets/{v}"]["post"]["parameters"]["path"]>["v"]>, params?: { query?: Writable<NonNullable<paths["/pets/{v}"]["post"]["parameters"]["query"]>>; header?: NonNullable<paths["/pets/{v}"]["post"]["parameters"]["header"]> }, options?: RequestOptions',
    );
    expect(methodSignature(op, []).parameterList).toBe('v: Pet, params?: { query?: NonNullable<paths["/pets/{v}"]["post"]["parameters"]["query"]>; header?: NonNullable<paths["/pets/{v}"]["post"]["parameters"]["header"]> }, options?: RequestOptions');
  });

  it('an argument example leaves readOnly properties out, a value example keeps them', () => {
    expect(exampleCode(ref('Pet'), model)).toBe('{ name: "string", password: "string" }');
    expect(exampleValue(ref('Pet'), model)).toStrictEqual({ id: 'string', name: 'string', password: 'string' });
    // Through a required list beside an allOf that names the readOnly property.
    const overlay: SchemaNode = { kind: 'intersection', nullable: false, parts: [ref('Pet'), object({ id: { kind: 'unknown', nullable: false } })] };
    expect(exampleCode(overlay, model)).toBe('{ name: "string", password: "string" }');
    expect(exampleValue(overlay, model)).toStrictEqual({ id: 'string', name: 'string', password: 'string' });
  });
});
