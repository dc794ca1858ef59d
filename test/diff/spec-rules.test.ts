import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../generator/diff/index.ts';
import { rules, type RuleKind } from '../../generator/diff/rules.ts';
import type { JsonObject } from '../../generator/json.ts';
import type { Selection } from '../../generator/select/filters.ts';
import { api, holding, loadFixture, REQ, RES } from './fixtures.ts';

/**
 * One fixture per spec rule of the rules table (generator/diff/rules.ts): two small documents and
 * the exact changes expected, as [kind, severity, location]. Severities are spelled out on
 * purpose, so changing the table needs a deliberate change here too.
 */
interface Case {
  readonly name: RuleKind;
  readonly given: { readonly old: JsonObject; readonly new: JsonObject; readonly selection?: Selection };
  readonly want: readonly (readonly [string, string, string])[];
}

const ALL: Selection = { include: 'all', exclude: [] };
const str = { type: 'string' };
const obj = (properties: JsonObject, required?: string[]) => ({ type: 'object', properties, ...(required ? { required } : {}) });
const param = (name: string, extra: JsonObject = {}) => ({ name, in: 'query', schema: str, ...extra });
const ok = (schema: unknown = str) => ({ description: 'ok', content: { 'application/json': { schema } } });
/** A URL-encoded request body whose `tags` (an array) and `meta` (an object) go as `encoding` says. */
const form = (encoding?: JsonObject) => ({
  required: true,
  content: { 'application/x-www-form-urlencoded': { schema: obj({ tags: { type: 'array', items: str }, meta: obj({ a: str }) }), ...(encoding ? { encoding } : {}) } },
});
const bearer = { securitySchemes: { key: { type: 'http', scheme: 'bearer' } } };

