/**
 * The response validator, tested where it lives (templates/runtime/files/validator.ts): each
 * keyword of the schema subset, table-driven, with the exact issue it reports (path and wording),
 * and how a status finds its schema. validation.test.ts covers the generated `/validation` entry
 * point and the client option against a real server.
 */
import { describe, expect, it } from 'vitest';
import { createValidator, type Schema, type ValidationData } from '../../templates/runtime/files/validator.ts';

/** The issues for `body` against `schema` (as operation `op`'s 200 response), with `components`. */
function issues(schema: Schema, body: unknown, components: ValidationData['components'] = []): readonly string[] {
  return createValidator({ components, responses: [['op', [['200', schema]]]] })('op', 200, body);
}

describe('each keyword', () => {
  const cases: { name: string; schema: Schema; body: unknown; want: string[] }[] = [
    { name: 'string: a string passes', schema: { type: 'string' }, body: 'x', want: [] },
    { name: 'string: a number fails', schema: { type: 'string' }, body: 1, want: ['/: expected string, got number'] },
    { name: 'boolean: false passes', schema: { type: 'boolean' }, body: false, want: [] },
    { name: 'boolean: a string fails', schema: { type: 'boolean' }, body: 'true', want: ['/: expected boolean, got string'] },
    { name: 'integer: 3 passes', schema: { type: 'integer' }, body: 3, want: [] },
    { name: 'integer: 1.5 fails', schema: { type: 'integer' }, body: 1.5, want: ['/: expected integer, got number'] },
    { name: 'integer: a numeric string fails', schema: { type: 'integer' }, body: '3', want: ['/: expected integer, got string'] },
    { name: 'number: 1.5 passes', schema: { type: 'number' }, body: 1.5, want: [] },
    { name: 'number: Infinity fails', schema: { type: 'number' }, body: Number.POSITIVE_INFINITY, want: ['/: expected number, got number'] },
    { name: 'number: a string fails', schema: { type: 'number' }, body: '1', want: ['/: expected number, got string'] },
    { name: 'array: [] passes', schema: { type: 'array' }, body: [], want: [] },
    { name: 'array: an object fails', schema: { type: 'array' }, body: {}, want: ['/: expected array, got object'] },
    { name: 'object: {} passes', schema: { type: 'object' }, body: {}, want: [] },
    { name: 'object: an array fails', schema: { type: 'object' }, body: [], want: ['/: expected object, got array'] },
    { name: 'object: a string fails', schema: { type: 'object' }, body: 'ab', want: ['/: expected object, got string'] },
    { name: 'object: null fails', schema: { type: 'object' }, body: null, want: ['/: expected object, got null'] },
    { name: 'null: null passes', schema: { type: 'null' }, body: null, want: [] },
    { name: 'null: 0 fails', schema: { type: 'null' }, body: 0, want: ['/: expected null, got number'] },
    { name: 'nullable: null passes whatever the type', schema: { type: 'string', nullable: true }, body: null, want: [] },
    { name: 'nullable: other values are still checked', schema: { type: 'string', nullable: true }, body: 1, want: ['/: expected string, got number'] },
    { name: 'not nullable: null fails', schema: { type: 'string', nullable: false }, body: null, want: ['/: expected string, got null'] },
    { name: 'no type: anything passes', schema: {}, body: [1, { a: null }], want: [] },
    { name: 'enum: a member passes', schema: { enum: ['a', 'b'] }, body: 'b', want: [] },
    { name: 'enum: another value fails', schema: { enum: ['a', 'b'] }, body: 'c', want: ['/: expected one of ["a","b"]'] },
    { name: 'enum: an object member compares by value', schema: { enum: [{ a: [1] }] }, body: { a: [1] }, want: [] },
    { name: 'enum: an object that differs fails', schema: { enum: [{ a: [1] }] }, body: { a: [2] }, want: ['/: expected one of [{"a":[1]}]'] },
    { name: 'enum: null does not equal an object member', schema: { enum: [{}] }, body: null, want: ['/: expected one of [{}]'] },
    { name: 'enum: an object does not equal a null member', schema: { enum: [null] }, body: {}, want: ['/: expected one of [null]'] },
    { name: 'enum: a long list is cut at 200 characters', schema: { enum: Array.from({ length: 60 }, (_, i) => `v${i}`) }, body: 'x', want: [`/: expected one of ${JSON.stringify(Array.from({ length: 60 }, (_, i) => `v${i}`)).slice(0, 200)}`] },
    { name: 'const: the value passes', schema: { const: 0 }, body: 0, want: [] },
    { name: 'const: another value fails', schema: { const: 0 }, body: false, want: ['/: expected 0'] },
    { name: 'const: null is a value to match', schema: { const: null }, body: 0, want: ['/: expected null'] },
    { name: 'no const: nothing to match', schema: { type: 'number' }, body: 7, want: [] },
    { name: 'minimum: equal passes', schema: { minimum: 2 }, body: 2, want: [] },
    { name: 'minimum: below fails', schema: { minimum: 2 }, body: 1, want: ['/: expected >= 2'] },
    { name: 'maximum: equal passes', schema: { maximum: 2 }, body: 2, want: [] },
    { name: 'maximum: above fails', schema: { maximum: 2 }, body: 3, want: ['/: expected <= 2'] },
    { name: 'exclusiveMinimum: above passes', schema: { exclusiveMinimum: 2 }, body: 2.5, want: [] },
    { name: 'exclusiveMinimum: equal fails', schema: { exclusiveMinimum: 2 }, body: 2, want: ['/: expected > 2'] },
    { name: 'exclusiveMaximum: below passes', schema: { exclusiveMaximum: 2 }, body: 1.5, want: [] },
    { name: 'exclusiveMaximum: equal fails', schema: { exclusiveMaximum: 2 }, body: 2, want: ['/: expected < 2'] },
    { name: 'a bound of 0 is a bound', schema: { minimum: 0, maximum: 0 }, body: -1, want: ['/: expected >= 0'] },
    { name: 'number bounds ignore strings, numeric ones too', schema: { minimum: 5, exclusiveMaximum: 0 }, body: '3', want: [] },
    { name: 'minLength: equal passes', schema: { minLength: 2 }, body: 'ab', want: [] },
    { name: 'minLength: shorter fails', schema: { minLength: 2 }, body: 'a', want: ['/: expected at least 2 characters'] },
    { name: 'maxLength: equal passes', schema: { maxLength: 2 }, body: 'ab', want: [] },
    { name: 'maxLength: longer fails', schema: { maxLength: 2 }, body: 'abc', want: ['/: expected at most 2 characters'] },
    { name: 'a length of 0 is a bound', schema: { maxLength: 0 }, body: 'a', want: ['/: expected at most 0 characters'] },
    { name: 'string lengths ignore arrays', schema: { minLength: 5 }, body: [1], want: [] },
    { name: 'minItems: equal passes', schema: { minItems: 1 }, body: [1], want: [] },
    { name: 'minItems: fewer fails', schema: { minItems: 1 }, body: [], want: ['/: expected at least 1 items'] },
    { name: 'maxItems: equal passes', schema: { maxItems: 1 }, body: [1], want: [] },
    { name: 'maxItems: more fails', schema: { maxItems: 1 }, body: [1, 2], want: ['/: expected at most 1 items'] },
    { name: 'item counts ignore strings', schema: { minItems: 5 }, body: 'ab', want: [] },
    { name: 'items: each item at its index', schema: { items: { type: 'string' } }, body: ['a', 2, 'c', null], want: ['/1: expected string, got number', '/3: expected string, got null'] },
    { name: 'prefixItems: the item at each position, items after them', schema: { prefixItems: [{ type: 'integer' }, { type: 'null' }], items: { type: 'string' } }, body: ['a', null, 'b', 3], want: ['/0: expected integer, got string', '/3: expected string, got number'] },
    { name: 'prefixItems without items: any item after them', schema: { prefixItems: [{ type: 'integer' }] }, body: [1, 'a', {}], want: [] },
    { name: 'prefixItems longer than the array: the items there', schema: { prefixItems: [{ type: 'integer' }, { type: 'string' }] }, body: [1], want: [] },
    { name: 'items: false after prefixItems: no item after them', schema: { prefixItems: [{ type: 'integer' }], items: false }, body: [1, 'a', 'b'], want: ['/: expected at most 1 items'] },
    { name: 'items: false without prefixItems: an empty array', schema: { items: false }, body: [], want: [] },
    { name: 'items: false without prefixItems: no item at all', schema: { items: false }, body: [1], want: ['/: expected at most 0 items'] },
    { name: 'required: present passes, also when undefined', schema: { required: ['a'] }, body: { a: undefined }, want: [] },
    { name: 'required: missing fails', schema: { required: ['a', 'b'] }, body: { b: 1 }, want: ['/a: required property is missing'] },
    { name: 'required: inherited members do not count', schema: { required: ['toString'] }, body: {}, want: ['/toString: required property is missing'] },
    { name: 'properties: each at its name', schema: { properties: [['a', { type: 'string' }], ['b', { type: 'integer' }]] }, body: { a: 1, b: 'x', c: true }, want: ['/a: expected string, got number', '/b: expected integer, got string'] },
    { name: 'names are pointer-escaped', schema: { properties: [['a/b~c', { type: 'string' }]], required: ['x/y'] }, body: { 'a/b~c': 1 }, want: ['/x~1y: required property is missing', '/a~1b~0c: expected string, got number'] },
    { name: 'additionalProperties: false refuses unknown names', schema: { properties: [['a', {}]], additionalProperties: false }, body: { a: 1, b: 2 }, want: ['/b: property is not allowed'] },
    { name: 'additionalProperties: true allows them', schema: { properties: [['a', {}]], additionalProperties: true }, body: { b: 2 }, want: [] },
    { name: 'additionalProperties: a schema checks them', schema: { additionalProperties: { type: 'integer' } }, body: { a: 1, b: 'x' }, want: ['/b: expected integer, got string'] },
    { name: 'object keywords ignore arrays', schema: { required: ['a'], additionalProperties: false }, body: [1], want: [] },
    { name: 'nested paths join', schema: { properties: [['a', { items: { properties: [['b', { type: 'null' }]] } }]] }, body: { a: [{ b: null }, { b: 1 }] }, want: ['/a/1/b: expected null, got number'] },
    { name: 'allOf: every part', schema: { allOf: [{ minimum: 1 }, { maximum: 3 }, { type: 'integer' }] }, body: 2.5, want: ['/: expected integer, got number'] },
    { name: 'allOf: every failing part reports', schema: { allOf: [{ minimum: 5 }, { maximum: 3 }] }, body: 4, want: ['/: expected >= 5', '/: expected <= 3'] },
    { name: 'anyOf: one match is enough', schema: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, body: 2, want: [] },
    { name: 'anyOf: none fails', schema: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, body: true, want: ['/: matches none of the allowed shapes (anyOf)'] },
    { name: 'oneOf: exactly one passes', schema: { oneOf: [{ type: 'string' }, { type: 'integer' }] }, body: 'x', want: [] },
    { name: 'oneOf: none fails', schema: { oneOf: [{ type: 'string' }, { type: 'integer' }] }, body: 1.5, want: ['/: matches none of the allowed shapes (oneOf)'] },
    { name: 'oneOf: two fail', schema: { oneOf: [{ type: 'number' }, { type: 'integer' }] }, body: 1, want: ['/: matches more than one shape (oneOf)'] },
    { name: 'a wrong type stops at the type', schema: { type: 'string', enum: ['a'], minLength: 3 }, body: 1, want: ['/: expected string, got number'] },
    { name: 'a failed enum stops there', schema: { enum: ['abc'], maxLength: 1 }, body: 'xyz', want: ['/: expected one of ["abc"]'] },
    { name: 'a failed const stops there', schema: { const: 'abc', maxLength: 1 }, body: 'xyz', want: ['/: expected "abc"'] },
  ];
  it.each(cases)('$name', ({ schema, body, want }) => {
    expect(issues(schema, body)).toEqual(want);
  });
});

