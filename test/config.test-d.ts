import { describe, expectTypeOf, it } from 'vitest';
import { defineConfig, type UserConfig } from 'openapi-morph';

const base = { spec: 'spec/openapi.yaml', package: { name: 'client' } } as const;

describe('the config: invalid combinations do not type-check', () => {
  it('accepts a full, valid config', () => {
    const config = defineConfig({
      ...base,
      select: { include: [{ by: 'tag', pattern: 'Realtime' }], exclude: [{ by: 'operationId', pattern: /^delete-/ }] },
      output: { dir: 'generated', banner: ['(c) Acme', 'Internal.'] },
      templates: { dir: 'templates', strict: true },
      typecheck: 'auto',
      naming: { methodName: (operation) => operation.operationId, apiFile: (className) => `src/${className}.ts` },
    });
    expectTypeOf(config).toEqualTypeOf<UserConfig>();
    defineConfig({ ...base, output: { banner: 'one line' } });
  });

  it('templates.strict needs a team folder', () => {
    // @ts-expect-error strict without dir: there is no team template to drift
    defineConfig({ ...base, templates: { strict: true } });
    // @ts-expect-error strict is a boolean
    defineConfig({ ...base, templates: { dir: 'templates', strict: 'yes' } });
  });

  it('typecheck is one of auto, always, never', () => {
    // @ts-expect-error not a mode
    defineConfig({ ...base, typecheck: true });
  });

  it('naming patches are the resolver’s own rules, with their signatures', () => {
    // @ts-expect-error no such naming rule
    defineConfig({ ...base, naming: { enumName: (name: string) => name } });
    // @ts-expect-error a method name is a string
    defineConfig({ ...base, naming: { methodName: () => 42 } });
  });

  it('a selection has include filters; a filter has a known kind', () => {
    // @ts-expect-error exclude alone selects nothing: include is required
    defineConfig({ ...base, select: { exclude: [{ by: 'tag', pattern: 'Admin' }] } });
    // @ts-expect-error filters are by path, tag or operationId
    defineConfig({ ...base, select: { include: [{ by: 'summary', pattern: 'x' }] } });
  });

  it('spec is required; the package name is optional (info.title gives it)', () => {
    // @ts-expect-error no spec
    defineConfig({ package: { name: 'client' } });
    defineConfig({ spec: 'spec/openapi.yaml', package: {} });
    defineConfig({ spec: 'spec/openapi.yaml' });
    // @ts-expect-error a misspelled key
    defineConfig({ spec: 'spec/openapi.yaml', package: { licence: 'MIT' } });
  });
});
