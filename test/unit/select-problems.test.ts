/**
 * What the select stage refuses, and what `--all` picks from a document without operations, one
 * case per row with the exact diagnostics (code, pointer, message): pure $ref loops, security
 * schemes nobody defines, references that cannot be followed, malformed paths, operations the
 * client cannot call, duplicate operationIds.
 */
import { describe, expect, it } from 'vitest';
import { MorphError } from '../../generator/diagnostics/diagnostic.ts';
import { select, type Selection } from '../../generator/select/index.ts';
import { specFrom } from '../helpers/spec-doc.ts';

const ok = { '200': { description: 'ok' } };
const all: Selection = { include: 'all', exclude: [] };
const doc = (paths: unknown, more: object = {}) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths, ...more });
const bare = (more: object) => ({ openapi: '3.2.0', info: { title: 't', version: '1' }, ...more });
/** A GET whose 200 response is schema `name`. */
const uses = (name: string, operationId = 'g') => ({ operationId, responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } } } });
const schemas = (given: object) => ({ components: { schemas: given } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const LOOP = 'only refer to each other (a $ref loop with no type in it): no value has this type; give one of them a type';
const EXTERNAL_OFF = 'set refs: { external: true } in the config to allow files under the spec folder';

/** The diagnostics select reports, as `code pointer message`; [] when it succeeds. */
function problems(document: object, selection: Selection = all): string[] {
  try {
    select(specFrom(document), selection);
    return [];
  } catch (error) {
    if (!(error instanceof MorphError)) throw error;
    return error.diagnostics.map((d) => `${d.code} ${d.location?.pointer ?? ''} ${d.message}`);
  }
}

describe('pure $ref loops (OM214)', () => {
  it.each([
    { name: 'a schema that is only a $ref to itself', given: { S: ref('S') }, want: [`OM214 #/components/schemas/S/$ref schemas S -> S ${LOOP}`] },
    {
      name: 'through a one-member allOf, with annotations and extensions beside the $ref; reached from outside the loop, reported once, from the first name',
      given: { D: ref('B'), B: { ...ref('A'), description: 'x', title: 'B', 'x-y': 1 }, A: { allOf: [ref('B')] } },
      want: [`OM214 #/components/schemas/A/allOf/0/$ref schemas A -> B -> A ${LOOP}`],
    },
    {
      name: 'two loops, each reported at its own first schema',
      given: { A: ref('B'), B: ref('A'), Y: ref('Z'), Z: { oneOf: [ref('Y')] } },
      roots: ['A', 'Y'],
      want: [`OM214 #/components/schemas/A/$ref schemas A -> B -> A ${LOOP}`, `OM214 #/components/schemas/Y/$ref schemas Y -> Z -> Y ${LOOP}`],
    },
    { name: 'through a one-member anyOf', given: { A: { anyOf: [ref('A')] } }, want: [`OM214 #/components/schemas/A/anyOf/0/$ref schemas A -> A ${LOOP}`] },
    { name: 'a chain that ends in a type is no loop', given: { A: ref('B'), B: { anyOf: [ref('C')] }, C: { type: 'string' } }, want: [] },
    { name: 'a two-member oneOf is a type', given: { A: { oneOf: [ref('A'), { type: 'null' }] } }, want: [] },
    { name: 'a keyword beside the $ref is a type', given: { A: { ...ref('A'), type: 'object' } }, want: [] },
    { name: 'an allOf member that is no $ref', given: { A: { allOf: [{ type: 'string' }] } }, want: [] },
    { name: 'an allOf that is no list', given: { A: { allOf: ref('A') } }, want: [] },
    { name: 'a loop through another component type is not followed', given: { A: { $ref: '#/components/parameters/P' } }, more: { parameters: { P: { name: 'p', in: 'query', schema: ref('A') } } }, want: [] },
  ])('$name', ({ given, more, roots, want }) => {
    // Operations reach the first schema, or each of `roots`.
    const paths = Object.fromEntries((roots ?? [Object.keys(given)[0]!]).map((name) => [`/${name}`, { get: uses(name, name) }]));
    expect(problems(doc(paths, { components: { schemas: given, ...more } }))).toStrictEqual(want);
  });

  it.each(['title', 'description', 'summary', 'deprecated', 'example', 'examples', 'default', 'readOnly', 'writeOnly', 'nullable', '$comment', 'x-anything'])(
    'an annotation beside the $ref (%s) leaves it an alias, so the loop is reported',
    (annotation) => {
      const given = { A: { ...ref('B'), [annotation]: true }, B: { allOf: [{ ...ref('A'), [annotation]: true }] } };
      expect(problems(doc({ '/a': { get: uses('A', 'a') } }, schemas(given)))).toStrictEqual([`OM214 #/components/schemas/A/$ref schemas A -> B -> A ${LOOP}`]);
    },
  );

  it('a component that is no schema is never part of a loop', () => {
    const given = doc({ '/a': { get: { operationId: 'a', parameters: [{ $ref: '#/components/parameters/P' }], responses: ok } } }, { components: { parameters: { P: { $ref: '#/components/parameters/P' } } } });
    expect(problems(given)).toStrictEqual([]);
  });

  it('a loop no selected operation reaches is not reported', () => {
    expect(problems(doc({ '/x': { get: uses('T') } }, schemas({ T: { type: 'string' }, A: ref('B'), B: ref('A') })))).toStrictEqual([]);
  });
});

describe('references and security that cannot be followed', () => {
  it.each([
    {
      name: 'a scheme nobody defines, named at several places, is one problem that counts the others',
      given: doc({
        '/a': { get: { operationId: 'a', security: [{ Nope: [] }], responses: ok }, post: { operationId: 'b', security: [{ Nope: [] }], responses: ok } },
        '/c': { get: { operationId: 'c', security: [{ Nope: [] }, { Other: [] }], responses: ok } },
      }),
      want: [
        'OM208 #/paths/~1a/get/security security requirement names scheme "Nope", which #/components/securitySchemes does not define (named at 2 more places)',
        'OM208 #/paths/~1c/get/security security requirement names scheme "Other", which #/components/securitySchemes does not define',
      ],
    },
    {
      name: 'one more place is singular',
      given: doc({ '/a': { get: { operationId: 'a', security: [{ Nope: [] }], responses: ok } }, '/b': { get: { operationId: 'b', security: [{ Nope: [] }], responses: ok } } }),
      want: ['OM208 #/paths/~1a/get/security security requirement names scheme "Nope", which #/components/securitySchemes does not define (named at 1 more place)'],
    },
    {
      name: 'root security named by several operations is one place',
      given: doc({ '/a': { get: { operationId: 'a', responses: ok }, post: { operationId: 'b', responses: ok } } }, { security: [{ Nope: [] }] }),
      want: ['OM208 #/security security requirement names scheme "Nope", which #/components/securitySchemes does not define'],
    },
    {
      name: 'an external $ref',
      given: doc({ '/a': { get: { operationId: 'a', responses: { '200': { $ref: 'other.yaml#/R' } } } } }),
      want: [`OM207 #/paths/~1a/get/responses/200/$ref external $ref "other.yaml#/R" refused: external references are off (${EXTERNAL_OFF})`],
    },
    {
      name: 'a $ref outside the components',
      given: doc({ '/a': { get: { operationId: 'a', responses: { '200': { $ref: '#/paths/~1b' } } } } }),
      want: ['OM209 #/paths/~1a/get/responses/200/$ref $ref "#/paths/~1b" must point into #/components/<type>/<name>'],
    },
    {
      name: 'a $ref to a component type OpenAPI does not have',
      given: doc({ '/a': { get: { operationId: 'a', responses: { '200': { $ref: '#/components/things/T' } } } } }, { components: { things: { T: {} } } }),
      want: ['OM209 #/paths/~1a/get/responses/200/$ref $ref "#/components/things/T" must point into #/components/<type>/<name>'],
    },
    {
      name: 'a $ref to a component group, not a component',
      given: doc({ '/a': { get: { operationId: 'a', responses: { '200': { $ref: '#/components/responses' } } } } }, { components: { responses: { R: ok['200'] } } }),
      want: ['OM209 #/paths/~1a/get/responses/200/$ref $ref "#/components/responses" must point into #/components/<type>/<name>'],
    },
    {
      name: 'a $ref to a missing component',
      given: doc({ '/a': { get: { operationId: 'a', responses: { '200': { $ref: '#/components/responses/R' } } } } }),
      want: ['OM208 #/paths/~1a/get/responses/200/$ref $ref "#/components/responses/R" points to nothing in test.yaml'],
    },
    {
      name: 'a path item $ref to nothing',
      given: doc({ '/a': { $ref: '#/components/pathItems/P' } }),
      want: ['OM208 #/paths/~1a/$ref path item $ref "#/components/pathItems/P" cannot be resolved'],
    },
    {
      name: 'an external path item $ref',
      given: doc({ '/a': { $ref: 'x.yaml#/P' } }),
      want: [`OM207 #/paths/~1a/$ref path item $ref "x.yaml#/P" cannot be resolved (external references are off: ${EXTERNAL_OFF})`],
    },
  ])('$name', ({ given, want }) => {
    expect(problems(given)).toStrictEqual(want);
  });
});

describe('discriminator mappings that name no schema of the document (OM215)', () => {
  const body = (mapping: Record<string, string>) => ({ '/a': { post: { operationId: 'p', requestBody: { content: { 'application/json': { schema: { oneOf: [ref('A')], discriminator: { propertyName: 'type', mapping } } } } }, responses: ok } } });
  const warnings = (mapping: Record<string, string>) => select(specFrom(doc(body(mapping), schemas({ A: { type: 'object' }, B: { type: 'object' } }))), all).warnings.map((d) => `${d.code} ${d.severity} ${d.location?.pointer} ${d.message}`);
  const at = '#/paths/~1a/post/requestBody/content/application~1json/schema/discriminator/mapping';

  it('warn once per mapping, naming the first three entries, instead of refusing the document', () => {
    expect(warnings({ a: 'models/a.yml#/A' })).toEqual([`OM215 warning ${at}/a an entry of this discriminator mapping names no component schema of test.yaml ("models/a.yml#/A"); ignored`]);
    const five = { a: 'x.yml#/a', b: '#/b', c: '#/components/schemas/C', d: '#/components/responses/D', e: 'other/e.yml' };
    expect(warnings(five)).toEqual([`OM215 warning ${at}/a 5 entries of this discriminator mapping name no component schema of test.yaml ("x.yml#/a", "#/b", "#/components/schemas/C", and 2 more); ignored`]);
  });

  it('count an entry once, however many operations share it (a path item parameter)', () => {
    const parameter = { name: 'f', in: 'query', schema: { oneOf: [ref('A')], discriminator: { propertyName: 'type', mapping: { a: 'a.yml#/A' } } } };
    const item = { parameters: [parameter], get: { operationId: 'g', responses: ok }, put: { operationId: 'p', responses: ok }, delete: { operationId: 'd', responses: ok } };
    const found = select(specFrom(doc({ '/a': item }, schemas({ A: { type: 'object' } }))), all).warnings.map((d) => d.message);
    expect(found).toEqual(['an entry of this discriminator mapping names no component schema of test.yaml ("a.yml#/A"); ignored']);
  });

  it("follow an entry that names a schema, so it is in the subset; a $ref elsewhere to another file is still refused", () => {
    const selected = select(specFrom(doc(body({ b: '#/components/schemas/B' }), schemas({ A: { type: 'object' }, B: { type: 'object' } }))), all);
    expect(selected.warnings).toEqual([]);
    expect(selected.closure.components).toEqual(['schemas/A', 'schemas/B']);
    expect(problems(doc({ '/a': { get: uses('A') } }, schemas({ A: { $ref: 'a.yml#/A' } })))).toEqual([`OM207 #/components/schemas/A/$ref external $ref "a.yml#/A" refused: external references are off (${EXTERNAL_OFF})`]);
  });
});

describe('malformed paths and operations the client cannot call', () => {
  it.each([
    { name: 'paths that is no mapping', given: doc([]), want: ['OM206 #/paths "paths" must be a mapping'] },
    { name: 'a path item that is no mapping', given: doc({ '/a': 'text', '/b': { get: { operationId: 'b', responses: ok } } }), want: ['OM206 #/paths/~1a a path item must be a mapping'] },
    { name: 'an operation that is no mapping', given: doc({ '/a': { get: 1, post: { operationId: 'b', responses: ok } } }), want: ['OM206 #/paths/~1a/get GET /a must be a mapping'] },
    {
      name: 'QUERY and additionalOperations, selected',
      given: bare({ paths: { '/a': { query: { operationId: 'q', responses: ok }, additionalOperations: { COPY: { operationId: 'c', responses: ok } }, get: { operationId: 'g', responses: ok } } } }),
      want: [
        'OM304 #/paths/~1a/query QUERY /a cannot be generated: the client (openapi-fetch) has no QUERY method; exclude it from the selection',
        'OM304 #/paths/~1a/additionalOperations/COPY COPY /a cannot be generated: the client (openapi-fetch) has no COPY method; exclude it from the selection',
      ],
    },
    {
      name: 'a QUERY alone is refused by name, not as an empty selection',
      given: bare({ paths: { '/a': { query: { operationId: 'q', responses: ok } } } }),
      want: ['OM304 #/paths/~1a/query QUERY /a cannot be generated: the client (openapi-fetch) has no QUERY method; exclude it from the selection'],
    },
    {
      name: 'the same operationId three times',
      given: doc({ '/a': { get: { operationId: 'x', responses: ok }, post: { operationId: 'x', responses: ok } }, '/b': { get: { operationId: 'x', responses: ok } } }),
      want: ['OM301 #/paths/~1a/post/operationId operationId "x" is used by both GET /a and POST /a', 'OM301 #/paths/~1b/get/operationId operationId "x" is used by both GET /a and GET /b'],
    },
  ])('$name', ({ given, want }) => {
    expect(problems(given)).toStrictEqual(want);
  });

  it('an excluded QUERY is no problem', () => {
    const given = bare({ paths: { '/a': { query: { operationId: 'q', tags: ['Q'], responses: ok }, get: { operationId: 'g', responses: ok } } } });
    expect(select(specFrom(given), { include: 'all', exclude: [{ by: 'tag', pattern: 'Q' }] }).operations.map((o) => o.operationId)).toStrictEqual(['g']);
  });
});

describe('--all on a document without operations', () => {
  it('takes every component of every type', () => {
    const given = bare({ components: { schemas: { B: { type: 'string' }, A: ref('B') }, parameters: { P: { name: 'p', in: 'query' } } } });
    const result = select(specFrom(given), all);
    expect(result.closure.components).toStrictEqual(['schemas/B', 'schemas/A', 'parameters/P']);
    expect(result.operations).toStrictEqual([]);
  });

  it('keeps the webhooks, and every component beside what they reach', () => {
    const given = bare({ webhooks: { ping: { post: { requestBody: { content: { 'application/json': { schema: ref('W') } } }, responses: ok } } }, components: { schemas: { W: { type: 'string' }, V: { type: 'string' } } } });
    const result = select(specFrom(given), all);
    expect(result.closure.reachedBy.get('schemas/W')).toStrictEqual({ from: 'webhooks', at: '#/webhooks/ping/post/requestBody/content/application~1json/schema/$ref' });
    expect(result.closure.components).toStrictEqual(['schemas/W', 'schemas/V']);
    expect(Object.keys(result.document)).toStrictEqual(['openapi', 'info', 'paths', 'webhooks', 'components']);
  });

  it('beside operations, webhooks and unreached components are dropped', () => {
    const given = doc({ '/a': { get: { operationId: 'a', responses: ok } } }, { webhooks: { ping: { post: { responses: ok } } }, components: { schemas: { V: { type: 'string' } } } });
    const result = select(specFrom(given), all);
    expect([result.closure.components, Object.keys(result.document)]).toStrictEqual([[], ['openapi', 'info', 'paths']]);
  });

  it('an include filter on such a document matches nothing', () => {
    expect(problems(bare({ components: { schemas: { B: { type: 'string' } } } }), { include: [{ by: 'tag', pattern: 'x' }], exclude: [] })).toStrictEqual(['OM302 #/paths no operation in test.yaml matches tag "x"']);
  });
});
