/**
 * The selection size limits (generator/select/size-limit.ts): operations and schemas counted after
 * selection, each limit on its own, both at once, and the exact refusal. large-spec.test.ts runs a
 * 20 MB document through the CLI; this pins the counting and the boundary.
 */
import { describe, expect, it } from 'vitest';
import { MorphError } from '../../generator/diagnostics/diagnostic.ts';
import { defaultLimits, type Limits } from '../../generator/load/limits.ts';
import { select } from '../../generator/select/index.ts';
import { checkSelectionSize } from '../../generator/select/size-limit.ts';
import { specFrom } from '../helpers/spec-doc.ts';

const ok = { '200': { description: 'ok' } };
const json = (name: string) => ({ '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } } });
/** Three operations reaching two schemas and one parameter (a component that is no schema). */
const document = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/a': { get: { operationId: 'a', responses: json('A') }, post: { operationId: 'b', parameters: [{ $ref: '#/components/parameters/P' }], responses: ok } },
    '/c': { get: { operationId: 'c', responses: json('B') } },
  },
  components: { schemas: { A: { type: 'string' }, B: { type: 'integer' }, Unused: { type: 'null' } }, parameters: { P: { name: 'p', in: 'query' } } },
};

function refusal(limits: Partial<Limits>): string[] {
  const spec = specFrom(document);
  try {
    checkSelectionSize(spec, select(spec, { include: 'all', exclude: [] }), { ...defaultLimits, ...limits });
  } catch (error) {
    if (!(error instanceof MorphError)) throw error;
    return error.diagnostics.map((d) => `${d.code} ${d.location?.file} ${d.location?.pointer} ${d.message}`);
  }
  return [];
}

describe('checkSelectionSize', () => {
  it.each([
    { name: 'at both limits: accepted', limits: { maxOperations: 3, maxSchemas: 2 }, want: [] },
    {
      name: 'one operation over',
      limits: { maxOperations: 2, maxSchemas: 2 },
      want: ['OM305 test.yaml #/paths the selection has 3 operations, over the limit of 2 (limits.maxOperations): select fewer operations (select.include, select.exclude) or raise limits.maxOperations'],
    },
    {
      name: 'one schema over (parameters and unreached schemas do not count)',
      limits: { maxOperations: 3, maxSchemas: 1 },
      want: ['OM305 test.yaml #/paths the selection has 2 schemas, over the limit of 1 (limits.maxSchemas): select fewer operations (select.include, select.exclude) or raise limits.maxSchemas'],
    },
    {
      name: 'both over: both reported',
      limits: { maxOperations: 0, maxSchemas: 0 },
      want: [
        'OM305 test.yaml #/paths the selection has 3 operations, over the limit of 0 (limits.maxOperations): select fewer operations (select.include, select.exclude) or raise limits.maxOperations',
        'OM305 test.yaml #/paths the selection has 2 schemas, over the limit of 0 (limits.maxSchemas): select fewer operations (select.include, select.exclude) or raise limits.maxSchemas',
      ],
    },
  ])('$name', ({ limits, want }) => {
    expect(refusal(limits)).toStrictEqual(want);
  });

  it('within the limits nothing is thrown', () => {
    const spec = specFrom(document);
    expect(() => checkSelectionSize(spec, select(spec, { include: 'all', exclude: [] }), { ...defaultLimits, maxOperations: 3, maxSchemas: 2 })).not.toThrow();
  });

  it('counts are written with thousands separators', () => {
    expect(refusal({ maxOperations: 0, maxSchemas: 1_500_000 })[0]).toContain('over the limit of 0 (');
    const spec = specFrom(document);
    const selected = select(spec, { include: 'all', exclude: [] });
    const many = { ...selected, operations: Array.from({ length: 1_234 }, () => selected.operations[0]!) };
    expect(() => checkSelectionSize(spec, many, { ...defaultLimits, maxOperations: 1_000 })).toThrow('the selection has 1,234 operations, over the limit of 1,000 (limits.maxOperations)');
  });
});
