import { afterEach, describe, expect, it } from 'vitest';
import { globRegExp, matchesGlobs } from '../generator/glob.ts';
import { runCli } from './helpers/cli.ts';
import { PETS_AND_STORES } from './helpers/pets.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

const SPEC = PETS_AND_STORES;

describe('user files in the output folder', () => {
  let project: TempProject;
  afterEach(() => project.remove());

  it('are an error naming each of them, and nothing is written, even when the spec changed', async () => {
    project = tempProject({ spec: SPEC, config: { output: { dir: 'client' } } });
    expect((await runCli(['generate'], project.dir)).code).toBe(0);
    project.write('client/src/custom.ts', 'export const mine = 1;\n');
    project.write('client/NOTICE', 'ours\n');
    project.write('spec/openapi.yaml', SPEC.replace('The pet.', 'The pet, changed.'));
    const before = project.snapshot();
    const run = await runCli(['generate'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'client/NOTICE - error OM603: client/NOTICE is not in openapi-morph.manifest.json: openapi-morph did not make it, and generating would delete it. Move it out of client, or keep it with a glob in output.preserve (e.g. "NOTICE")',
    );
    expect(run.stderr).toContain('client/src/custom.ts - error OM603: client/src/custom.ts is not in openapi-morph.manifest.json');
    expect(run.stderr).toContain('2 errors; nothing was written.');
    expect(project.snapshot()).toStrictEqual(before);

    const check = await runCli(['check'], project.dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('client/src/custom.ts - error OM603');
    expect(check.stderr).not.toContain('extra:   client/src/custom.ts');
  });

  it('a hand-made file where the generator would write is not overwritten', async () => {
    project = tempProject({ spec: SPEC, config: { output: { dir: 'client' } } });
    expect((await runCli(['generate', '--tag', 'Pets'], project.dir)).code).toBe(0);
    project.write('client/src/apis/StoresApi.ts', '// mine\n');
    const run = await runCli(['generate', '--all'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('client/src/apis/StoresApi.ts is not in openapi-morph.manifest.json: openapi-morph did not make it, and generating would overwrite it.');
    // output.preserve cannot keep a file the generator writes, so the message does not suggest it.
    expect(run.stderr).not.toContain('output.preserve');
    expect(project.read('client/src/apis/StoresApi.ts')).toBe('// mine\n');
  });

  it('a preserve glob that claims a generated file is an error for generate and check, and nothing is written', async () => {
    project = tempProject({ spec: SPEC, config: { output: { dir: 'client' } } });
    expect((await runCli(['generate'], project.dir)).code).toBe(0);
    project.write('openapi-morph.config.mjs', project.read('openapi-morph.config.mjs').replace('"dir": "client"', '"dir": "client", "preserve": ["README.md", "src/custom/**"]'));
    project.write('client/README.md', '# my own readme\n');
    const before = project.snapshot();
    for (const command of ['generate', 'check']) {
      const run = await runCli([command], project.dir);
      expect(run.code, command).toBe(1);
      expect(run.stderr, command).toContain(
        'client/README.md - error OM604: output.preserve keeps client/README.md, which openapi-morph generates: it would never be written. Remove the glob, or replace the template that writes it (team templates)',
      );
      expect(run.stderr, command).not.toContain('src/custom');
    }
    expect(project.snapshot()).toStrictEqual(before);
  });

  it('output.preserve globs keep them; files the manifest lists and no longer generated are removed', async () => {
    project = tempProject({ spec: SPEC, config: { output: { dir: 'client', preserve: ['src/custom/**', 'NOTICE'] } } });
    expect((await runCli(['generate'], project.dir)).code).toBe(0);
    project.write('client/src/custom/a.ts', 'export const a = 1;\n');
    project.write('client/src/custom/deep/b.ts', 'export const b = 1;\n');
    project.write('client/NOTICE', 'ours\n');
    project.write('client/dist/index.js', '// built\n');
    // What `npm install && npm run build && npm pack` in the folder leaves (before, OM603 for these two).
    project.write('client/package-lock.json', '{}\n');
    project.write('client/test-client-1.0.0.tgz', 'tarball\n');
    const run = await runCli(['generate', '--tag', 'Pets'], project.dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/\(\d+ written, \d+ unchanged, 2 removed\)/);
    expect(project.exists('client/src/apis/StoresApi.ts')).toBe(false);
    expect(project.exists('client/docs/StoresApi.md')).toBe(false);
    for (const kept of ['client/src/custom/a.ts', 'client/src/custom/deep/b.ts', 'client/NOTICE', 'client/dist/index.js', 'client/package-lock.json', 'client/test-client-1.0.0.tgz']) expect(project.exists(kept)).toBe(true);
    expect((await runCli(['check', '--tag', 'Pets'], project.dir)).code).toBe(0);
  });

  it('output.preserve must be relative globs inside the folder', async () => {
    project = tempProject({ config: { output: { preserve: ['../outside', '/abs'] } } });
    const run = await runCli(['generate'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/openapi-morph.config.mjs:\d+ - error OM103: output.preserve: must be a list of globs relative to the output folder/);
  });

  it.each([
    { glob: 'LICENSE', path: 'LICENSE', want: true },
    { glob: 'LICENSE', path: 'src/LICENSE', want: false },
    { glob: 'src/*.ts', path: 'src/custom.ts', want: true },
    { glob: 'src/*.ts', path: 'src/deep/custom.ts', want: false },
    { glob: 'src/**/*.ts', path: 'src/deep/er/custom.ts', want: true },
    { glob: 'src/**/*.ts', path: 'src/custom.ts', want: true },
    { glob: 'src/custom', path: 'src/custom/a/b.ts', want: true },
    { glob: 'dist', path: 'distance.md', want: false },
    { glob: '**/*.local.*', path: 'a/b/c.local.json', want: true },
    { glob: 'file?.txt', path: 'file1.txt', want: true },
  ])('glob $glob on $path: $want', ({ glob, path, want }) => {
    expect(matchesGlobs(path, [globRegExp(glob)])).toBe(want);
  });
});
