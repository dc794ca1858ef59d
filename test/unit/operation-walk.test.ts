/**
 * The one walk over a document's operations (generator/openapi/operations.ts), used by select,
 * model and diff: order, what it skips, and what it hands back to its caller.
 */
import { describe, expect, it } from 'vitest';
import { walkOperations, type UnmodelledOperation } from '../../generator/openapi/operations.ts';
import type { JsonObject } from '../../generator/json.ts';

const inline = { pathItem: (item: unknown) => (item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as JsonObject) : undefined) };
const keys = (paths: JsonObject): string[] => walkOperations(paths, inline).map((e) => `${e.method} ${e.path}`);

describe('walkOperations', () => {
  it('walks paths in document order and methods in HTTP order, whatever their order in the path item', () => {
    const paths = {
      '/b': { trace: {}, patch: {}, head: {}, options: {}, delete: {}, post: {}, put: {}, get: {} },
      '/a': { post: {}, get: {} },
    };
    expect(keys(paths)).toStrictEqual(['get /b', 'put /b', 'post /b', 'delete /b', 'options /b', 'head /b', 'patch /b', 'trace /b', 'get /a', 'post /a']);
  });

  it('reads operationId, string tags and pointers, and keeps the path item', () => {
    const pathItem = { summary: 's', get: { operationId: 'list', tags: ['A', 7, 'B'] } };
    const [entry, ...rest] = walkOperations({ '/v1/{id}': pathItem }, inline);
    expect(rest).toStrictEqual([]);
    expect(entry).toStrictEqual({
      path: '/v1/{id}',
      method: 'get',
      operationId: 'list',
      tags: ['A', 'B'],
      operation: pathItem.get,
      pathItem,
      pointer: '#/paths/~1v1~1{id}/get',
    });
  });

  it('tags that are not a list read as none; no operationId reads as undefined', () => {
    const [entry] = walkOperations({ '/x': { get: { tags: 'A' } } }, inline);
    expect(entry?.tags).toStrictEqual([]);
    expect(entry?.operationId).toBeUndefined();
  });

  it('skips members that are not methods, and path items the caller does not resolve', () => {
    expect(keys({ '/x': { parameters: [], summary: 'x', servers: [], query: {}, get: {} }, '/y': 'not a path item' })).toStrictEqual(['get /x']);
  });

  it('walks the path item the caller resolves, with the pointer of the paths member', () => {
    const target = { get: {} };
    const seen: string[] = [];
    const entries = walkOperations({ '/a~b': { $ref: '#/x' } }, { pathItem: (_item, at) => (seen.push(at), target) });
    expect(seen).toStrictEqual(['#/paths/~1a~0b']);
    expect(entries.map((e) => [e.pathItem, e.pointer])).toStrictEqual([[target, '#/paths/~1a~0b/get']]);
  });

  it('hands back operations that are not mappings, and leaves them out', () => {
    const invalid: string[] = [];
    const entries = walkOperations({ '/x': { get: 'nope', put: null, post: {} } }, { ...inline, invalidOperation: (method, path, at) => invalid.push(`${method} ${path} ${at}`) });
    expect(invalid).toStrictEqual(['get /x #/paths/~1x/get', 'put /x #/paths/~1x/put']);
    expect(entries.map((e) => e.method)).toStrictEqual(['post']);
  });

  it('hands back 3.2 query and additionalOperations (query first, upper case) and does not return them', () => {
    const unmodelled: UnmodelledOperation[] = [];
    const entries = walkOperations(
      { '/x': { additionalOperations: { copy: { operationId: 'copyX', tags: ['T'] }, bad: 'no' }, query: { operationId: 'q' }, get: {} } },
      { ...inline, unmodelled: (operation) => unmodelled.push(operation) },
    );
    expect(entries.map((e) => e.method)).toStrictEqual(['get']);
    expect(unmodelled).toStrictEqual([
      { method: 'QUERY', path: '/x', operationId: 'q', tags: [], pointer: '#/paths/~1x/query' },
      { method: 'COPY', path: '/x', operationId: 'copyX', tags: ['T'], pointer: '#/paths/~1x/additionalOperations/copy' },
    ]);
  });

  it('additionalOperations that is not a mapping adds nothing', () => {
    const unmodelled: UnmodelledOperation[] = [];
    walkOperations({ '/x': { additionalOperations: ['copy'], get: {} } }, { ...inline, unmodelled: (operation) => unmodelled.push(operation) });
    expect(unmodelled).toStrictEqual([]);
  });
});
