/**
 * openapi-typescript's discriminator scan, edited to walk with one path (generator/openapi-typescript-walk.ts),
 * finds what the installed module finds and patches the document as it does; the exported `walk`
 * stays as it is.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonjsModule } from '../../generator/commonjs-module.ts';
import { scanWithOnePath } from '../../generator/openapi-typescript-walk.ts';

const require = createRequire(import.meta.url);
const filename = require.resolve('openapi-typescript/dist/lib/utils.cjs');
const text = readFileSync(filename, 'utf8');
const edited = scanWithOnePath(text);

type Utils = {
  scanDiscriminators(schema: unknown, options: { silent: boolean }): unknown;
  walk(obj: unknown, cb: (obj: unknown, path: unknown[]) => void): void;
};
/** A fresh instance of the module from `source` (not the one in the module cache). */
const load = (source: string): Utils => {
  const module = commonjsModule(filename) as ReturnType<typeof commonjsModule> & { _compile(source: string, filename: string): void };
  module._compile(source, filename);
  return module.exports as Utils;
};
const original = load(text);
const onePath = load(edited);

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A document of components that name each other through `oneOf`, `allOf` and discriminators with and without mappings. */
const documents = fc
  .array(
    fc.record({
      kind: fc.constantFrom('base', 'mapped', 'child', 'inline', 'plain'),
      refs: fc.array(fc.nat(5), { maxLength: 3 }),
      array: fc.boolean(),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((specs) => {
    const names = specs.map((_, i) => `S${i}`);
    const at = (i: number) => names[i % names.length]!;
    const schemas: Record<string, unknown> = {};
    specs.forEach(({ kind, refs, array }, i) => {
      const one = refs.map((r) => ref(at(r)));
      const schema =
        kind === 'base'
          ? { type: 'object', properties: { kind: { type: 'string' } }, discriminator: { propertyName: 'kind' }, oneOf: one }
          : kind === 'mapped'
            ? { type: 'object', discriminator: { propertyName: 'kind', mapping: Object.fromEntries(refs.map((r, j) => [`v${j}`, `#/components/schemas/${at(r)}`])) }, oneOf: one }
            : kind === 'child'
              ? { allOf: [...one, { type: 'object', properties: { extra: { type: 'string' } } }] }
              : kind === 'inline'
                ? { allOf: [{ type: 'object', discriminator: { propertyName: 'type' }, properties: { type: { type: 'string' } } }, ...one] }
                : { type: 'object', properties: { a: { type: 'string' } } };
      schemas[names[i]!] = array ? { type: 'array', items: schema } : schema;
    });
    return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a/{id}': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: ref(at(0)) } } } } } } }, components: { schemas } };
  });

describe('scanWithOnePath', () => {
  it('edits the installed openapi-typescript: scanDiscriminators walks with one path, lines kept', () => {
    expect(edited).not.toBe(text);
    expect(edited.split('\n')).toHaveLength(text.split('\n').length);
    expect(edited.match(/ {2}walkOnePath\(schema, \(obj, path\) => \{/g)).toHaveLength(2);
  });

  it('leaves a text written otherwise as it is', () => {
    expect(scanWithOnePath('function walk(obj, cb) {}\n')).toBe('function walk(obj, cb) {}\n');
    expect(scanWithOnePath(text.replace('path.concat(k)', 'path.concat([k])'))).toBe(text.replace('path.concat(k)', 'path.concat([k])'));
  });

  it('finds the discriminators the installed module finds, and patches the document the same', () => {
    fc.assert(
      fc.property(documents, (document) => {
        const a = structuredClone(document);
        const b = structuredClone(document);
        expect(onePath.scanDiscriminators(b, { silent: true })).toStrictEqual(original.scanDiscriminators(a, { silent: true }));
        expect(b).toStrictEqual(a);
      }),
      { numRuns: 500 },
    );
  });

  it('finds some discriminators in the generated documents (the comparison above is not of empty results)', () => {
    const found = fc.sample(documents, { numRuns: 200, seed: 1 }).filter((d) => Object.keys((original.scanDiscriminators(structuredClone(d), { silent: true }) as { objects: object }).objects).length > 1);
    expect(found.length).toBeGreaterThan(50);
  });

  it('keeps the exported walk, whose paths a caller may keep', () => {
    const paths: unknown[][] = [];
    onePath.walk({ a: { b: [{ c: 1 }] } }, (_, path) => paths.push(path));
    expect(paths).toStrictEqual([[], ['a'], ['a', 'b', 0]]);
  });
});
