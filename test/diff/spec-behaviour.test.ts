import { describe, expect, it } from 'vitest';
import { diffSpecs, toReleaseChanges } from '../../generator/diff/index.ts';
import { MorphError } from '../../generator/diagnostics/diagnostic.ts';
import type { Selection } from '../../generator/select/filters.ts';
import { api, holding, loadFixture, REQ, RES } from './fixtures.ts';

const ALL: Selection = { include: 'all', exclude: [] };
const ONE: Selection = { include: [{ by: 'operationId', pattern: 'create-thing' }], exclude: [] };
const str = { type: 'string' };

function diff(old: Parameters<typeof loadFixture>[1], next: Parameters<typeof loadFixture>[1], selection: Selection = ONE) {
  return diffSpecs(loadFixture('old.yaml', old), loadFixture('new.yaml', next), selection);
}

describe('diff: what is not a change', () => {
  it('ignores vendor extensions everywhere', () => {
    const old = api({ request: holding(str), schemas: { Thing: { type: 'object', properties: { id: str } } } });
    const next = api({ request: holding({ type: 'string', 'x-internal': true }), operation: { 'x-rate-limit': 10 }, schemas: { Thing: { type: 'object', properties: { id: str }, 'x-kind': 'thing' } } });
    expect(diff(old, { ...next, 'x-generated': 'today' })).toStrictEqual({ breaking: false, semver: 'none', changes: [] });
    // Rename detection compares structures: vendor extensions (also beside a $ref) leave a rename a rename.
    const renamed = diff(
      api({ request: { $ref: '#/components/schemas/Thing' }, schemas: { Thing: { type: 'object', properties: { a: str } } } }),
      api({ request: { $ref: '#/components/schemas/Item', 'x-note': 'moved' }, schemas: { Item: { type: 'object', properties: { a: { ...str, 'x-order': 1 } }, 'x-kind': 'item' } } }),
    );
    expect(renamed.changes.map((c) => c.kind)).toStrictEqual(['schema-renamed']);
  });

  it('a required readOnly property added to a request body asks nothing of the caller: not breaking', () => {
    const obj = (extra: Record<string, unknown>, required: string[]) => ({ type: 'object', required, properties: { name: str, ...extra } });
    const added = diff(api({ request: obj({}, ['name']) }), api({ request: obj({ created: { type: 'string', readOnly: true } }, ['name', 'created']) }));
    // Before, request-property-added-required (breaking), though a request leaves a readOnly property out.
    expect(added.changes.map((c) => [c.kind, c.severity])).toStrictEqual([['request-property-added', 'non-breaking']]);
    const plain = diff(api({ request: obj({}, ['name']) }), api({ request: obj({ created: str }, ['name', 'created']) }));
    expect(plain.changes.map((c) => [c.kind, c.severity])).toStrictEqual([['request-property-added-required', 'breaking']]);
  });

  it("pairs a media type with its own parameters or case changed as one: application/json and application/json; charset=utf-8", () => {
    const body = (type: string, schema: unknown) => ({ requestBody: { required: true, content: { [type]: { schema } } } });
    expect(diff(api({ operation: body('application/json', holding(str)) }), api({ operation: body('Application/JSON; charset=utf-8', holding(str)) })).changes).toStrictEqual([]);
    // Compared as one: a change inside is found, at the new key.
    const changed = diff(api({ operation: body('application/json', holding(str)) }), api({ operation: body('application/json; charset=utf-8', holding({ type: 'integer' })) }));
    expect(changed.changes.map((c) => [c.kind, c.location])).toStrictEqual([['request-type-changed', 'request body application/json; charset=utf-8: value']]);
  });

  it("reads a union of required lists beside the properties (GitHub's one-of-these) as the object, requiring what every member requires", () => {
    const props = { type: 'object', properties: { source: str, branch: str } };
    const plain = diff(api({ request: { ...props, required: ['source'] } }), api({ request: { ...props, anyOf: [{ required: ['source'] }] } }));
    // Before, the member was compared as a shape without properties: source and branch removed, breaking.
    expect(plain.changes).toStrictEqual([]);
    const either = diff(api({ request: { ...props, required: ['source'] } }), api({ request: { ...props, anyOf: [{ required: ['source'] }, { required: ['branch'] }] } }));
    expect(either.changes.map((c) => [c.kind, c.severity, c.location])).toStrictEqual([['request-property-became-optional', 'non-breaking', `${REQ}: source`]]);
    // An anyOf and a oneOf both apply: each requires what all its members do (a review found them merged).
    const both = diff(api({ request: { ...props, required: ['source'] } }), api({ request: { ...props, anyOf: [{ required: ['source'] }], oneOf: [{ required: ['branch'] }, { required: ['branch'] }] } }));
    expect(both.changes.map((c) => [c.kind, c.severity, c.location])).toStrictEqual([['request-property-became-required', 'breaking', `${REQ}: branch`]]);
  });

  it("pairs path parameters by name when the path's template changes their number (GitHub's environment secret moved from /repositories/{repository_id}/ to /repos/{owner}/{repo}/)", () => {
    const doc = (path: string, names: readonly [string, string][]) => ({
      openapi: '3.1.0',
      info: { title: 'Secrets', version: '1.0.0' },
      paths: { [path]: { get: { operationId: 'get-secret', parameters: names.map(([name, type]) => ({ name, in: 'path', required: true, schema: { type } })), responses: { '204': { description: 'ok' } } } } },
    });
    const report = diff(
      doc('/repositories/{repository_id}/secrets/{secret_name}', [['repository_id', 'integer'], ['secret_name', 'string']]),
      doc('/repos/{owner}/{repo}/secrets/{secret_name}', [['owner', 'string'], ['repo', 'string'], ['secret_name', 'string']]),
      ALL,
    );
    // Before: "owner type changed from integer to string" and "required path secret_name parameter added".
    expect(report.changes.map((c) => [c.kind, c.location])).toStrictEqual([
      ['method-arguments-changed', 'operation'],
      ['operation-path-changed', 'operation'],
      ['request-parameter-added-required', 'parameter path owner'],
      ['request-parameter-added-required', 'parameter path repo'],
      ['request-parameter-removed', 'parameter path repository_id'],
    ]);
  });

  it('int64 and double added to a number, or dropped, are no change: they refuse nothing a JavaScript number holds (GitHub, 24 path parameters)', () => {
    expect(diff(api({ request: holding({ type: 'integer' }) }), api({ request: holding({ type: 'integer', format: 'int64' }) })).changes).toStrictEqual([]);
    expect(diff(api({ request: holding({ type: ['number', 'null'], format: 'double' }) }), api({ request: holding({ type: ['number', 'null'] }) })).changes).toStrictEqual([]);
  });

  it("reads a discriminator's values as OpenAPI does: a mapping that spells out the implicit values (the members' names) is no change", () => {
    const pets = { Dog: { type: 'object', properties: { kind: str } }, Cat: { type: 'object', properties: { kind: str } } };
    const union = (discriminator: Record<string, unknown>) => api({ request: { oneOf: [{ $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Cat' }], discriminator: { propertyName: 'kind', ...discriminator } }, schemas: pets });
    const spelled = { mapping: { Dog: '#/components/schemas/Dog', Cat: 'Cat' } };
    // A review found `Dog` and `Cat` reported removed (breaking) when the explicit mapping went.
    expect(diff(union(spelled), union({})).changes).toStrictEqual([]);
    expect(diff(union({}), union(spelled)).changes).toStrictEqual([]);
  });

  it('reads 3.0 nullable and 3.1 null types as the same', () => {
    const schemas30 = { Thing: { type: 'object', properties: { id: str } } };
    const old = api({
      openapi: '3.0.3',
      request: { type: 'object', properties: { name: { type: 'string', nullable: true }, label: { type: 'string', nullable: true }, thing: { allOf: [{ $ref: '#/components/schemas/Thing' }], nullable: true }, size: { type: 'integer', minimum: 1, exclusiveMinimum: true } } },
      schemas: schemas30,
    });
    const next = api({
      request: { type: 'object', properties: { name: { type: ['string', 'null'] }, label: { anyOf: [str, { type: 'null' }] }, thing: { anyOf: [{ $ref: '#/components/schemas/Thing' }, { type: 'null' }] }, size: { type: 'integer', exclusiveMinimum: 1 } } },
      schemas: schemas30,
    });
    expect(diff(old, next).changes).toStrictEqual([]);
  });

  it('ignores a description that was only re-wrapped', () => {
    const old = api({ request: holding({ type: 'string', description: 'The name\nof the thing.' }) });
    const next = api({ request: holding({ type: 'string', description: '  The name of the   thing.\n' }) });
    expect(diff(old, next).changes).toStrictEqual([]);
  });

  it('treats `items` without `type: array`, a one-member allOf and a reference to an equal schema as no change', () => {
    const old = api({ request: { type: 'object', properties: { tags: { items: str }, thing: { allOf: [{ type: 'object', properties: { id: str } }] } } } });
    const next = api({ request: { type: 'object', properties: { tags: { type: 'array', items: str }, thing: { $ref: '#/components/schemas/Thing' } } }, schemas: { Thing: { type: 'object', properties: { id: str } } } });
    expect(diff(old, next).changes).toStrictEqual([]);
  });
});

describe('diff: shared schemas and references', () => {
  const twoOperations = (thing: object) =>
    api({
      response: { $ref: '#/components/schemas/Thing' },
      schemas: { Thing: thing },
      paths: { '/things/{id}': { get: { operationId: 'get-thing', parameters: [{ name: 'id', in: 'path', required: true, schema: str }], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } } } } },
    });

  it('reports a change inside a shared schema at every operation that reaches it, with pointers in both documents', () => {
    const report = diff(twoOperations({ type: 'object', properties: { id: str, name: str } }), twoOperations({ type: 'object', properties: { id: str } }), ALL);
    expect(report.changes.map((c) => [c.operation, c.operationId, c.kind, c.direction, c.location, c.pointers])).toStrictEqual([
      ['GET /things/{id}', 'get-thing', 'response-property-removed', 'response', `${RES}: name`, { old: '#/components/schemas/Thing/properties/name', new: '#/components/schemas/Thing/properties' }],
      ['POST /things', 'create-thing', 'response-property-removed', 'response', `${RES}: name`, { old: '#/components/schemas/Thing/properties/name', new: '#/components/schemas/Thing/properties' }],
    ]);
  });

  it('points an addition at the parent that gained it in the old document', () => {
    const report = diff(api({ request: { type: 'object', properties: { a: str } } }), api({ request: { type: 'object', properties: { a: str, b: str } } }));
    expect(report.changes[0]!.pointers).toStrictEqual({
      old: '#/paths/~1things/post/requestBody/content/application~1json/schema/properties',
      new: '#/paths/~1things/post/requestBody/content/application~1json/schema/properties/b',
    });
  });

  it('reports a renamed schema whose structure also changed as the structural changes, not a rename', () => {
    const report = diff(
      api({ request: { $ref: '#/components/schemas/Thing' }, schemas: { Thing: { type: 'object', properties: { a: str } } } }),
      api({ request: { $ref: '#/components/schemas/Item' }, schemas: { Item: { type: 'object', properties: { a: str, b: str } } } }),
    );
    expect(report.changes.map((c) => c.kind)).toStrictEqual(['request-property-added']);
  });

  it('keeps a rename to one change even when the renamed schema is used in request and response', () => {
    const thing = { type: 'object', properties: { a: str } };
    const report = diff(
      api({ request: { $ref: '#/components/schemas/Thing' }, response: { $ref: '#/components/schemas/Thing' }, schemas: { Thing: thing } }),
      api({ request: { $ref: '#/components/schemas/Item' }, response: { $ref: '#/components/schemas/Item' }, schemas: { Item: { ...thing, description: 'Renamed.' } } }),
    );
    expect(report.changes.map((c) => [c.kind, c.direction, c.location])).toStrictEqual([
      ['schema-renamed', 'request', REQ],
      ['schema-renamed', 'response', RES],
      ['description-changed', 'request', REQ],
      ['description-changed', 'response', RES],
    ]);
  });

  it('terminates on recursive schemas and still finds a change deep inside', () => {
    const node = (extra: object) => ({ type: 'object', properties: { value: str, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } }, ...extra } });
    const report = diff(api({ response: { $ref: '#/components/schemas/Node' }, schemas: { Node: node({}) } }), api({ response: { $ref: '#/components/schemas/Node' }, schemas: { Node: node({ weight: { type: 'number' } }) } }));
    expect(report.changes.map((c) => [c.kind, c.location])).toStrictEqual([['response-property-added', `${RES}: weight`]]);
  });

  it('follows references to parameters, request bodies and responses', () => {
    const components = (limit: object) => ({
      parameters: { Limit: { name: 'limit', in: 'query', schema: limit } },
      requestBodies: { Body: { required: true, content: { 'application/json': { schema: holding(str) } } } },
      responses: { Ok: { description: 'ok', content: { 'application/json': { schema: holding(str) } } } },
    });
    const doc = (limit: object) =>
      api({ operation: { parameters: [{ $ref: '#/components/parameters/Limit' }], requestBody: { $ref: '#/components/requestBodies/Body' }, responses: { '200': { $ref: '#/components/responses/Ok' } } }, root: { components: components(limit) } });
    const report = diff(doc({ type: 'integer' }), doc({ type: 'integer', maximum: 100 }));
    expect(report.changes.map((c) => [c.kind, c.location, c.pointers.new])).toStrictEqual([['request-constraint-tightened', 'parameter query limit', '#/components/parameters/Limit/schema/maximum']]);
  });
});

describe('diff: selection and the report', () => {
  it('reports an operation the selection names that exists only in the old document as removed', () => {
    const old = api({ paths: { '/others': { get: { operationId: 'list-others', responses: { '200': { description: 'ok' } } } } } });
    const report = diff(old, api(), { include: [{ by: 'operationId', pattern: 'list-others' }], exclude: [] });
    expect(report.changes.map((c) => [c.kind, c.operation])).toStrictEqual([['operation-removed', 'GET /others']]);
    expect(report.semver).toBe('major');
  });

  it('fails with a located diagnostic when a filter matches in neither document', () => {
    const run = () => diff(api(), api(), { include: [{ by: 'operationId', pattern: 'nope' }], exclude: [] });
    expect(run).toThrow(MorphError);
    try {
      run();
    } catch (error) {
      expect((error as MorphError).diagnostics.map((d) => [d.code, d.message, d.location?.file, d.location?.pointer])).toStrictEqual([
        ['OM302', 'no operation in old.yaml or new.yaml matches operationId "nope"', 'new.yaml', '#/paths'],
      ]);
    }
  });

  it('derives semver from the worst change: docs only is a patch, nothing is none', () => {
    expect(diff(api({ operation: { summary: 'Make a thing' } }), api({ operation: { summary: 'Create a thing' } })).semver).toBe('patch');
    expect(diff(api(), api())).toStrictEqual({ breaking: false, semver: 'none', changes: [] });
  });

  it('turns a report into changelog entries shaped like Release.changes', () => {
    const report = diff(api({ request: holding(str) }), api({ request: holding(str, true) }));
    expect(toReleaseChanges(report)).toStrictEqual([{ severity: 'breaking', message: `${REQ}: value: property value is now required`, operation: 'POST /things' }]);
  });
});
