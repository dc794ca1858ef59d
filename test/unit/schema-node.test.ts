import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../generator/diagnostics/collector.ts';
import { toSchemaNode } from '../../generator/model/schema-node.ts';
import type { SchemaNode } from '../../generator/model/types.ts';
import { schemaType } from '../../generator/template-api/ts-helpers.ts';

const convert = (schema: unknown) => {
  const diagnostics = new DiagnosticCollector();
  const node = toSchemaNode(schema, '#/s', { typeNameOf: (name) => (name === 'Known' ? 'KnownType' : undefined), diagnostics, locate: (pointer) => ({ file: 't.yaml', pointer }) });
  return { node, diagnostics: diagnostics.list };
};

describe('schema -> model node -> TypeScript type', () => {
  it.each([
    { name: 'string', given: { type: 'string' }, type: 'string' },
    { name: 'string enum', given: { type: 'string', enum: ['a', 'b'] }, type: '"a" | "b"' },
    { name: 'const', given: { const: 'only' }, type: '"only"' },
    { name: 'integer enum', given: { type: 'integer', enum: [1, -2] }, type: '1 | -2' },
    { name: '3.1 nullable', given: { type: ['string', 'null'] }, type: 'string | null' },
    { name: 'nullable enum', given: { type: ['string', 'null'], enum: ['a', null] }, type: '"a" | null' },
    { name: 'type list', given: { type: ['string', 'integer'] }, type: 'string | number' },
    { name: 'array', given: { type: 'array', items: { type: 'string', enum: ['x', 'y'] } }, type: '("x" | "y")[]' },
    { name: 'items without type', given: { items: { type: 'boolean' } }, type: 'boolean[]' },
    // Tuples as openapi-typescript writes them: the prefixItems alone, whatever items says after them.
    { name: 'tuple', given: { type: 'array', prefixItems: [{ type: 'number' }, { type: ['string', 'null'] }], minItems: 2 }, type: '[number, string | null]' },
    { name: 'closed tuple', given: { type: 'array', prefixItems: [{ $ref: '#/components/schemas/Known' }], items: false }, type: '[KnownType]' },
    { name: 'tuple with later items', given: { type: 'array', prefixItems: [{ type: 'integer' }], items: { type: 'string' } }, type: '[number]' },
    { name: 'items: false alone', given: { type: 'array', items: false }, type: 'unknown[]' },
    { name: 'object', given: { type: 'object', required: ['a'], properties: { a: { type: 'string' }, 'b-c': { type: 'number' } } }, type: '{ a: string; "b-c"?: number; }' },
    { name: 'map', given: { type: 'object', additionalProperties: { type: 'integer' } }, type: '{ [key: string]: number; }' },
    { name: 'empty object', given: { type: 'object' }, type: 'Record<string, unknown>' },
    { name: 'closed empty object', given: { type: 'object', additionalProperties: false }, type: 'Record<string, never>' },
    { name: 'ref', given: { $ref: '#/components/schemas/Known' }, type: 'KnownType' },
    { name: 'oneOf integer | "inf"', given: { oneOf: [{ type: 'integer' }, { type: 'string', enum: ['inf'] }] }, type: 'number | "inf"' },
    { name: 'anyOf string | enum', given: { anyOf: [{ type: 'string' }, { type: 'string', enum: ['a'] }] }, type: '(string & {}) | "a"' },
    // The same rule as openapi-typescript's schema.ts (openEnumValues): a constrained string is not "any string".
    { name: 'anyOf pattern string | enum', given: { anyOf: [{ type: 'string', pattern: '^x' }, { type: 'string', enum: ['a'] }] }, type: 'string | "a"' },
    { name: 'allOf', given: { allOf: [{ $ref: '#/components/schemas/Known' }, { type: 'object', properties: { x: { type: 'string' } } }] }, type: 'KnownType & { x?: string; }' },
    { name: 'mixed enum', given: { enum: ['a', 1, true] }, type: '"a" | 1 | true' },
    { name: 'boolean schema true', given: true, type: 'unknown' },
    { name: 'no type', given: { description: 'anything' }, type: 'unknown' },
    { name: '__proto__ property stays a key', given: JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}'), type: '{ "__proto__"?: string; }' },
  ])('$name', ({ given, type }) => {
    const { node, diagnostics } = convert(given);
    expect(diagnostics).toStrictEqual([]);
    expect(schemaType(node)).toBe(type);
  });

  it('keeps meta: description, default (even null), examples, format, constraints, deprecated', () => {
    const { node } = convert({ type: 'integer', description: 'd', default: null, example: 3, format: 'int32', minimum: 1, deprecated: true });
    expect(node).toStrictEqual({
      kind: 'integer',
      nullable: false,
      description: 'd',
      default: { value: null },
      examples: [3],
      format: 'int32',
      constraints: { minimum: 1 },
      deprecated: true,
    } satisfies SchemaNode);
  });

  it('reports unknown types and refs to non-schemas at their pointer', () => {
    expect(convert({ type: 'objct' }).diagnostics.map((d) => `${d.code} ${d.location?.pointer}`)).toStrictEqual(['OM206 #/s/type']);
    expect(convert({ $ref: '#/components/schemas/Unknown' }).diagnostics.map((d) => `${d.code} ${d.location?.pointer}`)).toStrictEqual(['OM209 #/s/$ref']);
  });
});
