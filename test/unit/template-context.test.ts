/**
 * The template context answers each operation's signature, a node's example and its example code
 * once a render, frozen as the model is. In `isolatedTests` (vitest.config.ts): it mocks a module.
 */
import { describe, expect, it, vi } from 'vitest';
import type { OperationModel, SchemaNode } from '../../generator/model/types.ts';
import { fixtureContext, fixtureModel } from '../helpers/model-fixture.ts';

// The example code's calls counted (its answer is a string: once a render shows only in the calls).
const exampleCodeCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../generator/template-api/example.ts', async (original) => {
  const real = await original<typeof import('../../generator/template-api/example.ts')>();
  return {
    ...real,
    exampleCode: (...args: Parameters<typeof real.exampleCode>) => {
      exampleCodeCalls.count++;
      return real.exampleCode(...args);
    },
  };
});

describe('the template context', () => {
  it('answers each operation, example and example code once a render, frozen, the same for every template', () => {
    const ctx = fixtureContext();
    const other = fixtureContext();
    const [first, second] = fixtureModel.tags[0]!.operations;
    const signature = ctx.signature(first!);
    expect(ctx.signature(first!)).toBe(signature);
    expect(ctx.signature(second!)).not.toBe(signature);
    expect(Object.isFrozen(signature) && Object.isFrozen(signature.parameters) && Object.isFrozen(signature.parameters[0])).toBe(true);
    expect(() => (signature.parameters as unknown[]).push(1)).toThrow(TypeError);
    // Another render (another context) makes its own, the same.
    expect(other.signature(first!)).not.toBe(signature);
    expect(other.signature(first!)).toStrictEqual(signature);
    const node = fixtureModel.schemas[0]!.schema;
    const example = ctx.example(node);
    expect(ctx.example(node)).toBe(example);
    expect(Object.isFrozen(example)).toBe(true);
    exampleCodeCalls.count = 0;
    const code = ctx.exampleCode(node);
    expect(ctx.exampleCode(node)).toBe(code);
    expect(exampleCodeCalls.count).toBe(1);
    expect(other.exampleCode(node)).toBe(code);
    expect(exampleCodeCalls.count).toBe(2);
  });

  it('answers a wrong argument (not a model node) as before, without keeping it', () => {
    const ctx = fixtureContext();
    expect(() => ctx.signature(undefined as unknown as OperationModel)).toThrow(TypeError);
    expect(() => ctx.example('x' as unknown as SchemaNode)).not.toThrow(/weak/i);
  });
});
