/**
 * Which request bodies reach a null-only property (generator/template-api/null-only.ts): through
 * `$ref` chains and cycles, answered from the model's named schemas once, as a walk of every
 * reachable schema would answer.
 */
import { describe, expect, it } from 'vitest';
import type { SchemaModel, SchemaNode } from '../../generator/model/types.ts';
import { reachesNullOnlyProperty } from '../../generator/template-api/null-only.ts';

const ref = (name: string) => ({ kind: 'ref', name }) as SchemaNode;
const object = (properties: Record<string, SchemaNode>, additionalProperties: boolean | SchemaNode = false) =>
  ({ kind: 'object', properties: Object.entries(properties).map(([name, schema]) => ({ name, schema })), additionalProperties }) as unknown as SchemaNode;
const scalar = (kind: string) => ({ kind }) as SchemaNode;
const model = (schemas: Record<string, SchemaNode>) => Object.entries(schemas).map(([name, schema]) => ({ name, schema })) as unknown as SchemaModel[];

describe('reachesNullOnlyProperty', () => {
  const schemas = model({
    Null: scalar('null'),
    NullAlias: ref('Null'),
    Holder: object({ gone: ref('NullAlias') }),
    // A cycle that reaches Holder from its far side, and one that reaches nothing.
    Loop1: object({ next: ref('Loop2') }),
    Loop2: object({ back: ref('Loop1'), items: { kind: 'array', items: ref('Holder') } as unknown as SchemaNode }),
    Plain1: object({ next: ref('Plain2'), name: scalar('string') }),
    Plain2: object({ back: ref('Plain1') }),
    Selfish: ref('Selfish'),
    Extra: object({}, ref('Holder')),
  });

  it.each([
    ['an inline property of type null', object({ a: scalar('null') }), true],
    ['a property resolving to null through a chain of refs', object({ a: ref('NullAlias') }), true],
    ['a ref to a schema holding one', ref('Holder'), true],
    ['a cycle whose far side holds one (either entry)', ref('Loop1'), true],
    ['the same cycle from its other member', ref('Loop2'), true],
    ['a cycle that holds none', ref('Plain1'), false],
    ['a ref that resolves to itself', object({ a: ref('Selfish') }), false],
    ['a ref to no schema', object({ a: ref('Missing') }), false],
    ['extra keys of a schema holding one', ref('Extra'), true],
    ['a union, an intersection, an array of one', { kind: 'union', variants: [scalar('string'), { kind: 'intersection', parts: [{ kind: 'array', items: ref('Holder') }] }] } as unknown as SchemaNode, true],
    ['null itself (no property)', ref('Null'), false],
  ])('%s', (_, node, expected) => {
    expect(reachesNullOnlyProperty(node, schemas)).toBe(expected);
    // Asked again (the model's answers are kept), and of a copy of the model (found afresh).
    expect(reachesNullOnlyProperty(node, schemas)).toBe(expected);
    expect(reachesNullOnlyProperty(node, [...schemas])).toBe(expected);
  });
});
