import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, runCli, spawnCli } from './helpers/cli.ts';
import { PETS_AND_STORES } from './helpers/pets.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

const SPEC = PETS_AND_STORES;

describe('generate --dry-run, --silent, --verbose and progress', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = tempProject({ spec: SPEC, config: { output: { dir: 'client' } } });
    expect((await runCli(['generate'], project.dir)).code).toBe(0);
  });
  afterAll(() => project.remove());

  it('--dry-run prints what would be written and removed, and writes nothing', async () => {
    const before = project.snapshot();
    const run = await runCli(['generate', '--dry-run', '--tag', 'Pets'], project.dir);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContain('would remove: client/src/apis/StoresApi.ts');
    expect(lines).toContain('would remove: client/docs/StoresApi.md');
    expect(lines).toContain('would write:  client/openapi-morph.manifest.json');
    expect(lines.at(-1)).toMatch(/^client: test-client \d+ files \(\d+ would be written, \d+ unchanged, 2 would be removed\) .*; dry run, nothing written$/);
    expect(project.snapshot()).toStrictEqual(before);
  });

  it('--silent prints nothing on success; --verbose adds stage timings', async () => {
    const silent = await runCli(['generate', '--silent'], project.dir);
    expect(silent).toStrictEqual({ code: 0, stdout: '', stderr: '' });
    const verbose = await runCli(['generate', '--verbose', '--force'], project.dir);
    expect(verbose.code).toBe(0);
    expect(verbose.stdout).toMatch(/^client: test-client /);
    const stages = verbose.stderr.split('\n').filter((l) => /^ {2}\w/.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    expect(stages).toStrictEqual(['load', 'select', 'validate', 'model', 'templates', 'format', 'write']);
    expect(verbose.stderr).toMatch(/^ {2}format +\d+(\.\d)? m?s {2}\d+ files$/m);
    expect((await runCli(['generate', '--silent', '--verbose'], project.dir)).stderr).toContain('error OM100: --silent and --verbose contradict each other');
  });

  it('shows one overwritten progress line on a terminal (generate, sync), none in a pipe or with --silent', () => {
    // A run must take over a second to show it: a team template that holds the render for 1.5 s
    // (a small spec alone renders faster than that now), blocking its thread without using the CPU
    // (a busy loop took 6 s of CPU from the other test worker over the four runs).
    const slow = tempProject({ spec: SPEC, config: { output: { dir: 'client' }, templates: { dir: 'team' }, typecheck: 'never' } });
    slow.write('team/slow.ts', "export default { apiVersion: 1, name: 'slow', description: 'takes 1.5 s', scope: 'document', render() { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500); return []; } };\n");
    // `script` gives the CLI a real pseudo-terminal.
    const tty = (args: string, command = 'generate') =>
      spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(binPath)} ${command} ${args}`, '/dev/null'], { cwd: slow.dir, encoding: 'utf8' });
    const shown = tty('--force');
    expect(shown.status).toBe(0);
    // oxlint-disable-next-line no-control-regex -- the terminal's escape sequence is the point
    expect(shown.stdout).toMatch(/\r\u001b\[2Kopenapi-morph: (load|select|validate|model|templates|format|write)\b[^\r]*\(\d+\.\d s\)/);
    // Cleared before the summary line.
    // oxlint-disable-next-line no-control-regex -- the terminal's escape sequence is the point
    expect(shown.stdout).toMatch(/\r\u001b\[2Kclient: test-client /);
    expect(tty('--silent').stdout).not.toContain('openapi-morph: ');
    const piped = spawnCli(['generate', '--force'], slow.dir);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
    // sync shows it too.
    slow.write('upstream.yaml', SPEC.replace('The pet.', 'The pet, upstream.'));
    const sync = tty('--from upstream.yaml', 'sync');
    expect(sync.status).toBe(0);
    // oxlint-disable-next-line no-control-regex -- the terminal's escape sequence is the point
    expect(sync.stdout).toMatch(/\r\u001b\[2Kopenapi-morph: (load|overlays|select|validate|model|templates|format|write)\b[^\r]*\(\d+\.\d s\)/);
    slow.remove();
  });
});
