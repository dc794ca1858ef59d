import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openapiSchemaAjv, type OpenapiSchemaVersion, type SchemaValidator } from '../../generator/heavy.ts';

/**
 * The build writes each official OpenAPI schema, compiled by ajv, as standalone code into
 * dist/generator/schema-validators/ (the global setup builds); the compiled CLI loads those instead
 * of compiling. They must judge every document exactly as a fresh compile does, errors included
 * (the diagnostics are worded from them).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const minimal = { info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { '200': { description: 'ok' } } } } } };

/** A valid document of each version, and broken variants of it. */
const documents: Record<OpenapiSchemaVersion, Record<string, unknown>> = {
  '2.0': { swagger: '2.0', ...minimal },
  '3.0': { openapi: '3.0.3', ...minimal },
  '3.1': { openapi: '3.1.0', ...minimal },
  '3.2': { openapi: '3.2.0', ...minimal },
};
const broken = (doc: Record<string, unknown>): Record<string, unknown>[] => [
  { ...doc, info: { version: 1 } },
  { ...doc, paths: { '/a': { get: { parameters: [{ name: 'x', in: 'nowhere' }], responses: {} } } } },
  { ...doc, components: { schemas: { A: { type: 'strnig', properties: 3 } } }, unknownTopLevel: true },
];

/** ajv's errors without the echoed data and parent schemas (the same objects, but large). */
const errors = (validator: SchemaValidator) => JSON.parse(JSON.stringify(validator.errors ?? null, (key, value: unknown) => (key === 'data' || key === 'parentSchema' ? undefined : value))) as unknown;

describe('precompiled OpenAPI schema validators', () => {
  for (const version of Object.keys(documents) as OpenapiSchemaVersion[]) {
    it(`${version}: the built validator judges and reports like a fresh compile`, () => {
      const built = require(join(root, `dist/generator/schema-validators/v${version}.cjs`)) as SchemaValidator;
      const fresh = openapiSchemaAjv(version, false).compile();
      expect(built(documents[version])).toBe(true);
      for (const doc of broken(documents[version])) {
        expect(built(doc)).toBe(false);
        expect(fresh(doc)).toBe(false);
        expect(errors(built)).toStrictEqual(errors(fresh));
      }
    });
  }

  it('the compiled toolkit uses the built validator', async () => {
    const compiled = (await import(join(root, 'dist/generator/heavy.js'))) as typeof import('../../generator/heavy.ts');
    expect(compiled.openapiSchemaValidator('3.1')).toBe(require(join(root, 'dist/generator/schema-validators/v3.1.cjs')));
  });
});
