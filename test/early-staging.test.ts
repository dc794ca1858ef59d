/**
 * `generate` stages its files while the render still runs (generator/write/staging.ts): each file
 * is written to the staging folder as prettier's output for it comes in, and the commit renames it
 * into place. The real bin (its format worker is the compiled one; from the sources formatting
 * stays in-thread and nothing is staged early) runs with the preloaded probe
 * (test/helpers/load-order.mjs) that logs each `writeFileSync` and `renameSync`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { STAGING_NAME } from '../generator/write/staging.ts';
import { MANIFEST_NAME } from '../generator/write/output-tree.ts';
import { runCli, spawnCli } from './helpers/cli.ts';
import { tempProject, type TempProject } from './helpers/project.ts';
import { describeNeeding } from './helpers/required-input.ts';

const probe = fileURLToPath(new URL('./helpers/load-order.mjs', import.meta.url));

let project: TempProject | undefined;
let logs = '';
afterEach(() => {
  project?.remove();
  if (logs) rmSync(logs, { recursive: true, force: true });
});

/** The bin's `generate`, with the probe's log (kept outside the project, which the tests compare). */
function generate(p: TempProject): { code: number; stderr: string; events: string[] } {
  logs = mkdtempSync(join(tmpdir(), 'om-staging-log-'));
  const log = join(logs, 'load-order.log');
  const run = spawnCli(['generate'], p.dir, { LOAD_ORDER_LOG: log }, { preload: [probe] });
  return { code: run.code, stderr: run.stderr, events: readFileSync(log, 'utf8').split('\n') };
}

describeNeeding(
  { what: 'a second CPU core', present: availableParallelism() > 1, hint: 'a render starts its format worker only on a machine with two cores or more (renderPoolSize)' },
  'generate stages its files while the render runs',
  () => {
    it('every file but the manifest is renamed into place from the staging folder, which is gone afterwards; the folder is what the render makes', async () => {
      project = tempProject();
      const run = generate(project);
      expect([run.code, run.stderr]).toStrictEqual([0, '']);
      const into = join(project.dir, 'generated') + '/';
      const renames = run.events.filter((e) => e.startsWith('rename ') && e.split(' ')[2]!.startsWith(into)).map((e) => e.split(' ') as [string, string, string]);
      const staging = join(project.dir, STAGING_NAME) + '/';
      expect(renames.filter(([, from]) => !from.startsWith(staging)).map(([, , to]) => to.slice(into.length))).toStrictEqual([MANIFEST_NAME]);
      expect(renames.length).toBeGreaterThan(30);
      expect(project.exists(STAGING_NAME)).toBe(false);
      const check = await runCli(['check'], project.dir);
      expect([check.code, check.stderr]).toStrictEqual([0, '']);
    });

    it('a generate that fails after files were staged (a foreign file, OM603) leaves the project as it was, the staging folder gone', async () => {
      const p = (project = tempProject());
      expect((await runCli(['generate'], p.dir)).code).toBe(0);
      p.write('spec/openapi.yaml', p.read('spec/openapi.yaml').replace('version: 2.3.0', 'version: 2.4.0'));
      p.write('generated/notes.txt', 'ours');
      const before = p.snapshot();
      const run = generate(p);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('error OM603');
      // Staged while the render ran, then thrown away.
      expect(run.events.filter((e) => e.startsWith(`write-sync ${join(p.dir, STAGING_NAME)}/`)).length).toBeGreaterThan(10);
      expect(p.snapshot()).toStrictEqual(before);
      expect(p.exists(STAGING_NAME)).toBe(false);
    });
  },
);
