/**
 * The types stage runs when a template first reads `ctx.openapiTypes` (TypeScript's compiler loads
 * then, after the templates that need only the model), once, and its failure is OM206 every time.
 */
import { describe, expect, it } from 'vitest';
import { MorphError } from '../../generator/diagnostics/diagnostic.ts';
import { lazyOpenapiTypes } from '../../generator/types/openapi-types.ts';

/** An OpenAPI subset that counts how often its paths are read (openapi-typescript reads them). */
function counted(paths: () => unknown): { document: Record<string, unknown>; reads: () => number } {
  let reads = 0;
  const document = {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    get paths() {
      reads += 1;
      return paths();
    },
  };
  return { document, reads: () => reads };
}

describe('lazyOpenapiTypes', () => {
  it('reads the subset only when the types are asked for, and once', () => {
    const { document, reads } = counted(() => ({ '/pets': { get: { operationId: 'list', responses: { 200: { description: 'ok' } } } } }));
    const types = lazyOpenapiTypes(document, 'pets.yaml');
    expect(reads()).toBe(0);
    const text = types.text();
    expect(text).toContain('"/pets": {');
    expect(reads()).toBe(1);
    expect(types.text()).toBe(text);
    expect(reads()).toBe(1);
    expect(types.failure()).toBeUndefined();
  });

  it('fails with one located OM206, the same error on every later read, and tells it', () => {
    const { document, reads } = counted(() => {
      throw new Error('no paths here');
    });
    const types = lazyOpenapiTypes(document, 'pets.yaml');
    expect(types.failure()).toBeUndefined();
    let thrown: unknown;
    try {
      types.text();
    } catch (cause) {
      thrown = cause;
    }
    expect(thrown).toBeInstanceOf(MorphError);
    expect((thrown as MorphError).diagnostics.map((d) => [d.code, d.message, d.location?.file])).toStrictEqual([
      ['OM206', 'openapi-typescript could not type the selected operations: no paths here', 'pets.yaml'],
    ]);
    expect(() => types.text()).toThrow(thrown as Error);
    expect(types.failure()).toBe(thrown);
    expect(reads()).toBe(1);
  });
});
