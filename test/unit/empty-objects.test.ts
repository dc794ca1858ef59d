/**
 * Objects without members in the types stage (types/openapi-types.ts, model/memberless-object.ts):
 * a free-form object is any object, a closed one none, a `required` list alone requires its
 * properties. openapi-typescript's default, `Record<string, never>` for all of them, made a
 * free-form property (OpenAI's `parameters: { type: object }`, "JSON Schema describing the
 * function's arguments") take no object with a property at all.
 */
import { describe, expect, it } from 'vitest';
import { openapiTypes } from '../../generator/types/openapi-types.ts';

/** The type openapi-typescript's stage gives property `p` of a component holding `schema`. */
function typeOf(schema: object, openapi = '3.0.3'): string {
  const document = { openapi, info: { title: 't', version: '1' }, paths: {}, components: { schemas: { Holder: { type: 'object', properties: { p: schema } }, Address: { type: 'object', properties: { street: { type: 'string' } } } } } };
  const types = openapiTypes(document, 'spec.yaml').replace(/\s+/g, ' ');
  const found = /Holder: \{ (?:\/\*\* [^*]* \*\/ )?p\?: (.*); \}; Address:/.exec(types);
  if (!found) throw new Error(`no property p in:\n${types}`);
  return found[1]!;
}

describe('objects without members', () => {
  const cases: { name: string; schema: object; openapi?: string; type: string }[] = [
    { name: 'a free-form object is any object', schema: { type: 'object', format: 'json-schema' }, type: 'Record<string, unknown>' },
    { name: 'an empty properties list is no member', schema: { type: 'object', properties: {} }, type: 'Record<string, unknown>' },
    { name: 'nullable (3.0)', schema: { type: 'object', nullable: true }, type: 'Record<string, unknown> | null' },
    { name: 'nullable (3.1)', schema: { type: ['object', 'null'] }, openapi: '3.1.0', type: 'Record<string, unknown> | null' },
    { name: 'closed: no property at all', schema: { type: 'object', additionalProperties: false }, type: 'Record<string, never>' },
    { name: 'closed with an empty properties list', schema: { type: 'object', properties: {}, additionalProperties: false }, type: 'Record<string, never>' },
    { name: 'closed and nullable (3.0)', schema: { type: 'object', additionalProperties: false, nullable: true }, type: 'Record<string, never> | null' },
    { name: 'closed and nullable (3.1)', schema: { type: ['object', 'null'], additionalProperties: false }, openapi: '3.1.0', type: 'Record<string, never> | null' },
    { name: 'a required list alone requires its properties', schema: { type: 'object', required: ['a'] }, type: '{ "a": unknown; }' },
    { name: 'a required list beside an empty properties list', schema: { type: 'object', properties: {}, required: ['a'] }, type: '{ "a": unknown; }' },
    { name: 'an allOf part without members adds nothing', schema: { allOf: [{ $ref: '#/components/schemas/Address' }, { type: 'object', description: 'more' }] }, type: 'components["schemas"]["Address"] & Record<string, unknown>' },
    { name: 'a closed object with an allOf is its parts (not closed to none)', schema: { type: 'object', additionalProperties: false, allOf: [{ $ref: '#/components/schemas/Address' }] }, type: 'components["schemas"]["Address"]' },
    { name: 'closed with properties: those', schema: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false }, type: '{ a?: string; }' },
    { name: 'a required list beside properties: openapi-typescript\'s', schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, type: '{ a: string; }' },
    { name: 'open additionalProperties: an index signature', schema: { type: 'object', additionalProperties: true }, type: '{ [key: string]: unknown; }' },
  ];
  for (const { name, schema, openapi, type } of cases) {
    it(name, () => expect(typeOf(schema, openapi)).toBe(type));
  }
});
