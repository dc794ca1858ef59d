import { afterEach, describe, expect, it } from 'vitest';
import { checkShape } from '../generator/config/shape.ts';
import { didYouMean } from '../generator/did-you-mean.ts';
import { runCli } from './helpers/cli.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

describe('config strictness', () => {
  let project: TempProject;
  afterEach(() => project.remove());

  it('reports every unknown key and wrong type at once, located, with a did-you-mean; writes nothing', async () => {
    project = tempProject({
      config: `export default {
  spec: 'spec/openapi.yaml',
  outptu: { dir: 'client' },
  package: {
    name: 'x',
    licence: 'MIT',
    description: 42,
  },
  templates: 'team',
  limits: { maxByte: 5 },
  naming: { typename: () => 'x' },
  select: { include: 'all', exlude: [] },
  zzzzzzzz: 1,
};
`,
    });
    const before = project.snapshot();
    const run = await runCli(['generate'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toStrictEqual([
      'openapi-morph.config.mjs:3 - error OM107: outptu: unknown key; did you mean "output"? (known: spec, select, output, package, overlays, templates, typecheck, naming, limits, refs, client)',
      'openapi-morph.config.mjs:6 - error OM107: package.licence: unknown key; did you mean "license"? (known: name, description, license, apiKeyEnv, releases)',
      'openapi-morph.config.mjs:9 - error OM103: templates: must be an object with dir, strict',
      'openapi-morph.config.mjs:10 - error OM107: limits.maxByte: unknown key; did you mean "maxBytes"? (known: maxBytes, maxDepth, maxAliasNodes, maxEnumValues, fetchTimeoutMs, maxOperations, maxSchemas)',
      'openapi-morph.config.mjs:11 - error OM107: naming.typename: unknown key; did you mean "typeName"? (known: typeName, className, methodName, apiFile, apiDocFile, modelDocFile)',
      'openapi-morph.config.mjs:12 - error OM107: select.exlude: unknown key; did you mean "exclude"? (known: include, exclude)',
      'openapi-morph.config.mjs:13 - error OM107: zzzzzzzz: unknown key (known: spec, select, output, package, overlays, templates, typecheck, naming, limits, refs, client)',
      'openapi-morph.config.mjs:7 - error OM103: package.description: must be a non-empty string',
      '8 errors; nothing was written.',
    ]);
    expect(project.snapshot()).toStrictEqual(before);
  });

  it('a wrong type where an object belongs, and a wrong value type, are errors too', async () => {
    project = tempProject({ config: { output: 'client', package: { name: 'x', releases: 7 }, typecheck: true } });
    const run = await runCli(['check'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/openapi-morph.config.mjs:\d+ - error OM103: output: must be an object with dir, preserve, banner/);
    expect(run.stderr).toMatch(/openapi-morph.config.mjs:\d+ - error OM103: package.releases: must be a non-empty string/);
    expect(run.stderr).toMatch(/openapi-morph.config.mjs:\d+ - error OM103: typecheck: must be "auto", "always" or "never"/);
  });

  it.each([
    { given: 'outptu', want: 'output' },
    { given: 'licence', want: 'license' },
    { given: 'Spec', want: 'spec' },
    { given: 'overlay', want: 'overlays' },
    { given: 'completely-else', want: undefined },
  ])('did you mean: $given', ({ given, want }) => {
    expect(didYouMean(given, ['spec', 'output', 'license', 'overlays'])).toBe(want);
  });

  it('keys that objects inherit (toString, constructor) are unknown keys like any other', () => {
    const problems = checkShape(JSON.parse('{"toString": 1, "output": {"constructor": {"x": 1}}, "__proto__": {}}') as Record<string, unknown>);
    expect(problems.map((p) => `${p.path} ${p.unknown}`)).toStrictEqual(['toString true', 'output.constructor true', '__proto__ true']);
  });
});
