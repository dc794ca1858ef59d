/**
 * Parameters the client sends itself (generator/openapi/supplied-parameters.ts) are left out of
 * both the model's parameters (which the methods' signatures, docs and examples read) and the
 * types (which the methods' `params` types and openapi-fetch's checks read): `Accept` and
 * `Content-Type` headers always, and a parameter that a security scheme of the operation sends.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build.ts';
import { defaultNaming } from '../../generator/naming/resolver.ts';
import { withoutSuppliedParameters } from '../../generator/openapi/supplied-parameters.ts';
import { openapiTypes } from '../../generator/types/openapi-types.ts';

const string = { type: 'string' };
const param = (name: string, location: string, required = true) => ({ name, in: location, required, schema: string });
const ok = { '200': { description: 'ok' } };
const schemes = {
  key: { type: 'apiKey', in: 'query', name: 'key' },
  header: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
  bearer: { type: 'http', scheme: 'bearer' },
  oauth: { type: 'oauth2', flows: {} },
};

function document(paths: Record<string, unknown>, security?: unknown[]) {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    ...(security ? { security } : {}),
    paths,
    components: { securitySchemes: schemes, parameters: { Key: param('key', 'query') } },
  };
}

/** Every operation's parameters in the model, as `location:name`. */
function modelParameters(doc: Record<string, unknown>): Record<string, string[]> {
  const model = buildModel(doc, { name: 's', sha256: '0', openapi: '3.1.0' }, defaultNaming);
  const found: Record<string, string[]> = {};
  for (const operation of model.tags.flatMap((tag) => tag.operations)) {
    const { path, query, header, cookie } = operation.parameters;
    found[operation.operationId] = [...path, ...query, ...header, ...cookie].map((p) => `${p.in}:${p.name}`);
  }
  return found;
}