const cases: readonly Case[] = [
  // Operations.
  { name: 'operation-added', given: { old: api(), new: api({ paths: { '/others': { get: { operationId: 'list-others', responses: { '200': ok() } } } } }), selection: ALL }, want: [['operation-added', 'non-breaking', 'operation']] },
  { name: 'operation-removed', given: { old: api({ paths: { '/others': { get: { operationId: 'list-others', responses: { '200': ok() } } } } }), new: api(), selection: ALL }, want: [['operation-removed', 'breaking', 'operation']] },
  { name: 'operation-path-changed', given: { old: api(), new: api({ path: '/items' }) }, want: [['operation-path-changed', 'breaking', 'operation']] },
  { name: 'operation-method-changed', given: { old: api(), new: api({ method: 'put' }) }, want: [['operation-method-changed', 'breaking', 'operation']] },
  { name: 'operation-id-changed', given: { old: api(), new: api({ operationId: 'make-thing' }), selection: ALL }, want: [['operation-id-changed', 'breaking', 'operation']] },
  {
    name: 'path-parameter-renamed',
    given: {
      old: api({ path: '/things/{id}', operation: { parameters: [{ name: 'id', in: 'path', required: true, schema: str }] } }),
      new: api({ path: '/things/{thing_id}', operation: { parameters: [{ name: 'thing_id', in: 'path', required: true, schema: str }] } }),
    },
    want: [['path-parameter-renamed', 'breaking', 'parameter path thing_id']],
  },
  { name: 'operation-tags-changed', given: { old: api({ operation: { tags: ['Things', 'A'] } }), new: api({ operation: { tags: ['things', 'B'] } }) }, want: [['operation-tags-changed', 'docs', 'operation']] },
  { name: 'operation-class-changed', given: { old: api({ operation: { tags: ['Things'] } }), new: api({ operation: { tags: ['Items', 'Things'] } }) }, want: [['operation-class-changed', 'breaking', 'operation']] },
  // PetStoreApi and PetstoreApi are two classes (a review found the case change called docs).
  { name: 'operation-class-changed', given: { old: api({ operation: { tags: ['petStore'] } }), new: api({ operation: { tags: ['petstore'] } }) }, want: [['operation-class-changed', 'breaking', 'operation']] },
  { name: 'security-changed', given: { old: api({ root: { components: bearer } }), new: api({ root: { components: bearer, security: [{ key: [] }] } }) }, want: [['security-changed', 'breaking', 'operation']] },
  {
    name: 'security-scheme-changed',
    given: {
      old: api({ root: { components: bearer, security: [{ key: [] }] } }),
      new: api({ root: { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } }, security: [{ key: [] }] } }),
    },
    want: [['security-scheme-changed', 'breaking', 'security scheme key']],
  },
  { name: 'servers-changed', given: { old: api({ root: { servers: [{ url: 'https://a.example/v1' }] } }), new: api({ root: { servers: [{ url: 'https://b.example/v2' }] } }) }, want: [['servers-changed', 'non-breaking', 'operation']] },
  { name: 'info-changed', given: { old: api(), new: { ...api(), info: { title: 'Things, renamed', version: '1.0.0' } } }, want: [['info-changed', 'docs', 'info']] },

  // Parameters.
  // (Beside a parameter `q`, so that the method has a `params` argument before and after.)
  { name: 'request-parameter-added', given: { old: api({ operation: { parameters: [param('q')] } }), new: api({ operation: { parameters: [param('q'), param('limit')] } }) }, want: [['request-parameter-added', 'non-breaking', 'parameter query limit']] },
  { name: 'request-parameter-added-required', given: { old: api({ operation: { parameters: [param('q')] } }), new: api({ operation: { parameters: [param('q'), param('limit', { required: true })] } }) }, want: [['request-parameter-added-required', 'breaking', 'parameter query limit']] },
  { name: 'request-parameter-removed', given: { old: api({ operation: { parameters: [param('q'), param('limit')] } }), new: api({ operation: { parameters: [param('q')] } }) }, want: [['request-parameter-removed', 'breaking', 'parameter query limit']] },
  // The first optional parameter gives the method a `params` argument before `options` (a review found a call passing options stop compiling, classed minor).
  {
    name: 'method-arguments-changed',
    given: { old: api({ path: '/things/{id}', operation: { parameters: [{ name: 'id', in: 'path', required: true, schema: str }] } }), new: api({ path: '/things/{id}', operation: { parameters: [{ name: 'id', in: 'path', required: true, schema: str }, param('limit')] } }) },
    want: [['method-arguments-changed', 'breaking', 'operation'], ['request-parameter-added', 'non-breaking', 'parameter query limit']],
  },
  { name: 'request-parameter-became-required', given: { old: api({ operation: { parameters: [param('limit')] } }), new: api({ operation: { parameters: [param('limit', { required: true })] } }) }, want: [['request-parameter-became-required', 'breaking', 'parameter query limit']] },
  { name: 'request-parameter-became-optional', given: { old: api({ operation: { parameters: [param('limit', { required: true })] } }), new: api({ operation: { parameters: [param('limit')] } }) }, want: [['request-parameter-became-optional', 'non-breaking', 'parameter query limit']] },
  {
    name: 'request-parameter-serialization-changed',
    given: { old: api({ operation: { parameters: [param('tags', { schema: { type: 'array', items: str }, explode: false })] } }), new: api({ operation: { parameters: [param('tags', { schema: { type: 'array', items: str }, explode: true })] } }) },
    want: [['request-parameter-serialization-changed', 'breaking', 'parameter query tags']],
  },

  // Request body.
  // A body added or removed moves the arguments after it (here `options`).
  { name: 'request-body-added', given: { old: api(), new: api({ request: obj({ a: str }), requestRequired: false }) }, want: [['method-arguments-changed', 'breaking', 'operation'], ['request-body-added', 'non-breaking', 'request body']] },
  { name: 'request-body-added-required', given: { old: api(), new: api({ request: obj({ a: str }) }) }, want: [['method-arguments-changed', 'breaking', 'operation'], ['request-body-added-required', 'breaking', 'request body']] },
  { name: 'request-body-removed', given: { old: api({ request: obj({ a: str }) }), new: api() }, want: [['method-arguments-changed', 'breaking', 'operation'], ['request-body-removed', 'breaking', 'request body']] },
  { name: 'request-body-became-required', given: { old: api({ request: obj({ a: str }), requestRequired: false }), new: api({ request: obj({ a: str }) }) }, want: [['request-body-became-required', 'breaking', 'request body']] },
  { name: 'request-body-became-optional', given: { old: api({ request: obj({ a: str }) }), new: api({ request: obj({ a: str }), requestRequired: false }) }, want: [['request-body-became-optional', 'non-breaking', 'request body']] },
  {
    name: 'request-media-type-added',
    given: { old: api({ request: obj({ a: str }) }), new: api({ request: obj({ a: str }), operation: { requestBody: { required: true, content: { 'application/json': { schema: obj({ a: str }) }, 'text/plain': { schema: str } } } } }) },
    want: [['request-media-type-added', 'non-breaking', 'request body']],
  },
  {
    name: 'request-media-type-removed',
    given: { old: api({ request: obj({ a: str }), operation: { requestBody: { required: true, content: { 'application/json': { schema: obj({ a: str }) }, 'text/plain': { schema: str } } } } }), new: api({ request: obj({ a: str }) }) },
    want: [['request-media-type-removed', 'breaking', 'request body']],
  },

  {
    name: 'request-body-part-types-widened',
    given: { old: api({ operation: { requestBody: form({ meta: { contentType: 'application/json' } }) } }), new: api({ operation: { requestBody: form({ meta: { contentType: 'application/json, text/plain' } }) } }) },
    want: [['request-body-part-types-widened', 'non-breaking', 'request body application/x-www-form-urlencoded']],
  },
  {
    name: 'request-body-encoding-changed',
    given: { old: api({ operation: { requestBody: form({ tags: { style: 'form', explode: false } }) } }), new: api({ operation: { requestBody: form({ tags: { style: 'deepObject', explode: false } }) } }) },
    want: [['request-body-encoding-changed', 'breaking', 'request body application/x-www-form-urlencoded']],
  },

  // Responses.
  { name: 'response-success-status-added', given: { old: api({ operation: { responses: { '200': ok() } } }), new: api({ operation: { responses: { '200': ok(), '202': { description: 'accepted' } } } }) }, want: [['response-success-status-added', 'breaking', 'response 202']] },
  // GitHub Enterprise 3.1 added a 200 beside a 201 of the same schema: the result type stays.
  { name: 'response-success-status-added-same-body', given: { old: api({ schemas: { A: obj({ a: str }) }, operation: { responses: { '201': ok({ $ref: '#/components/schemas/A' }) } } }), new: api({ schemas: { A: obj({ a: str }) }, operation: { responses: { '200': ok({ $ref: '#/components/schemas/A' }), '201': ok({ $ref: '#/components/schemas/A' }) } } }) }, want: [['response-success-status-added-same-body', 'non-breaking', 'response 200']] },
  { name: 'response-success-status-added', given: { old: api({ schemas: { A: obj({ a: str }) }, operation: { responses: { '201': ok({ $ref: '#/components/schemas/A' }) } } }), new: api({ schemas: { A: obj({ a: str }), B: obj({ b: str }) }, operation: { responses: { '200': ok({ $ref: '#/components/schemas/B' }), '201': ok({ $ref: '#/components/schemas/A' }) } } }) }, want: [['response-success-status-added', 'breaking', 'response 200']] },
  { name: 'response-success-status-removed', given: { old: api({ operation: { responses: { '200': ok(), '202': { description: 'accepted' } } } }), new: api({ operation: { responses: { '200': ok() } } }) }, want: [['response-success-status-removed', 'breaking', 'response 202']] },
  { name: 'response-success-status-changed', given: { old: api({ operation: { responses: { '200': ok() } } }), new: api({ operation: { responses: { '201': ok() } } }) }, want: [['response-success-status-changed', 'non-breaking', 'response 201']] },
  { name: 'response-error-status-added', given: { old: api({ operation: { responses: { '200': ok() } } }), new: api({ operation: { responses: { '200': ok(), '404': { description: 'missing' } } } }) }, want: [['response-error-status-added', 'non-breaking', 'response 404']] },
  { name: 'response-error-status-removed', given: { old: api({ operation: { responses: { '200': ok(), '404': { description: 'missing', content: { 'application/json': { schema: str } } } } } }), new: api({ operation: { responses: { '200': ok() } } }) }, want: [['response-error-status-removed', 'breaking', 'response 404']] },
  // GitHub's 409 without content went: no typed body was ever read by status.
  { name: 'response-error-status-removed-untyped', given: { old: api({ operation: { responses: { '200': ok(), '404': { description: 'missing' } } } }), new: api({ operation: { responses: { '200': ok() } } }) }, want: [['response-error-status-removed-untyped', 'non-breaking', 'response 404']] },
  {
    name: 'response-media-type-added',
    given: { old: api({ operation: { responses: { '200': ok() } } }), new: api({ operation: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: str }, 'text/plain': { schema: str } } } } } }) },
    want: [['response-media-type-added', 'non-breaking', 'response 200']],
  },
  {
    name: 'response-media-type-removed',
    given: { old: api({ operation: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: str }, 'text/plain': { schema: str } } } } } }), new: api({ operation: { responses: { '200': { description: 'ok', content: { 'text/plain': { schema: str } } } } } }) },
    want: [['response-media-type-removed', 'breaking', 'response 200']],
  },
  // GitHub's 422 of git/delete-ref lost its content: removed, not "removed, JSON still read" (which crashed the diff).
  {
    name: 'response-media-type-removed',
    given: { old: api({ operation: { responses: { '204': { description: 'done' }, '422': { description: 'bad', content: { 'application/json': { schema: str } } } } } }), new: api({ operation: { responses: { '204': { description: 'done' }, '422': { description: 'bad' } } } }) },
    want: [['response-media-type-removed', 'breaking', 'response 422']],
  },
  // The method asks for and reads JSON before and after (GitHub Enterprise 3.2 dropped a vendor type of repos/get-content).
  {
    name: 'response-media-type-removed-unread',
    given: { old: api({ operation: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: str }, 'text/plain': { schema: str } } } } } }), new: api({ operation: { responses: { '200': ok() } } }) },
    want: [['response-media-type-removed-unread', 'non-breaking', 'response 200']],
  },

  // Renames.
  {
    name: 'schema-renamed',
    given: { old: api({ request: { $ref: '#/components/schemas/Thing' }, schemas: { Thing: obj({ a: str }) } }), new: api({ request: { $ref: '#/components/schemas/Item' }, schemas: { Item: obj({ a: str }) } }) },
    want: [['schema-renamed', 'breaking', REQ]],
  },

  // Properties.
  { name: 'request-property-added', given: { old: api({ request: obj({ a: str }) }), new: api({ request: obj({ a: str, b: str }) }) }, want: [['request-property-added', 'non-breaking', `${REQ}: b`]] },
  { name: 'request-property-added-required', given: { old: api({ request: obj({ a: str }) }), new: api({ request: obj({ a: str, b: str }, ['b']) }) }, want: [['request-property-added-required', 'breaking', `${REQ}: b`]] },
  { name: 'request-property-removed', given: { old: api({ request: obj({ a: str, b: str }) }), new: api({ request: obj({ a: str }) }) }, want: [['request-property-removed', 'breaking', `${REQ}: b`]] },
  { name: 'request-property-became-required', given: { old: api({ request: obj({ a: str }) }), new: api({ request: obj({ a: str }, ['a']) }) }, want: [['request-property-became-required', 'breaking', `${REQ}: a`]] },
  { name: 'request-property-became-optional', given: { old: api({ request: obj({ a: str }, ['a']) }), new: api({ request: obj({ a: str }) }) }, want: [['request-property-became-optional', 'non-breaking', `${REQ}: a`]] },
  { name: 'response-property-added', given: { old: api({ response: obj({ a: str }) }), new: api({ response: obj({ a: str, b: str }) }) }, want: [['response-property-added', 'non-breaking', `${RES}: b`]] },
  { name: 'response-property-removed', given: { old: api({ response: obj({ a: str, b: str }) }), new: api({ response: obj({ a: str }) }) }, want: [['response-property-removed', 'breaking', `${RES}: b`]] },
  { name: 'response-property-became-optional', given: { old: api({ response: obj({ a: str }, ['a']) }), new: api({ response: obj({ a: str }) }) }, want: [['response-property-became-optional', 'breaking', `${RES}: a`]] },
  { name: 'response-property-became-required', given: { old: api({ response: obj({ a: str }) }), new: api({ response: obj({ a: str }, ['a']) }) }, want: [['response-property-became-required', 'non-breaking', `${RES}: a`]] },

  // Types.
  { name: 'request-type-widened', given: { old: api({ request: holding(str) }), new: api({ request: holding({ type: ['string', 'null'] }) }) }, want: [['request-type-widened', 'non-breaking', `${REQ}: value`]] },
  { name: 'request-type-narrowed', given: { old: api({ request: holding({ type: ['string', 'integer'] }) }), new: api({ request: holding(str) }) }, want: [['request-type-narrowed', 'breaking', `${REQ}: value`]] },
  { name: 'request-type-changed', given: { old: api({ request: holding(str) }), new: api({ request: holding({ type: 'integer' }) }) }, want: [['request-type-changed', 'breaking', `${REQ}: value`]] },
  { name: 'response-type-widened', given: { old: api({ response: holding({ type: 'integer' }) }), new: api({ response: holding({ type: 'number' }) }) }, want: [['response-type-widened', 'breaking', `${RES}: value`]] },
  { name: 'response-type-narrowed', given: { old: api({ response: holding({ type: ['string', 'null'] }) }), new: api({ response: holding(str) }) }, want: [['response-type-narrowed', 'non-breaking', `${RES}: value`]] },
  { name: 'response-type-changed', given: { old: api({ response: holding(str) }), new: api({ response: holding({ type: 'boolean' }) }) }, want: [['response-type-changed', 'breaking', `${RES}: value`]] },

  // Enums.
  { name: 'request-enum-widened', given: { old: api({ request: holding({ type: 'string', enum: ['a', 'b'] }) }), new: api({ request: holding({ type: 'string', enum: ['a', 'b', 'c'] }) }) }, want: [['request-enum-widened', 'non-breaking', `${REQ}: value`]] },
  { name: 'request-enum-narrowed', given: { old: api({ request: holding({ type: 'string', enum: ['a', 'b'] }) }), new: api({ request: holding({ type: 'string', enum: ['a'] }) }) }, want: [['request-enum-narrowed', 'breaking', `${REQ}: value`]] },
  { name: 'response-enum-widened', given: { old: api({ response: holding({ type: 'string', enum: ['a', 'b'] }) }), new: api({ response: holding({ type: 'string', enum: ['a', 'b', 'c'] }) }) }, want: [['response-enum-widened', 'breaking', `${RES}: value`]] },
  { name: 'response-enum-narrowed', given: { old: api({ response: holding({ type: 'string', enum: ['a', 'b'] }) }), new: api({ response: holding({ type: 'string', enum: ['a'] }) }) }, want: [['response-enum-narrowed', 'breaking', `${RES}: value`]] },
  {
    name: 'open-enum-widened',
    given: { old: api({ response: holding({ anyOf: [str, { type: 'string', enum: ['a'] }] }) }), new: api({ response: holding({ anyOf: [str, { type: 'string', enum: ['a', 'b'] }] }) }) },
    want: [['open-enum-widened', 'non-breaking', `${RES}: value`]],
  },
  {
    name: 'open-enum-narrowed',
    given: { old: api({ request: holding({ anyOf: [str, { type: 'string', enum: ['a', 'b'] }] }) }), new: api({ request: holding({ anyOf: [str, { type: 'string', enum: ['a'] }] }) }) },
    want: [['open-enum-narrowed', 'non-breaking', `${REQ}: value`]],
  },

  // Union members.
  { name: 'request-union-member-added', given: { old: api({ request: holding(str) }), new: api({ request: holding({ anyOf: [str, { type: 'integer' }] }) }) }, want: [['request-union-member-added', 'non-breaking', `${REQ}: value`]] },
  { name: 'request-union-member-removed', given: { old: api({ request: holding({ oneOf: [str, { type: 'integer' }] }) }), new: api({ request: holding(str) }) }, want: [['request-union-member-removed', 'breaking', `${REQ}: value`]] },
  { name: 'response-union-member-added', given: { old: api({ response: holding(str) }), new: api({ response: holding({ anyOf: [str, obj({ id: str })] }) }) }, want: [['response-union-member-added', 'breaking', `${RES}: value`]] },
  { name: 'response-union-member-removed', given: { old: api({ response: holding({ anyOf: [str, { type: 'integer' }] }) }), new: api({ response: holding({ anyOf: [str] }) }) }, want: [['response-union-member-removed', 'non-breaking', `${RES}: value`]] },
  {
    name: 'open-union-member-added',
    given: { old: api({ response: holding({ anyOf: [str, { type: 'integer' }] }) }), new: api({ response: holding({ anyOf: [str, { type: 'integer' }, { type: 'string', enum: ['known'] }] }) }) },
    want: [['open-union-member-added', 'non-breaking', `${RES}: value`]],
  },
  // GitHub's nullable string that became a nullable `oneOf: [string, array]`: only the array is new (it read "type narrowed from null | string to string", breaking, and "now also accepts null").
  {
    name: 'request-union-member-added',
    given: { old: api({ openapi: '3.0.3', request: holding({ type: 'string', nullable: true }) }), new: api({ openapi: '3.0.3', request: holding({ oneOf: [str, { type: 'array', items: str }], nullable: true }) }) },
    want: [
      ['open-union-member-added', 'non-breaking', `${REQ}: value`],
      ['request-union-member-added', 'non-breaking', `${REQ}: value`],
    ],
  },
  {
    name: 'open-union-member-removed',
    given: { old: api({ request: holding({ anyOf: [str, { type: 'string', enum: ['known'] }] }) }), new: api({ request: holding({ anyOf: [str] }) }) },
    want: [['open-union-member-removed', 'non-breaking', `${REQ}: value`]],
  },

  // Constraints.
  { name: 'request-constraint-tightened', given: { old: api({ request: holding({ type: 'string', maxLength: 10 }) }), new: api({ request: holding({ type: 'string', maxLength: 5 }) }) }, want: [['request-constraint-tightened', 'breaking', `${REQ}: value`]] },
  // GitHub's integer path parameters gained `format: int64`: nothing a JavaScript number holds is refused.
  { name: 'request-constraint-tightened', given: { old: api({ request: holding({ type: 'integer' }) }), new: api({ request: holding({ type: 'integer', format: 'int32' }) }) }, want: [['request-constraint-tightened', 'breaking', `${REQ}: value`]] },
  { name: 'request-constraint-loosened', given: { old: api({ request: holding({ type: 'integer', format: 'int32' }) }), new: api({ request: holding({ type: 'integer', format: 'int64' }) }) }, want: [['request-constraint-loosened', 'non-breaking', `${REQ}: value`]] },
  { name: 'request-constraint-tightened', given: { old: api({ request: holding({ type: 'string' }) }), new: api({ request: holding({ type: 'string', format: 'int64' }) }) }, want: [['request-constraint-tightened', 'breaking', `${REQ}: value`]] },
  { name: 'request-constraint-loosened', given: { old: api({ request: holding({ type: 'integer', minimum: 1 }) }), new: api({ request: holding({ type: 'integer' }) }) }, want: [['request-constraint-loosened', 'non-breaking', `${REQ}: value`]] },
  { name: 'response-constraint-changed', given: { old: api({ response: holding({ type: 'string' }) }), new: api({ response: holding({ type: 'string', pattern: '^[a-z]+$' }) }) }, want: [['response-constraint-changed', 'non-breaking', `${RES}: value`]] },
  { name: 'request-additional-properties-narrowed', given: { old: api({ request: obj({ a: str }) }), new: api({ request: { ...obj({ a: str }), additionalProperties: false } }) }, want: [['request-additional-properties-narrowed', 'breaking', REQ]] },
  { name: 'request-additional-properties-widened', given: { old: api({ request: { ...obj({ a: str }), additionalProperties: false } }), new: api({ request: obj({ a: str }) }) }, want: [['request-additional-properties-widened', 'non-breaking', REQ]] },
  { name: 'response-additional-properties-changed', given: { old: api({ response: obj({ a: str }) }), new: api({ response: { ...obj({ a: str }), additionalProperties: str } }) }, want: [['response-additional-properties-changed', 'non-breaking', RES]] },
  {
    name: 'discriminator-changed',
    given: {
      old: api({ request: { oneOf: [obj({ kind: str, a: str }), obj({ kind: str, b: str })], discriminator: { propertyName: 'kind' } } }),
      new: api({ request: { oneOf: [obj({ kind: str, a: str }), obj({ kind: str, b: str })], discriminator: { propertyName: 'type' } } }),
    },
    want: [['discriminator-changed', 'breaking', REQ]],
  },
  {
    name: 'request-discriminator-value-removed',
    given: {
      old: api({ request: { oneOf: [{ $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind', mapping: { dog: '#/components/schemas/Dog' } } }, schemas: { Dog: obj({ kind: str }) } }),
      new: api({ request: { oneOf: [{ $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind', mapping: { doggo: '#/components/schemas/Dog' } } }, schemas: { Dog: obj({ kind: str }) } }),
    },
    want: [['request-discriminator-value-removed', 'breaking', REQ]],
  },
  {
    // Implicit values (the members' names) count: a mapping that renames Cat removes `Cat`.
    name: 'response-discriminator-value-removed',
    given: {
      old: api({ response: { oneOf: [{ $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Cat' }], discriminator: { propertyName: 'kind' } }, schemas: { Dog: obj({ kind: str }), Cat: obj({ kind: str }) } }),
      new: api({ response: { oneOf: [{ $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Cat' }], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } } }, schemas: { Dog: obj({ kind: str }), Cat: obj({ kind: str }) } }),
    },
    want: [['response-discriminator-value-removed', 'breaking', RES]],
  },
  { name: 'schema-keyword-changed', given: { old: api({ request: holding({ type: 'string', not: { enum: ['x'] } }) }), new: api({ request: holding({ type: 'string', not: { enum: ['y'] } }) }) }, want: [['schema-keyword-changed', 'breaking', `${REQ}: value`]] },

  // Annotations.
  { name: 'default-added', given: { old: api({ request: holding(str) }), new: api({ request: holding({ type: 'string', default: 'a' }) }) }, want: [['default-added', 'docs', `${REQ}: value`]] },
  { name: 'request-default-changed', given: { old: api({ request: holding({ type: 'string', default: 'a' }) }), new: api({ request: holding({ type: 'string', default: 'b' }) }) }, want: [['request-default-changed', 'non-breaking', `${REQ}: value`]] },
  { name: 'response-default-changed', given: { old: api({ response: holding({ type: 'string', default: 'a' }) }), new: api({ response: holding({ type: 'string' }) }) }, want: [['response-default-changed', 'docs', `${RES}: value`]] },
  { name: 'deprecated-added', given: { old: api({ request: holding(str) }), new: api({ request: holding({ type: 'string', deprecated: true }) }) }, want: [['deprecated-added', 'non-breaking', `${REQ}: value`]] },
  { name: 'deprecated-removed', given: { old: api({ operation: { deprecated: true } }), new: api() }, want: [['deprecated-removed', 'docs', 'operation']] },
  { name: 'description-changed', given: { old: api({ request: holding({ type: 'string', description: 'Old words.' }) }), new: api({ request: holding({ type: 'string', description: 'New words.' }) }) }, want: [['description-changed', 'docs', `${REQ}: value`]] },
  { name: 'example-changed', given: { old: api({ response: holding({ type: 'string', example: 'x' }) }), new: api({ response: holding({ type: 'string', example: 'y' }) }) }, want: [['example-changed', 'docs', `${RES}: value`]] },
  { name: 'request-read-only-added', given: { old: api({ request: holding(str) }), new: api({ request: holding({ type: 'string', readOnly: true }) }) }, want: [['request-read-only-added', 'breaking', `${REQ}: value`]] },
  { name: 'request-read-only-removed', given: { old: api({ request: holding({ type: 'string', readOnly: true }) }), new: api({ request: holding(str) }) }, want: [['request-read-only-removed', 'breaking', `${REQ}: value`]] },
  { name: 'response-write-only-added', given: { old: api({ response: holding(str) }), new: api({ response: holding({ type: 'string', writeOnly: true }) }) }, want: [['response-write-only-added', 'breaking', `${RES}: value`]] },
  { name: 'response-write-only-removed', given: { old: api({ response: holding({ type: 'string', writeOnly: true }) }), new: api({ response: holding(str) }) }, want: [['response-write-only-removed', 'non-breaking', `${RES}: value`]] },
  { name: 'annotation-changed', given: { old: api({ response: holding({ type: 'string', title: 'Value' }) }), new: api({ response: holding({ type: 'string', title: 'The value' }) }) }, want: [['annotation-changed', 'docs', `${RES}: value`]] },
];

const ONE: Selection = { include: [{ by: 'operationId', pattern: 'create-thing' }], exclude: [] };

function run(given: Case['given']) {
  return diffSpecs(loadFixture('old.yaml', given.old), loadFixture('new.yaml', given.new, 'json'), given.selection ?? ONE);
}

describe('diff rules: one fixture per spec rule', () => {
  it.each(cases)('$name', ({ given, want }) => {
    const report = run(given);
    expect(report.changes.map((c) => [c.kind, c.severity, c.location])).toStrictEqual(want);
    expect(report.breaking).toBe(want.some(([, severity]) => severity === 'breaking'));
  });

  it('a parameter the client sends itself (Accept, a key its scheme sends) is no request parameter: adding one changes no method', () => {
    const keyed = { securitySchemes: { key: { type: 'apiKey', in: 'query', name: 'key' } } };
    const accept = { name: 'Accept', in: 'header', required: true, schema: str };
    const changes = run({ old: api({ root: { components: keyed, security: [{ key: [] }] } }), new: api({ root: { components: keyed, security: [{ key: [] }] }, operation: { parameters: [accept, param('key', { required: true })] } }) }).changes;
    expect(changes.map((c) => c.kind)).toStrictEqual([]);
    // A key the spec keeps while a new scheme starts sending it: the security change says so, not a parameter removed.
    const now = run({ old: api({ root: { components: keyed }, operation: { parameters: [param('key', { required: true })] } }), new: api({ root: { components: keyed, security: [{ key: [] }] }, operation: { parameters: [param('key', { required: true })] } }) }).changes;
    // The method loses its `params` argument (the key was its only one), which moves `options`.
    expect(now.map((c) => c.kind)).toStrictEqual(['method-arguments-changed', 'security-changed']);
    // Without the scheme, the key is a parameter like any other.
    expect(run({ old: api(), new: api({ operation: { parameters: [param('key', { required: true })] } }) }).changes.map((c) => c.kind)).toStrictEqual(['method-arguments-changed', 'request-parameter-added-required']);
  });

  it('readOnly where only a response holds it, and writeOnly where only a request sends it, are documentation', () => {
    const readOnly = run({ old: api({ response: holding(str) }), new: api({ response: holding({ type: 'string', readOnly: true }) }) });
    const writeOnly = run({ old: api({ request: holding(str) }), new: api({ request: holding({ type: 'string', writeOnly: true }) }) });
    expect([...readOnly.changes, ...writeOnly.changes].map((c) => [c.kind, c.severity, c.location])).toStrictEqual([
      ['annotation-changed', 'docs', `${RES}: value`],
      ['annotation-changed', 'docs', `${REQ}: value`],
    ]);
  });

  it("compares parameter serialization with OpenAPI's defaults filled in: writing a default out changes nothing, a new style changes its default explode too", () => {
    const kinds = (old: JsonObject, next: JsonObject) => run({ old: api(old), new: api(next) }).changes.map((c) => [c.kind, c.location, c.message]);
    const array = { type: 'array', items: str };
    const object = obj({ a: str });
    expect(kinds({ operation: { parameters: [param('tags', { schema: array })] } }, { operation: { parameters: [param('tags', { schema: array, style: 'form', explode: true, allowReserved: false })] } })).toStrictEqual([]);
    expect(kinds({ operation: { parameters: [{ name: 'X-Tags', in: 'header', schema: array }] } }, { operation: { parameters: [{ name: 'X-Tags', in: 'header', schema: array, style: 'simple', explode: false }] } })).toStrictEqual([]);
    // A deepObject is exploded whatever `explode` says.
    expect(kinds({ operation: { parameters: [param('f', { schema: object, style: 'deepObject', explode: true })] } }, { operation: { parameters: [param('f', { schema: object, style: 'deepObject' })] } })).toStrictEqual([]);
    expect(kinds({ operation: { parameters: [param('tags', { schema: array })] } }, { operation: { parameters: [param('tags', { schema: array, style: 'pipeDelimited' })] } })).toStrictEqual([
      ['request-parameter-serialization-changed', 'parameter query tags', 'query tags parameter serialization changed: style, explode'],
    ]);
    // A value defined by `content` goes as that media type's text, not by a style.
    const { schema: _, ...bare } = param('f');
    expect(kinds({ operation: { parameters: [param('f', { schema: object })] } }, { operation: { parameters: [{ ...bare, content: { 'application/json': { schema: object } } }] } })).toStrictEqual([
      ['request-parameter-serialization-changed', 'parameter query f', 'query f parameter serialization changed: content'],
    ]);
  });

  it("compares a URL-encoded form's encoding as the client writes it: a stated style (defaults filled in) against none; part types with their defaults", () => {
    const kinds = (old: JsonObject | undefined, next: JsonObject | undefined) => run({ old: api({ operation: { requestBody: form(old) } }), new: api({ operation: { requestBody: form(next) } }) }).changes.map((c) => [c.kind, c.message]);
    expect(kinds(undefined, { tags: { style: 'form' }, meta: {} })).toStrictEqual([]);
    expect(kinds({ meta: { style: 'form' } }, { meta: { style: 'form', explode: true, allowReserved: false } })).toStrictEqual([]);
    // Without a stated style the client writes an object as JSON text; with `style: form`, its members as fields.
    expect(kinds(undefined, { meta: { style: 'form', explode: true } })).toStrictEqual([['request-body-encoding-changed', 'meta encoding changed: style, explode, allowReserved']]);
    // A deepObject's explode is no part of it (exploded either way).
    expect(kinds({ meta: { style: 'deepObject' } }, undefined)).toStrictEqual([['request-body-encoding-changed', 'meta encoding changed: style, allowReserved']]);
    expect(kinds({ tags: { style: 'form', explode: false } }, { tags: { style: 'form', explode: false, allowReserved: true } })).toStrictEqual([['request-body-encoding-changed', 'tags encoding changed: allowReserved']]);
    // An object's default part type is JSON: stating it is no change; another is.
    expect(kinds(undefined, { meta: { contentType: 'application/json' } })).toStrictEqual([]);
    expect(kinds(undefined, { meta: { contentType: 'text/plain' } })).toStrictEqual([['request-body-encoding-changed', 'meta encoding changed: contentType']]);
  });

  it('compares multipart part types with their defaults (JSON for an object, bytes for a binary string, text otherwise, an array by its items): stated defaults are no change, more types are not breaking', () => {
    const multipart = (encoding?: JsonObject) => ({
      required: true,
      content: { 'multipart/form-data': { schema: obj({ meta: { $ref: '#/components/schemas/Meta' }, file: { type: 'string', format: 'binary' }, files: { type: 'array', items: { type: 'string', format: 'binary' } }, note: str }), ...(encoding ? { encoding } : {}) } },
    });
    const kinds = (old: JsonObject | undefined, next: JsonObject | undefined) =>
      run({ old: api({ operation: { requestBody: multipart(old) }, schemas: { Meta: obj({ a: str }) } }), new: api({ operation: { requestBody: multipart(next) }, schemas: { Meta: obj({ a: str }) } }) }).changes.map((c) => [c.kind, c.severity, c.message]);
    const defaults = { meta: { contentType: 'application/json' }, file: { contentType: 'application/octet-stream' }, files: { contentType: 'Application/Octet-Stream' }, note: { contentType: 'text/plain', style: 'deepObject' } };
    expect(kinds(undefined, defaults)).toStrictEqual([]);
    expect(kinds({ file: { contentType: 'image/png' } }, { file: { contentType: 'image/png, image/jpeg' } })).toStrictEqual([['request-body-part-types-widened', 'non-breaking', 'file may now also go as image/jpeg, image/png (was image/png)']]);
    expect(kinds({ file: { contentType: 'image/png, image/jpeg' } }, { file: { contentType: 'image/png' } })).toStrictEqual([['request-body-encoding-changed', 'breaking', 'file encoding changed: contentType']]);
    expect(kinds(undefined, { note: { contentType: 'application/json' } })).toStrictEqual([['request-body-encoding-changed', 'breaking', 'note encoding changed: contentType']]);
    // An entry for a property the body lacks sends nothing; a renamed property is reported as removed and added, not here.
    expect(kinds({ gone: { contentType: 'image/png' } }, undefined)).toStrictEqual([]);
  });

  it("reports a server variable's new default, which changes the client's default base URL", () => {
    const server = (region: string) => ({ servers: [{ url: 'https://{region}.api.test/v1', variables: { region: { default: region, enum: ['us', 'eu'] } } }] });
    const report = run({ old: api({ root: server('us') }), new: api({ root: server('eu') }) });
    expect(report.changes.map((c) => [c.kind, c.message])).toStrictEqual([['servers-changed', 'servers changed from [https://us.api.test/v1] to [https://eu.api.test/v1]; the default base URL changes from https://us.api.test/v1 to https://eu.api.test/v1']]);
    // A server added after the first leaves the client's default as it was, and says so.
    const added = run({ old: api({ root: { servers: [{ url: 'https://a.test' }] } }), new: api({ root: { servers: [{ url: 'https://a.test' }, { url: 'https://b.test' }] } }) });
    expect(added.changes.map((c) => c.message)).toStrictEqual(['servers changed from [https://a.test] to [https://a.test, https://b.test]; the default base URL stays https://a.test']);
    // The default as the client makes it (a review): the first absolute URL, over https where the spec lists it too; none from relative ones.
    const message = (from: string[], to: string[]) => run({ old: api({ root: { servers: from.map((url) => ({ url })) } }), new: api({ root: { servers: to.map((url) => ({ url })) } }) }).changes.map((c) => c.message.replace(/^.*; /, ''));
    expect(message(['/rel', 'https://api.test'], ['/rel2', 'https://api.test'])).toStrictEqual(['the default base URL stays https://api.test']);
    expect(message(['http://api.test'], ['http://api.test', 'https://api.test'])).toStrictEqual(['the default base URL changes from http://api.test to https://api.test']);
    expect(message(['/v1'], ['/v2'])).toStrictEqual(['the client has no default base URL on either side']);
    // The same base URL written out, or with a variable the URL does not use, is no change.
    const literal = { servers: [{ url: 'https://us.api.test/v1' }] };
    const unused = { servers: [{ url: 'https://{region}.api.test/v1', variables: { env: { default: 'prod' }, region: { default: 'us' } } }] };
    expect(run({ old: api({ root: server('us') }), new: api({ root: literal }) }).changes).toStrictEqual([]);
    expect(run({ old: api({ root: server('us') }), new: api({ root: unused }) }).changes).toStrictEqual([]);
  });

  it('a primitive parameter has no explode to change; a content media type is compared without its parameters', () => {
    const kinds = (old: JsonObject, next: JsonObject) => run({ old: api(old), new: api(next) }).changes.map((c) => [c.kind, c.message]);
    const path = (extra: JsonObject = {}) => ({ path: '/things/{id}', operation: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: ['string', 'null'] }, ...extra }] } });
    expect(kinds(path(), path({ explode: true }))).toStrictEqual([]);
    expect(kinds({ operation: { parameters: [param('n', { schema: { $ref: '#/components/schemas/N' } })] }, schemas: { N: { type: 'integer' } } }, { operation: { parameters: [param('n', { schema: { $ref: '#/components/schemas/N' }, explode: false })] }, schemas: { N: { type: 'integer' } } })).toStrictEqual([]);
    const { schema: _, ...bare } = param('f');
    const content = (type: string) => ({ operation: { parameters: [{ ...bare, content: { [type]: { schema: obj({ a: str }) } } }] } });
    expect(kinds(content('application/json'), content('Application/JSON; charset=utf-8'))).toStrictEqual([]);
    expect(kinds({ operation: { parameters: [param('q')] } }, { operation: { parameters: [param('q', { allowEmptyValue: true })] } })).toStrictEqual([]);
  });

  it('reads a body\'s properties through allOf, and an object part through allOf, oneOf or a type list', () => {
    const body = (encoding?: JsonObject) => ({
      required: true,
      content: { 'multipart/form-data': { schema: { allOf: [{ $ref: '#/components/schemas/Base' }, obj({ one: { oneOf: [{ $ref: '#/components/schemas/Meta' }] }, n: { type: ['object', 'null'] } })] }, ...(encoding ? { encoding } : {}) } },
    });
    const schemas = { Base: obj({ meta: { allOf: [{ $ref: '#/components/schemas/Meta' }], description: 'x' } }), Meta: obj({ a: str }) };
    const kinds = (old?: JsonObject, next?: JsonObject) => run({ old: api({ operation: { requestBody: body(old) }, schemas }), new: api({ operation: { requestBody: body(next) }, schemas }) }).changes.map((c) => [c.kind, c.message, c.pointers.old]);
    expect(kinds(undefined, { meta: { contentType: 'application/json' }, one: { contentType: 'application/json' }, n: { contentType: 'application/json' } })).toStrictEqual([]);
    expect(kinds(undefined, { meta: { contentType: 'text/plain' } })).toStrictEqual([['request-body-encoding-changed', 'meta encoding changed: contentType', '#/paths/~1things/post/requestBody/content/multipart~1form-data']]);
    // A side without an entry of that name points at its media type, even for a name every object inherits.
    const named = (encoding?: JsonObject) => ({ required: true, content: { 'multipart/form-data': { schema: obj({ toString: str }), ...(encoding ? { encoding } : {}) } } });
    const report = run({ old: api({ operation: { requestBody: named({}) } }), new: api({ operation: { requestBody: named({ toString: { contentType: 'application/json' } }) } }) });
    expect(report.changes.map((c) => [c.kind, c.pointers.old, c.pointers.new])).toStrictEqual([
      ['request-body-encoding-changed', '#/paths/~1things/post/requestBody/content/multipart~1form-data/encoding', '#/paths/~1things/post/requestBody/content/multipart~1form-data/encoding/toString'],
    ]);
  });

  it('covers every spec rule of the table', () => {
    const specRules = Object.entries(rules).filter(([, rule]) => rule.source === 'spec').map(([kind]) => kind);
    const tested = new Set(cases.flatMap((c) => c.want.map(([kind]) => kind)));
    expect(specRules.filter((kind) => !tested.has(kind))).toStrictEqual([]);
  });
});
