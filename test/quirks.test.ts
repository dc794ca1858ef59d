import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explicitMappings, namedMappings, unionAliases } from '../generator/normalize/discriminator.ts';
import { schemaRules } from '../generator/normalize/rules.ts';
import { openEnumValues } from '../generator/model/open-enum.ts';
import { repoRoot, runCli } from './helpers/cli.ts';
import { typecheckPackages } from './helpers/package-check.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

/**
 * Upstream quirks, each in our own small fixture (test/fixtures/quirks.yaml) and handled on
 * purpose: by a normalize rule (generator/normalize/rules.ts) or where the model or types meet it.
 */
const rule = (name: string) => schemaRules.find((r) => r.name === name)!;

describe('normalize rules for upstream quirks', () => {
  const cases = [
    { name: 'items-without-type', given: { items: { type: 'string' } }, want: { type: 'array', items: { type: 'string' } } },
    { name: 'items-without-type', given: { type: 'array', items: {} }, want: { type: 'array', items: {} } },
    { name: 'items-without-type', given: { anyOf: [{ type: 'string' }], items: {} }, want: { anyOf: [{ type: 'string' }], items: {} } },
    { name: 'stainless-const', given: { type: 'string', enum: ['inf'], 'x-stainless-const': true }, want: { type: 'string', const: 'inf' } },
    { name: 'stainless-const', given: { type: 'string', enum: ['a', 'b'], 'x-stainless-const': true }, want: { type: 'string', enum: ['a', 'b'], 'x-stainless-const': true } },
    { name: 'stainless-const', given: { type: 'string', enum: ['a'] }, want: { type: 'string', enum: ['a'] } },
    { name: 'nullable', given: { type: 'string', nullable: true }, want: { type: ['string', 'null'] } },
    { name: 'nullable', given: { type: 'string', enum: ['a'], nullable: true }, want: { type: ['string', 'null'], enum: ['a', null] } },
    { name: 'ref-siblings', given: { $ref: '#/components/schemas/A', type: 'application/json' }, want: { $ref: '#/components/schemas/A' } },
    { name: 'ref-siblings', given: { $ref: '#/components/schemas/A', type: 'string', format: 'uri', properties: {}, description: 'd', nullable: true, 'x-note': 1 }, want: { $ref: '#/components/schemas/A', description: 'd', nullable: true, 'x-note': 1 } },
    { name: 'ref-siblings', given: { type: 'object', properties: { $ref: { type: 'string' } } }, want: { type: 'object', properties: { $ref: { type: 'string' } } } },
  ];
  it.each(cases)('$name: $given', ({ name, given, want }) => {
    expect(rule(name).apply(structuredClone(given))).toStrictEqual(want);
  });

  it('a discriminator without mapping: made explicit from the variants, dropped when contradicted and incomplete, else kept', () => {
    const doc = (variants: unknown[], schemas: Record<string, unknown>) => ({ components: { schemas: { U: { oneOf: variants, discriminator: { propertyName: 'type' } }, ...schemas } } });
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    const typed = (type: unknown) => ({ type: 'object', properties: { type } });
    const union = (d: object) => (explicitMappings(d as never) as any).components.schemas.U;
    expect(union(doc([ref('A'), ref('B')], { A: typed({ const: 'a' }), B: typed({ enum: ['b', 'b2'] }) })).discriminator).toStrictEqual({
      propertyName: 'type',
      mapping: { a: '#/components/schemas/A', b: '#/components/schemas/B', b2: '#/components/schemas/B' },
    });
    expect(union(doc([ref('A'), ref('B')], { A: typed({ const: 'a' }), B: typed({ anyOf: [{ const: 'b' }, { type: 'null' }] }) })).discriminator).toBeUndefined();
    expect(union(doc([ref('A'), ref('B')], { A: typed({ type: 'string' }), B: typed({ type: 'string' }) })).discriminator).toStrictEqual({ propertyName: 'type' });
  });

  it("a mapping's entries that name no component schema are dropped, and members no entry names get entries from their own values", () => {
    const typed = (value: string) => ({ type: 'object', properties: { type: { const: value } } });
    const ref = (name: string) => `#/components/schemas/${name}`;
    const mapped = (mapping: Record<string, string>) => ({ components: { schemas: { A: typed('a'), B: { type: 'object' }, C: typed('c'), U: { oneOf: [{ $ref: ref('A') }, { $ref: ref('B') }, { $ref: ref('C') }], discriminator: { propertyName: 'type', mapping } } } } });
    const union = (mapping: Record<string, string>) => (namedMappings(mapped(mapping) as never) as any).components.schemas.U;
    // C is named by the entry kept; A by its const; B has no value (its name stands for it).
    expect(union({ x: 'models/a.yml#/A', y: '#/b', c2: ref('C') }).discriminator).toStrictEqual({ propertyName: 'type', mapping: { c2: ref('C'), a: ref('A') } });
    expect(union({ x: '#/components/schemas/Missing', y: '#/components/schemas/A/properties/type' }).discriminator).toStrictEqual({ propertyName: 'type', mapping: { a: ref('A'), c: ref('C') } });
    // A parent's mapping (no oneOf) keeps its good entries; none left, no mapping.
    const parent = (mapping: Record<string, string>) => (namedMappings({ components: { schemas: { A: typed('a'), P: { type: 'object', discriminator: { propertyName: 'type', mapping } } } } } as never) as any).components.schemas.P.discriminator;
    expect(parent({ a: ref('A'), b: 'b.yml' + '#/B' })).toStrictEqual({ propertyName: 'type', mapping: { a: ref('A') } });
    expect(parent({ b: 'other/b.yml' })).toStrictEqual({ propertyName: 'type' });
    // A member whose values are all taken (and are not its name): the discriminator goes, as explicitMappings drops a contradicted one.
    const taken = { components: { schemas: { A: typed('a'), C: typed('a'), U: { oneOf: [{ $ref: ref('A') }, { $ref: ref('C') }], discriminator: { propertyName: 'type', mapping: { a: ref('A'), z: 'z.yml#/Z' } } } } } };
    expect((namedMappings(taken as never) as any).components.schemas.U.discriminator).toBeUndefined();
    const kept = mapped({ a: ref('A'), b: 'B' });
    expect((namedMappings(kept as never) as any).components.schemas.U).toBe(kept.components.schemas.U);
  });

  it("one allOf part naming a discriminated union is a reference to it; not beside a shape, to a plain parent, or to a parent whose members allOf it", () => {
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    const union = { oneOf: [ref('A')], discriminator: { propertyName: 'type' } };
    const wrapper = (schemas: Record<string, unknown>, W: object) => (unionAliases({ components: { schemas: { ...schemas, W } } } as never) as any).components.schemas.W;
    expect(wrapper({ U: union, A: { type: 'object' } }, { description: 'd', 'x-a': 1, allOf: [ref('U')] })).toStrictEqual({ $ref: '#/components/schemas/U', description: 'd', 'x-a': 1 });
    expect(wrapper({ U: { ...union, oneOf: undefined, anyOf: [ref('A')] }, A: { type: 'object' } }, { allOf: [ref('U')] })).toStrictEqual(ref('U'));
    // 3.1 documents often write `type: object` beside the part: nothing more when every member is an object.
    expect(wrapper({ U: union, A: { type: 'object' } }, { type: 'object', title: 't', allOf: [ref('U')] })).toStrictEqual({ $ref: '#/components/schemas/U', title: 't' });
    for (const [schemas, W] of [
      [{ U: { ...union, oneOf: [ref('A'), ref('S')] }, A: { type: 'object' }, S: { type: 'string' } }, { type: 'object', allOf: [ref('U')] }],
      [{ U: union, A: { type: 'object' } }, { type: 'string', allOf: [ref('U')] }],
      [{ U: union, A: { type: 'object' } }, { allOf: [ref('U'), { type: 'object' }] }],
      [{ P: { type: 'object', discriminator: { propertyName: 'type' } } }, { allOf: [ref('P')] }],
      [{ U: { oneOf: [ref('W')], discriminator: { propertyName: 'type' } } }, { allOf: [ref('U')] }],
      // A member leads to the wrapper (C allOf [W]); a mapping names the wrapper.
      [{ U: { oneOf: [ref('C')], discriminator: { propertyName: 'type' } }, C: { allOf: [ref('W'), { type: 'object' }] } }, { allOf: [ref('U')] }],
      [{ U: { ...union, discriminator: { propertyName: 'type', mapping: { w: '#/components/schemas/W' } } }, A: { type: 'object' } }, { allOf: [ref('U')] }],
      [{ U: union, A: { type: 'object' } }, { readOnly: true, allOf: [ref('U')] }],
    ] as const) {
      expect(wrapper(schemas, W)).toStrictEqual(W);
    }
  });

  it('an open enum is a plain string plus string enums or consts, nothing else', () => {
    expect(openEnumValues({ anyOf: [{ type: 'string' }, { type: 'string', enum: ['a', 'b'] }] })).toStrictEqual(['a', 'b']);
    expect(openEnumValues({ oneOf: [{ type: 'string', const: 'x' }, { type: 'string' }] })).toStrictEqual(['x']);
    expect(openEnumValues({ anyOf: [{ type: 'string' }, { type: 'integer' }] })).toBeUndefined();
    expect(openEnumValues({ anyOf: [{ type: 'string', format: 'uri' }, { type: 'string', enum: ['a'] }] })).toBeUndefined();
    expect(openEnumValues({ anyOf: [{ type: 'string', enum: ['a'] }, { type: 'string', enum: ['b'] }] })).toBeUndefined();
  });
});