describe('supplied parameters', () => {
  it.each([
    { name: 'Accept and Content-Type headers, in any case, whatever the security', security: undefined, parameters: [param('accept', 'header'), param('Content-Type', 'header'), param('q', 'query')], kept: ['query:q'] },
    { name: 'a query key an API key scheme of the requirement sends', security: [{ key: [] }], parameters: [param('key', 'query'), param('q', 'query')], kept: ['query:q'] },
    { name: 'the same key through a $ref', security: [{ key: [] }], parameters: [{ $ref: '#/components/parameters/Key' }, param('q', 'query')], kept: ['query:q'] },
    { name: 'a key of another alternative of the requirements', security: [{ bearer: [] }, { key: [] }], parameters: [param('key', 'query')], kept: [] },
    { name: 'a key no scheme of the operation sends', security: [{ bearer: [] }], parameters: [param('key', 'query')], kept: ['query:key'] },
    { name: 'a key of the same name elsewhere', security: [{ key: [] }], parameters: [param('key', 'header')], kept: ['header:key'] },
    { name: 'a header key, in another case', security: [{ header: [] }], parameters: [param('x-api-key', 'header')], kept: [] },
    { name: 'Authorization under a bearer scheme', security: [{ bearer: [] }], parameters: [param('Authorization', 'header')], kept: [] },
    { name: 'Authorization under OAuth', security: [{ oauth: [] }], parameters: [param('authorization', 'header')], kept: [] },
    { name: 'Authorization no scheme sends: the only way to authenticate', security: undefined, parameters: [param('Authorization', 'header')], kept: ['header:Authorization'] },
    { name: 'Authorization beside a query key', security: [{ key: [] }], parameters: [param('Authorization', 'header')], kept: ['header:Authorization'] },
  ])('$name', ({ security, parameters, kept }) => {
    const doc = document({ '/x': { get: { operationId: 'op', parameters, responses: ok } } }, security);
    expect(modelParameters(doc)['op']).toStrictEqual(kept);
    const left = (withoutSuppliedParameters(doc) as typeof doc).paths['/x'] as { get: { parameters: unknown[] } };
    expect(left.get.parameters.length).toBe(kept.length);
  });

  it("a header of an operation overrides a path item's of the same name as written, as openapi-typescript does: another case is another parameter", () => {
    const doc = document({ '/x': { parameters: [param('X-Foo', 'header')], put: { operationId: 'op', parameters: [param('x-foo', 'header', false)], responses: ok } } });
    expect(modelParameters(doc)['op']).toStrictEqual(['header:X-Foo', 'header:x-foo']);
  });

  it.each([
    { name: 'a default (GitHub Enterprise 2.x)', schema: { type: 'string', default: 'application/vnd.github.machine-man-preview+json' }, accept: 'application/vnd.github.machine-man-preview+json' },
    { name: 'one enum value', schema: { type: 'string', enum: [' application/vnd.a+json '] }, accept: 'application/vnd.a+json' },
    { name: 'a const, over a default', schema: { const: 'application/vnd.b+json', default: 'application/json' }, accept: 'application/vnd.b+json' },
    { name: 'a choice of values fixes none', schema: { type: 'string', enum: ['application/json', 'text/csv'] }, accept: undefined },
    { name: "a default beside a choice fixes none (influxdata's toml)", schema: { type: 'string', enum: ['application/toml', 'application/json'], default: 'application/toml' }, accept: undefined },
    { name: 'a free string fixes none', schema: string, accept: undefined },
  ])("an Accept header parameter's fixed value is the operation's accept: $name", ({ schema, accept }) => {
    const model = (parameters: unknown[], pathItem: unknown[] = []) =>
      buildModel(document({ '/x': { parameters: pathItem, get: { operationId: 'op', parameters, responses: ok } } }), { name: 's', sha256: '0', openapi: '3.1.0' }, defaultNaming).tags[0]!.operations[0]!.accept;
    expect(model([{ name: 'Accept', in: 'header', required: true, schema }])).toBe(accept);
    // The path item's, unless the operation has its own.
    expect(model([], [{ name: 'accept', in: 'header', schema }])).toBe(accept);
    expect(model([{ name: 'ACCEPT', in: 'header', schema: string }], [{ name: 'accept', in: 'header', schema }])).toBeUndefined();
    expect(model([{ name: 'Accept', in: 'query', schema }])).toBeUndefined();
  });

  it("an operation's own security decides, over the document's", () => {
    const doc = document({ '/x': { get: { operationId: 'op', security: [], parameters: [param('key', 'query')], responses: ok } } }, [{ key: [] }]);
    expect(modelParameters(doc)['op']).toStrictEqual(['query:key']);
  });

  it("a path item's parameter leaves only the operations whose schemes send it, in the model and in the types", () => {
    const paths = {
      '/boards/{id}': {
        parameters: [param('id', 'path'), param('key', 'query')],
        get: { operationId: 'getBoard', responses: ok },
        delete: { operationId: 'deleteBoard', security: [], responses: ok },
        put: { operationId: 'putBoard', parameters: [param('key', 'query', false), param('name', 'query')], security: [], responses: ok },
      },
    };
    const doc = document(paths, [{ key: [] }]);
    expect(modelParameters(doc)).toStrictEqual({ getBoard: ['path:id'], deleteBoard: ['path:id', 'query:key'], putBoard: ['path:id', 'query:key', 'query:name'] });
    const before = JSON.stringify(doc);
    const types = openapiTypes(withoutSuppliedParameters(doc), 'spec.yaml').replace(/\s+/g, ' ');
    const operation = (id: string) => /"?([\w]+)"?: \{ parameters: \{ query\??: (never|\{[^}]*\});/.exec(types.slice(types.indexOf(`${id}: {`)))?.[2];
    expect(operation('getBoard')).toBe('never');
    expect(operation('deleteBoard')).toBe('{ key: string; }');
    // The operation's own optional `key` wins over the path item's required one.
    expect(operation('putBoard')).toBe('{ key?: string; name: string; }');
    // An operation that loses a parameter of its own leaves the path item's to every operation (a review found them dropped).
    const own = document({ '/items/{id}': { parameters: [param('id', 'path'), param('fields', 'query', false)], get: { operationId: 'getItem', parameters: [param('Accept', 'header')], responses: ok }, delete: { operationId: 'deleteItem', responses: ok } } });
    const ownTypes = openapiTypes(withoutSuppliedParameters(own), 'spec.yaml').replace(/\s+/g, ' ');
    expect(ownTypes).toContain('"/items/{id}": { parameters: { query?: { fields?: string; }; header?: never; path: { id: string; };');
    expect(modelParameters(own)).toStrictEqual({ getItem: ['path:id', 'query:fields'], deleteItem: ['path:id', 'query:fields'] });
    // The document the model reads is not changed: the types read a copy of what changes.
    expect(JSON.stringify(doc)).toBe(before);
    // A document that loses nothing is the same object.
    const plain = document({ '/x': { get: { parameters: [param('q', 'query')], responses: ok } } }, [{ key: [] }]);
    expect(withoutSuppliedParameters(plain)).toBe(plain);
  });
});
