import { describe, expect, it } from 'vitest';
import { MorphError } from '../../generator/diagnostics/diagnostic.ts';
import { select, type Selection } from '../../generator/select/index.ts';
import { specFrom } from '../helpers/spec-doc.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const op = (operationId: string, tags: string[], body?: object, response?: object) => ({
  operationId,
  tags,
  ...(body ? { requestBody: json(body) } : {}),
  responses: { '200': { description: 'ok', ...(response ? json(response) : {}) } },
});

const DOC = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  tags: [{ name: 'A' }, { name: 'B' }, { name: 'Unused' }],
  security: [{ Key: [] }],
  'x-root-extension': { big: true },
  paths: {
    '/b/items': { get: op('list-b', ['B'], undefined, ref('List')) },
    '/a/items': {
      parameters: [{ $ref: '#/components/parameters/Page' }],
      post: op('create-a', ['A'], ref('Item'), ref('Item')),
      get: op('list-a', ['A'], undefined, ref('List')),
    },
    '/a/items/{id}': { delete: op('delete-a', ['A']) },
  },
  webhooks: { ping: { post: op('ping', ['A'], ref('Orphan')) } },
  components: {
    securitySchemes: { Key: { type: 'http', scheme: 'bearer' }, Other: { type: 'http', scheme: 'basic' } },
    parameters: { Page: { name: 'page', in: 'query', schema: ref('PageNumber') } },
    schemas: {
      Item: { type: 'object', properties: { tag: ref('Tag'), kind: { oneOf: [ref('Dog'), ref('Cat')], discriminator: { propertyName: 't', mapping: { fish: '#/components/schemas/Fish' } } } } },
      Tag: { type: 'string', example: { $ref: '#/components/schemas/NotARef' } },
      Dog: { type: 'object', properties: { self: ref('Dog') } },
      Cat: { type: 'object' },
      Fish: { type: 'object' },
      List: { type: 'array', items: ref('Item') },
      PageNumber: { type: 'integer' },
      Orphan: { type: 'string' },
    },
  },
};

const run = (selection: Selection) => select(specFrom(DOC), selection);
const ops = (selection: Selection) => run(selection).operations.map((o) => o.operationId);

describe('select: operations', () => {
  it.each([
    { name: 'by operationId', include: [{ by: 'operationId' as const, pattern: 'create-a' }], want: ['create-a'] },
    { name: 'by tag', include: [{ by: 'tag' as const, pattern: 'A' }], want: ['list-a', 'create-a', 'delete-a'] },
    { name: 'by path glob', include: [{ by: 'path' as const, pattern: '/a/*' }], want: ['list-a', 'create-a', 'delete-a'] },
    { name: 'by exact path', include: [{ by: 'path' as const, pattern: '/a/items' }], want: ['list-a', 'create-a'] },
    { name: 'by regexp', include: [{ by: 'operationId' as const, pattern: /^list-/ }], want: ['list-b', 'list-a'] },
  ])('$name', ({ include, want }) => expect(ops({ include, exclude: [] })).toStrictEqual(want));

  it('excludes win over includes', () => {
    expect(ops({ include: 'all', exclude: [{ by: 'tag', pattern: 'B' }, { by: 'operationId', pattern: 'delete-*' }] })).toStrictEqual(['list-a', 'create-a']);
  });

  it('never selects webhooks', () => {
    expect(ops({ include: 'all', exclude: [] })).not.toContain('ping');
  });
});

describe('select: the subset is the closure of what the operations reach', () => {
  it('keeps reached components (refs, path-level parameters, discriminator mappings, recursion, security) and nothing else', () => {
    const { document, closure } = run({ include: [{ by: 'operationId', pattern: 'create-a' }], exclude: [] });
    const components = document['components'] as Record<string, Record<string, unknown>>;
    expect(Object.keys(components['schemas']!)).toStrictEqual(['Cat', 'Dog', 'Fish', 'Item', 'PageNumber', 'Tag']);
    expect(Object.keys(components['parameters']!)).toStrictEqual(['Page']);
    expect(Object.keys(components['securitySchemes']!)).toStrictEqual(['Key']);
    expect(closure.reachedBy.get('schemas/Tag')).toStrictEqual({ from: 'schemas/Item', at: '#/components/schemas/Item/properties/tag/$ref' });
    expect(closure.reachedBy.get('schemas/Item')?.from).toBe('POST /a/items');
  });

  it('drops unused tags, webhooks, root extensions and other operations; keys in a stable order', () => {
    const { document } = run({ include: [{ by: 'tag', pattern: 'A' }], exclude: [] });
    expect(Object.keys(document)).toStrictEqual(['openapi', 'info', 'tags', 'paths', 'components', 'security']);
    expect(document['tags']).toStrictEqual([{ name: 'A' }]);
    expect(Object.keys(document['paths'] as object)).toStrictEqual(['/a/items', '/a/items/{id}']);
    expect(Object.keys((document['paths'] as Record<string, object>)['/a/items']!)).toStrictEqual(['parameters', 'get', 'post']);
    expect(Object.keys((document['components'] as Record<string, object>)['schemas']!)).not.toContain('Orphan');
  });

  it('does not follow "$ref" inside example data', () => {
    const { closure } = run({ include: [{ by: 'operationId', pattern: 'create-a' }], exclude: [] });
    expect(closure.components).not.toContain('schemas/NotARef');
  });
});

describe('select: problems are reported all at once', () => {
  const problems = (selection: Selection, doc: object = DOC) => {
    try {
      select(specFrom(doc), selection);
      return [];
    } catch (error) {
      return (error as MorphError).diagnostics.map((d) => `${d.code} ${d.location?.pointer ?? ''}`);
    }
  };

  it('an include filter that matches nothing', () => {
    expect(problems({ include: [{ by: 'operationId', pattern: 'create-a' }, { by: 'tag', pattern: 'Nope' }], exclude: [] })).toStrictEqual(['OM302 #/paths']);
  });

  it('a selection emptied by excludes', () => {
    expect(problems({ include: [{ by: 'tag', pattern: 'B' }], exclude: [{ by: 'tag', pattern: 'B' }] })).toStrictEqual(['OM300 #/paths']);
  });

  it('missing targets and refs outside components, each at its pointer', () => {
    const broken = structuredClone(DOC) as typeof DOC & { paths: Record<string, unknown> };
    broken.paths['/b/items'] = { get: op('list-b', ['B'], undefined, { $ref: '#/components/schemas/Missing' }) };
    (broken.components.schemas as Record<string, unknown>)['Cat'] = { $ref: '#/paths/~1a~1items' };
    expect(problems({ include: 'all', exclude: [] }, broken)).toStrictEqual([
      'OM208 #/paths/~1b~1items/get/responses/200/content/application~1json/schema/$ref',
      'OM209 #/components/schemas/Cat/$ref',
    ]);
  });
});
