import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../generator/config/resolve.ts';
import { diffPackages } from '../../generator/diff/index.ts';
import type { JsonObject } from '../../generator/json.ts';
import { api, loadFixture } from './fixtures.ts';

/**
 * The spec rules and the TypeScript surface together, through the real pipeline: each document is
 * rendered into a package in memory and the packages' APIs are compared. These cases are the
 * reason for the second layer: a change that is harmless on the wire but breaks TypeScript code.
 */
const config = resolveConfig({ spec: 'unused.yaml', package: { name: 'things-client' } }, tmpdir(), undefined);

async function diff(old: JsonObject, next: JsonObject) {
  const { report } = await diffPackages(loadFixture('old.yaml', old), loadFixture('new.yaml', next), config);
  return report;
}

const thing = { type: 'object', properties: { id: { type: 'string' } } };

describe('diff of the generated packages', () => {
  it('adds nothing when the spec rules already reported the change', async () => {
    const report = await diff(api({ request: { $ref: '#/components/schemas/Thing' }, schemas: { Thing: thing } }), api({ request: { $ref: '#/components/schemas/Thing' }, schemas: { Thing: { ...thing, required: ['id'] } } }));
    expect(report.changes.map((c) => [c.source, c.kind, c.severity])).toStrictEqual([['spec', 'request-property-became-required', 'breaking']]);
  });

  it("leaves an error map's entries to the spec rules: an operation added, an error status added (before, each also a breaking member of the map)", async () => {
    const problem = { description: 'Not there.', content: { 'application/json': { schema: { type: 'object', properties: { message: { type: 'string' } } } } } };
    const listing = { get: { operationId: 'list-things', responses: { '200': { description: 'The things.' } } } };
    const withList = await diff(api(), api({ paths: { '/things/list': listing } }));
    expect(withList.changes.map((c) => [c.source, c.kind, c.severity, c.operation])).toStrictEqual([['spec', 'operation-added', 'non-breaking', 'GET /things/list']]);
    const ok = ((api()['paths'] as JsonObject)['/things'] as { post: { responses: JsonObject } }).post.responses['200'];
    const withStatus = await diff(api(), api({ operation: { responses: { '200': ok, '404': problem } } }));
    expect(withStatus.changes.map((c) => [c.source, c.kind, c.severity])).toStrictEqual([['spec', 'response-error-status-added', 'non-breaking']]);
    expect([withList.semver, withStatus.semver]).toStrictEqual(['minor', 'minor']);
  });

  it("leaves a change inside an error map's entry to the spec rules where they report the operation (GitHub's 422 that became a oneOf: three wrong `.<0>` entries beside the right one)", async () => {
    const validation = { type: 'object', properties: { message: { type: 'string' }, errors: { type: 'array', items: { type: 'string' } } } };
    const violation = { type: 'object', properties: { message: { type: 'string' }, status: { type: 'string' } } };
    const ok = ((api()['paths'] as JsonObject)['/things'] as { post: { responses: JsonObject } }).post.responses['200'];
    const invalid = (schema: JsonObject) => ({ description: 'Invalid.', content: { 'application/json': { schema } } });
    const schemas = { ValidationError: validation, RuleViolation: violation };
    const report = await diff(
      api({ schemas, operation: { responses: { '200': ok, '422': invalid({ $ref: '#/components/schemas/ValidationError' }) } } }),
      api({ schemas, operation: { responses: { '200': ok, '422': invalid({ oneOf: [{ $ref: '#/components/schemas/ValidationError' }, { $ref: '#/components/schemas/RuleViolation' }] }) } } }),
    );
    expect(report.changes.map((c) => [c.source, c.kind])).toStrictEqual([['spec', 'response-union-member-added']]);
  });

  it('a method moved to another class by a tag change: the spec rules report it (so sync and release do), the class exports left to the TypeScript layer', async () => {
    const report = await diff(api({ operation: { tags: ['Things'] } }), api({ operation: { tags: ['Items'] } }));
    expect(report.changes.map((c) => [c.source, c.kind, c.severity, c.location, c.operation])).toStrictEqual([
      // The class's error map (a type export) moves with it.
      ['typescript', 'ts-export-removed', 'breaking', 'ThingsApiErrors', null],
      ['typescript', 'ts-export-added', 'non-breaking', 'ItemsApiErrors', null],
      ['spec', 'operation-class-changed', 'breaking', 'operation', 'POST /things'],
    ]);
    expect(report.semver).toBe('major');
  });

  it('names an export removed even where a spec change inside its schema is reported (GHES dropped MinimalRepository beside a property of it; the removal went unnamed)', async () => {
    const conduct = { type: 'object', properties: { key: { type: 'string' } } };
    const repo = { type: 'object', properties: { id: { type: 'string' }, conduct: { $ref: '#/components/schemas/Conduct' } } };
    const report = await diff(
      api({ response: { $ref: '#/components/schemas/Repo' }, schemas: { Repo: repo, Conduct: conduct } }),
      api({ response: { type: 'object', properties: { id: { type: 'string' } } } }),
    );
    expect(report.changes.filter((c) => c.kind === 'ts-export-removed').map((c) => c.location)).toStrictEqual(['Conduct', 'Repo']);
  });

  it('reports an export that a new schema took the name of, which the spec rules see as one added property', async () => {
    // `thing_info` is exported as ThingInfo until a schema really called ThingInfo arrives and
    // claims the name: the old type is now ThingInfo2, and code importing ThingInfo gets another type.
    const info = { type: 'object', properties: { size: { type: 'integer' } } };
    const other = { type: 'object', properties: { label: { type: 'string' } }, required: ['label'] };
    const response = (extra: JsonObject) => ({ type: 'object', properties: { info: { $ref: '#/components/schemas/thing_info' }, ...extra } });
    const report = await diff(
      api({ response: response({}), schemas: { thing_info: info } }),
      api({ response: response({ other: { $ref: '#/components/schemas/ThingInfo' } }), schemas: { thing_info: info, ThingInfo: other } }),
    );
    // Package-level changes (no operation) sort first.
    expect(report.changes.map((c) => [c.source, c.kind, c.severity, c.location])).toStrictEqual([
      ['typescript', 'ts-property-removed', 'breaking', 'ThingInfo.size'],
      ['typescript', 'ts-export-added', 'non-breaking', 'ThingInfo2'],
      ['spec', 'response-property-added', 'non-breaking', 'response 200 application/json: other'],
    ]);
    expect(report.breaking).toBe(true);
  });
});
