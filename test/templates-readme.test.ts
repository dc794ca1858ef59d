import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers/cli.ts';
import { tempProject } from './helpers/project.ts';
import { PETS_SPEC } from './helpers/team-project.ts';
import { codeBlocks } from './helpers/typecheck.ts';

/**
 * templates/README.md's worked example, run as written: every fenced block that starts with a
 * `// <file>` line is written to a project, `generate` runs, and the output the README shows is
 * what comes out.
 */
const readme = readFileSync(join(repoRoot, 'templates/README.md'), 'utf8');
const worked = readme.slice(readme.indexOf('## Worked example'), readme.indexOf('## Eject and override drift'));
const files = codeBlocks(worked, ['ts'])
  .map((b) => ({ path: /^\/\/ (\S+\.ts)\n/.exec(b.code)?.[1], code: b.code }))
  .filter((b): b is { path: string; code: string } => b.path !== undefined);
const shown = (language: string, start: string) => codeBlocks(worked, [language]).find((b) => b.code.startsWith(start))!.code;

describe('templates/README.md worked example', () => {
  const project = tempProject({ inRepo: true, spec: PETS_SPEC.replace('    Size:\n      type: string', '    Size:\n      deprecated: true\n      type: string') });
  afterAll(() => project.remove());

  it('has a config and three team templates', () => {
    expect(files.map((f) => f.path)).toStrictEqual(['openapi-morph.config.ts', 'team/operation-ids.ts', 'team/docs-model.ts', 'team/readme.ts']);
  });

  it('generates what the README says', async () => {
    rmSync(join(project.dir, 'openapi-morph.config.mjs'));
    for (const file of files) project.write(file.path, file.code);
    const run = await runCli(['generate'], project.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(project.read('generated/src/operation-ids.ts')).toContain(shown('ts', '/** The operationId of each method. */'));
    const api = project.read('generated/src/apis/PetsApi.ts');
    expect(api).toContain('createPet(body: Pet');
    expect(api).toContain('fetchPet(petId: string');
    expect(project.read('generated/docs/Size.md')).toMatch(/-->\n\n# Size\n\n> \*\*Deprecated\.\*\* Do not use in new code\.\n$/);
    expect(project.read('generated/docs/Pet.md')).toContain('## Properties');
    expect(project.read('generated/README.md')).toMatch(/\n## Support\n\nAsk in #pets-platform\.\n$/);
    const list = await runCli(['templates', 'list'], project.dir);
    expect(list.stdout).toContain(shown('', 'Team folder team:'));
  });
});