describe('a package generated from the quirks fixture', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = tempProject({ spec: readFileSync(join(repoRoot, 'test/fixtures/quirks.yaml'), 'utf8'), inRepo: true, config: { package: { name: 'quirks-client' } } });
    const run = await runCli(['generate'], project.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
  afterAll(() => project.remove());

  it('drops webhooks and what only they reference (even a reference to nothing)', () => {
    expect(project.read('generated/src/models.ts')).not.toContain('WebhookOnly');
    expect(project.read('generated/src/schema.ts')).not.toContain('webhooks: {\n    "quirk-done"');
  });

  it('builds doc examples from the schema, not from spec examples with fields the schema lacks', () => {
    const docs = project.read('generated/docs/QuirksApi.md');
    expect(docs).toContain('await api.createQuirk({ kind: ["text"] })');
    expect(docs).not.toContain('not_in_schema');
    expect(project.read('generated/docs/QuirkResponse.md')).toContain('`integer (unixtime)`');
  });

  it('types every quirk as intended, and the docs examples compile', () => {
    const usage = join(project.dir, 'usage.ts');
    writeFileSync(
      usage,
      `import type { QuirkRequest, QuirkResponse, Shape, Tool } from './generated/src/index.js';
export const full: QuirkRequest = {
  kind: ['text', 'audio'], // items without type: array -> an array
  model: 'my-own-model', // open enum: any string...
  max_tokens: 'inf', // oneOf integer and "inf"
  mode: 'fixed', // x-stainless-const: typed as its one value either way (the rule itself: the unit cases above)
  version: 2, // const
  note: null, // 3.1 type: [string, "null"]
  strict_object: { a: 'x' },
  labels: { a: 1 }, // additionalProperties: schema
  created_at: 1735689600, // format: unixtime -> a number of seconds
  shape: { type: 'circle', radius: 1 },
  tool: { type: 'function', name: 'lookup' }, // a discriminator without mapping: the variants' own constants
};
// ...while its known values stay in the type (editors suggest them): with a collapsed \`string\` this is never.
export const known: Extract<Exclude<QuirkRequest['model'], undefined>, 'small' | 'large'> = 'small';
export const number: QuirkRequest['max_tokens'] = 4096;
// @ts-expect-error kind's items are an enum
export const badKind: QuirkRequest = { kind: ['video'] };
// @ts-expect-error only "inf" besides integers
export const badMax: QuirkRequest = { kind: [], max_tokens: 'infinite' };
// @ts-expect-error a const
export const badVersion: QuirkRequest = { kind: [], version: 3 };
// @ts-expect-error additionalProperties: false
export const badStrict: QuirkRequest = { kind: [], strict_object: { b: 1 } };
// @ts-expect-error additionalProperties: integer
export const badLabel: QuirkRequest = { kind: [], labels: { a: 'x' } };
// @ts-expect-error 3.0-style nullable was not declared for created_at
export const badTime: QuirkResponse = { id: 'q', created_at: null };
// @ts-expect-error not the schema name: upstream's implicit mapping is made explicit from the constants
export const badTool: Tool = { type: 'FunctionTool', name: 'lookup' };
export const toolName = (tool: Tool): string => (tool.type === 'function' ? tool.name : 'search');
// A discriminator over inline variants narrows by the variants' own type constants.
export const size = (shape: Shape): number => (shape.type === 'circle' ? shape.radius : shape.side);
`,
    );
    expect(typecheckPackages(join(project.dir, 'check'), [{ dir: join(project.dir, 'generated'), name: 'quirks-client' }], [usage])).toBe('');
  });
});

describe('3.0 quirks (nullable) in the same fixture, converted', () => {
  let project: TempProject;
  afterAll(() => project.remove());

  it('3.0 nullable becomes a 3.1 null type in the types', async () => {
    const spec30 = readFileSync(join(repoRoot, 'test/fixtures/quirks.yaml'), 'utf8')
      .replace('openapi: 3.1.0', 'openapi: 3.0.3')
      .replace('          type: [string, "null"]', '          type: string\n          nullable: true')
      .replace(/        version:\n          const: 2\n/, '')
      .replace('type: { type: string, const: search }', 'type: { type: string, enum: [search] }')
      .replace(/webhooks:[\s\S]*?(?=components:)/, '');
    project = tempProject({ spec: spec30, config: { package: { name: 'quirks-client' } } });
    const run = await runCli(['generate'], project.dir);
    expect(run.stderr).toBe('');
    expect(project.read('generated/src/schema.ts')).toMatch(/note\?: string \| null;/);
  });
});
