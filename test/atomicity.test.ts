import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JOURNAL_NAME } from '../generator/write/transaction.ts';
import { runCli } from './helpers/cli.ts';
import { tempProject, type TempProject } from './helpers/project.ts';
import { renameWithFault } from './helpers/rename-fault.mjs';

/** The failure point: while `failing` is set, renames go through it (the real rename, then perhaps a throw). */
const fault = vi.hoisted(() => ({ failing: undefined as ((from: string, to: string) => void) | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const renameSync = (from: string, to: string): void => (fault.failing ?? fs.renameSync)(from, to);
  return { ...fs, renameSync, default: { ...fs, renameSync } };
});
const { renameSync: realRename } = await vi.importActual<typeof import('node:fs')>('node:fs');

let project: TempProject | undefined;
afterEach(() => project?.remove());

/** A generated project whose spec then changes, so a second generate would rewrite every file. */
async function changedProject(teamTemplates = false) {
  project = tempProject({ inRepo: true });
  expect((await runCli(['generate'], project.dir)).code).toBe(0);
  project.write('spec/openapi.yaml', project.read('spec/openapi.yaml').replace('version: 2.3.0', 'version: 2.4.0'));
  if (teamTemplates) project.write('openapi-morph.config.mjs', project.read('openapi-morph.config.mjs').replace('export default {', "export default {\n  templates: { dir: 'team' },"));
  return project;
}

async function expectUnchanged(p: TempProject, code: string, message: RegExp) {
  const before = p.snapshot();
  const run = await runCli(['generate'], p.dir);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`error ${code}`);
  expect(run.stderr).toMatch(message);
  expect(p.snapshot()).toStrictEqual(before);
  expect(p.exists(JOURNAL_NAME)).toBe(false);
}

describe('a failure at any stage leaves spec/ and generated/ exactly as they were', () => {
  it('a template that throws', async () => {
    const p = await changedProject(true);
    p.write('team/readme.ts', "import { defineTemplate } from 'openapi-morph';\nexport default defineTemplate({ apiVersion: 1, name: 'readme', description: 'x', scope: 'document', render() { throw new Error('boom'); } });\n");
    await expectUnchanged(p, 'OM500', /template "readme" threw: boom/);
  });

  it('a template whose output prettier cannot format', async () => {
    const p = await changedProject(true);
    p.write('team/notes.ts', "import { defineTemplate } from 'openapi-morph';\nexport default defineTemplate({ apiVersion: 1, name: 'notes', description: 'x', scope: 'document', render: () => ({ kind: 'text', path: 'notes.yaml', content: 'a: [unclosed' }) });\n");
    await expectUnchanged(p, 'OM600', /prettier could not format notes\.yaml \(from template "notes"\)/);
  });

  it('a write that fails while staging (a folder where a staged file must go) is rolled back at once', async () => {
    const p = await changedProject();
    // A folder named like the staged copy of docs/RealtimeApi.md: writing that copy fails.
    mkdirSync(join(p.dir, 'generated/docs/.RealtimeApi.md.om-new'));
    await expectUnchanged(p, 'OM601', /writing \d+ files failed and was rolled back/);
  });

  it.each([1, 5, 12])('a write that fails after %i renames (a full disk, say) is rolled back at once', async (renames) => {
    const p = await changedProject();
    // A full disk, say: the Nth rename of an output file fails.
    fault.failing = renameWithFault(realRename, renames, (n: number) => {
      throw new Error(`injected fault after ${n} renames`);
    });
    try {
      await expectUnchanged(p, 'OM601', new RegExp(`rolled back: injected fault after ${renames} renames`));
    } finally {
      fault.failing = undefined;
    }
  });

  it('a folder standing where a file goes is replaced, and the replacement is clean', async () => {
    const p = await changedProject();
    rmSync(join(p.dir, 'generated/README.md'));
    mkdirSync(join(p.dir, 'generated/README.md'));
    writeFileSync(join(p.dir, 'generated/README.md/keep.txt'), 'in the way');
    // What the folder holds is not the generator's to delete.
    await expectUnchanged(p, 'OM603', /generated\/README.md\/keep.txt is not in openapi-morph.manifest.json: openapi-morph did not make it, and generating would delete it/);
    rmSync(join(p.dir, 'generated/README.md/keep.txt'));
    const run = await runCli(['generate'], p.dir);
    expect(run.stderr).toBe('');
    // The spec changed by hand, so check also wants a release (OM701); record one.
    expect((await runCli(['release', '--bump', 'patch'], p.dir)).stdout).toContain('released test-client 1.0.1');
    expect((await runCli(['check'], p.dir)).code).toBe(0);
    expect(Object.keys(p.snapshot()).filter((f) => f.includes('.om-'))).toStrictEqual([]);
  });
});
