import { appendFileSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, spawnCli } from './helpers/cli.ts';
import { copyRepoProject } from './helpers/project.ts';

describe('openapi-morph check', () => {
  it('passes on the repository: generated/ is exactly what spec/, the config and templates/ produce', () => {
    const run = spawnCli(['check'], repoRoot);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('generated is up to date');
    expect(run.code).toBe(0);
  });

  const project = copyRepoProject();
  afterAll(() => project.remove());

  it('names every stale, missing and extra file and exits 1, writing nothing', async () => {
    const first = await runCli(['check'], project.dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    appendFileSync(join(project.dir, 'generated/README.md'), '\nhand edit\n');
    rmSync(join(project.dir, 'generated/docs/VoiceIdsShared.md'));
    writeFileSync(join(project.dir, 'generated/notes.txt'), 'not generated');
    const before = project.snapshot('generated');
    const run = await runCli(['check'], project.dir);
    expect(run.code).toBe(1);
    // Edited by hand, not made stale by an input: said so, since generate overwrites the edit.
    expect(run.stderr).toContain('edited:  generated/README.md (changed since openapi-morph wrote it; generate replaces it: make the change in the spec, the config or a template)');
    expect(run.stderr).toContain('missing: generated/docs/VoiceIdsShared.md');
    // A file the manifest does not list is the user's: generate would refuse it (OM603).
    expect(run.stderr).toContain('generated/notes.txt - error OM603: generated/notes.txt is not in openapi-morph.manifest.json');
    expect(project.snapshot('generated')).toStrictEqual(before);
  });

  it('is clean again after generate, which rewrites only what differs', async () => {
    expect((await runCli(['generate'], project.dir)).stderr).toContain('generated/notes.txt - error OM603');
    rmSync(join(project.dir, 'generated/notes.txt'));
    // What a file browser leaves in a folder it shows is never the generator's, nor a reason to refuse.
    writeFileSync(join(project.dir, 'generated/docs/.DS_Store'), 'finder');
    writeFileSync(join(project.dir, 'generated/Thumbs.db'), 'explorer');
    const dry = await runCli(['generate', '--dry-run'], project.dir);
    expect(dry.stdout).toContain('would replace: generated/README.md (edited since openapi-morph wrote it; make the change in the spec, the config or a template)');
    const run = await runCli(['generate'], project.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2 written, \d+ unchanged, 0 removed/);
    // The edit is replaced, not silently: the missing file is written without a word.
    expect(run.stdout).toContain('replaced: generated/README.md (edited since openapi-morph wrote it; make the change in the spec, the config or a template)');
    expect(run.stdout).not.toContain('VoiceIdsShared');
    expect(project.read('generated/docs/.DS_Store')).toBe('finder');
    expect((await runCli(['check'], project.dir)).code).toBe(0);
  });

  it('refuses a symbolic link in the output folder, located, writing nothing through it (a review got EISDIR)', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'om-outside-'));
    try {
      renameSync(join(project.dir, 'generated/docs'), join(outside, 'docs'));
      symlinkSync(join(outside, 'docs'), join(project.dir, 'generated/docs'));
      const before = readdirSync(join(outside, 'docs')).sort();
      for (const command of ['check', 'generate']) {
        const run = await runCli([command, '--force'], project.dir);
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/^generated\/docs - error OM605: generated\/docs is a symbolic link: openapi-morph writes real files only/m);
      }
      expect(readdirSync(join(outside, 'docs')).sort()).toStrictEqual(before);
    } finally {
      rmSync(join(project.dir, 'generated/docs'), { force: true });
      renameSync(join(outside, 'docs'), join(project.dir, 'generated/docs'));
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('fails when the spec changes and generated/ was not regenerated', async () => {
    const spec = project.read('spec/openapi.yaml').replace('version: 2.3.0', 'version: 2.3.1');
    project.write('spec/openapi.yaml', spec);
    const run = await runCli(['check'], project.dir);
    expect(run.code).toBe(1);
    // Every file names the spec's hash in its header, so every file is stale.
    expect(run.stderr).toContain('stale:   generated/src/index.ts');
    expect(run.stderr).toContain('stale:   generated/openapi-morph.manifest.json');
    expect(run.stderr).not.toContain('edited:');
  });
});

describe('generate names the hand edits it replaces or removes', () => {
  const project = copyRepoProject();
  afterAll(() => project.remove());

  it('an edited file the new spec no longer makes is named as removed, not deleted silently', async () => {
    appendFileSync(join(project.dir, 'generated/docs/VoiceIdsShared.md'), '\nhand edit\n');
    // The schema is no longer referenced: its page goes.
    project.write('spec/openapi.yaml', project.read('spec/openapi.yaml').replaceAll('$ref: "#/components/schemas/VoiceIdsShared"', 'type: string'));
    const run = await runCli(['generate'], project.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('removed: generated/docs/VoiceIdsShared.md (edited since openapi-morph wrote it; make the change in the spec, the config or a template)');
  });
});