describe('references', () => {
  const components: ValidationData['components'] = [
    ['Name', { type: 'string', minLength: 1 }],
    ['Node', { properties: [['next', { $ref: 'Node' }], ['name', { $ref: 'Name' }]] }],
  ];
  it.each([
    { name: 'a $ref checks its component', schema: { $ref: 'Name' }, body: '', want: ['/: expected at least 1 characters'] },
    { name: 'a recursive component follows the value', schema: { $ref: 'Node' }, body: { next: { next: { name: 1 } } }, want: ['/next/next/name: expected string, got number'] },
    { name: 'keywords beside a $ref are not read', schema: { $ref: 'Name', type: 'integer' }, body: 'x', want: [] },
    { name: 'an unknown component passes', schema: { $ref: 'Missing', type: 'integer' }, body: 'x', want: [] },
    { name: 'a nullable $ref passes null', schema: { $ref: 'Name', nullable: true }, body: null, want: [] },
  ])('$name', ({ schema, body, want }) => {
    expect(issues(schema as Schema, body, components)).toEqual(want);
  });
});

describe('the schema for a status', () => {
  const validate = createValidator({
    components: [],
    responses: [
      ['exact', [['200', { type: 'string' }], ['2XX', { type: 'integer' }], ['default', { type: 'boolean' }]]],
      ['range', [['2XX', { type: 'integer' }], ['default', { type: 'boolean' }]]],
      ['fallback', [['default', { type: 'boolean' }]]],
      ['other', [['404', { type: 'string' }]]],
    ],
  });
  it.each([
    { name: 'the exact status first', operationId: 'exact', status: 200, want: ['/: expected string, got null'] },
    { name: 'then its range', operationId: 'exact', status: 201, want: ['/: expected integer, got null'] },
    { name: 'a range only for its own class', operationId: 'range', status: 301, want: ['/: expected boolean, got null'] },
    { name: 'then default', operationId: 'fallback', status: 204, want: ['/: expected boolean, got null'] },
    { name: 'a status without a schema passes', operationId: 'other', status: 200, want: [] },
    { name: 'an unknown operation passes', operationId: 'none', status: 200, want: [] },
  ])('$name', ({ operationId, status, want }) => {
    expect(validate(operationId, status, null)).toEqual(want);
  });
});

describe('limits', () => {
  it('reporting stops after 20 issues', () => {
    const body = Array.from({ length: 30 }, () => 'x');
    const found = issues({ items: { type: 'integer' } }, body);
    expect(found).toHaveLength(20);
    expect(found[19]).toBe('/19: expected integer, got string');
  });

  it('issues found inside anyOf and oneOf variants are not reported themselves', () => {
    expect(issues({ anyOf: [{ properties: [['a', { type: 'string' }]] }, { type: 'string' }] }, { a: 1 })).toEqual(['/: matches none of the allowed shapes (anyOf)']);
  });

  it('a schema with properties is reused for many values', () => {
    const schema: Schema = { items: { properties: [['a', { type: 'integer' }]] } };
    expect(issues(schema, [{ a: 1 }, { a: 'x' }, { a: 2 }, { a: 'y' }])).toEqual(['/1/a: expected integer, got string', '/3/a: expected integer, got string']);
  });
});
