/**
 * `generate` stages its files while the render still runs (generator/write/staging.ts): each file
 * is written to a staging folder as prettier's output for it comes in, and the commit links it
 * beside its target as the staged copy it renames into place. The real bin (its format worker is
 * the compiled one; from the sources formatting stays in-thread and nothing is staged early) runs
 * with the preloaded probe (test/helpers/load-order.mjs) that logs each `writeFileSync`,
 * `linkSync` and `renameSync`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { STAGING_PREFIX } from '../generator/write/staging.ts';
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
function generate(p: TempProject, args: readonly string[] = []): { code: number; stderr: string; events: string[] } {
  logs = mkdtempSync(join(tmpdir(), 'om-staging-log-'));
  const log = join(logs, 'load-order.log');
  const run = spawnCli(['generate', ...args], p.dir, { LOAD_ORDER_LOG: log }, { preload: [probe] });
  return { code: run.code, stderr: run.stderr, events: readFileSync(log, 'utf8').split('\n') };
}

/** The `from` and `to` of each event of a kind (`link`, `rename`). */
const pairs = (events: readonly string[], kind: string) => events.filter((e) => e.startsWith(`${kind} `)).map((e) => e.slice(kind.length + 1).split('\t') as [string, string]);
const stagingFolders = (p: TempProject) => readdirSync(p.dir).filter((name) => name.startsWith(STAGING_PREFIX));
const inStaging = (p: TempProject, path: string) => dirname(path).startsWith(join(p.dir, STAGING_PREFIX));

describeNeeding(
  { what: 'a second CPU core', present: availableParallelism() > 1, hint: 'a render starts its format worker only on a machine with two cores or more (renderPoolSize)' },
  'generate stages its files while the render runs',
  () => {
    it('the staged copy of every file but the manifest is a link to one staged during the render; the staging folder is gone after; the folder is what the render makes', async () => {
      const p = (project = tempProject());
      const run = generate(p);
      expect([run.code, run.stderr]).toStrictEqual([0, '']);
      const into = join(p.dir, 'generated');
      const renamed = pairs(run.events, 'rename').filter(([, to]) => to.startsWith(into));
      expect(renamed.length).toBeGreaterThan(30);
      const linked = pairs(run.events, 'link');
      // Each link is from the staging folder to a staged copy beside its target, the copy renamed into place.
      expect(linked.every(([from]) => inStaging(p, from))).toBe(true);
      const copies = new Set(linked.map(([, to]) => to));
      expect(renamed.filter(([from]) => !copies.has(from)).map(([, to]) => to.slice(into.length + 1))).toStrictEqual([MANIFEST_NAME]);
      expect(linked.every(([, to]) => basename(to).endsWith('.om-new'))).toBe(true);
      expect(stagingFolders(p)).toStrictEqual([]);
      const check = await runCli(['check'], p.dir);
      expect([check.code, check.stderr]).toStrictEqual([0, '']);
    });

    it('a generate that fails after files were staged (a foreign file, OM603) leaves the project as it was, no staging folder', async () => {
      const p = (project = tempProject());
      expect((await runCli(['generate'], p.dir)).code).toBe(0);
      p.write('spec/openapi.yaml', p.read('spec/openapi.yaml').replace('version: 2.3.0', 'version: 2.4.0'));
      p.write('generated/notes.txt', 'ours');
      const before = p.snapshot();
      const run = generate(p);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('error OM603');
      // Staged while the render ran, then thrown away.
      expect(run.events.filter((e) => e.startsWith('write-sync ') && inStaging(p, e.slice('write-sync '.length))).length).toBeGreaterThan(10);
      expect(p.snapshot()).toStrictEqual(before);
      expect(stagingFolders(p)).toStrictEqual([]);
    });

    it('a generate whose template throws while others are formatted leaves no staging folder, nor staged files', async () => {
      const p = (project = tempProject({ inRepo: true }));
      expect((await runCli(['generate'], p.dir)).code).toBe(0);
      p.write('spec/openapi.yaml', p.read('spec/openapi.yaml').replace('version: 2.3.0', 'version: 2.4.0'));
      p.write('openapi-morph.config.mjs', p.read('openapi-morph.config.mjs').replace('export default {', "export default {\n  templates: { dir: 'team' },"));
      p.write('team/readme.ts', "import { defineTemplate } from 'openapi-morph';\nexport default defineTemplate({ apiVersion: 1, name: 'readme', description: 'x', scope: 'document', render() { throw new Error('boom'); } });\n");
      const before = p.snapshot();
      for (let i = 0; i < 3; i++) {
        const run = generate(p, ['--force']);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain('template "readme" threw: boom');
        expect(p.snapshot()).toStrictEqual(before);
        expect(stagingFolders(p)).toStrictEqual([]);
      }
    });
  },
);
