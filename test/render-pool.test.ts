/**
 * A render's format worker starts before the spec loads (generator/pipeline.ts `withRenderPool`,
 * and `sync`): prettier loads on its thread while the main thread reads and parses the spec. The
 * order, not a time: the real bin (its worker is the compiled one; from the sources formatting
 * stays in-thread) runs with a preloaded probe (test/helpers/load-order.mjs) that logs each worker
 * the main thread creates and each file it reads, in order. And the worker starts in a program run
 * with Node options it inherits and would refuse from a file (`--input-type`).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { repoRoot, spawnCli } from './helpers/cli.ts';
import { tempProject, type TempProject } from './helpers/project.ts';
import { describeNeeding } from './helpers/required-input.ts';

const probe = fileURLToPath(new URL('./helpers/load-order.mjs', import.meta.url));

let project: TempProject | undefined;
afterEach(() => project?.remove());

/** Runs the bin with the probe; the first worker created and the first read of `spec`, in the order they happened. */
function order(p: TempProject, args: readonly string[], spec: string): string[] {
  const log = join(p.dir, 'load-order.log');
  const run = spawnCli(args, p.dir, { LOAD_ORDER_LOG: log }, { preload: [probe] });
  expect([run.code, run.stderr]).toStrictEqual([0, '']);
  const events = readFileSync(log, 'utf8').split('\n');
  const worker = events.find((e) => e.startsWith('worker ') && e.endsWith('/format-worker.js'));
  const read = events.find((e) => e === `read ${join(p.dir, spec)}`);
  return events.filter((e) => e === worker || e === read).map((e) => (e === worker ? 'format worker' : `read ${spec}`));
}

const cases: { name: string; given: (p: TempProject) => void; args: string[]; spec: string }[] = [
  { name: 'generate', given: () => undefined, args: ['generate'], spec: 'spec/openapi.yaml' },
  {
    name: 'check --force (it renders to compare)',
    given: (p) => void expect(spawnCli(['generate'], p.dir).code).toBe(0),
    args: ['check', '--force'],
    spec: 'spec/openapi.yaml',
  },
  {
    // The upstream loads on a worker of its own (upstream-thread.test.ts); the main thread reads the spec it replaces.
    name: 'sync --from (the previous spec is what the main thread reads)',
    given: (p) => p.write('upstream/openapi.yaml', readFileSync(join(repoRoot, 'spec/openapi.yaml'), 'utf8')),
    args: ['sync', '--from', 'upstream/openapi.yaml'],
    spec: 'spec/openapi.yaml',
  },
];

describeNeeding(
  { what: 'a second CPU core', present: availableParallelism() > 1, hint: 'a render starts its format worker only on a machine with two cores or more (renderPoolSize)' },
  'the format worker starts before the spec loads',
  () => {
    it.each(cases)('$name', ({ given, args, spec }) => {
      project = tempProject();
      given(project);
      expect(order(project, args, spec)).toStrictEqual(['format worker', `read ${spec}`]);
    });
  },
);

/** The format workers a run created, from the probe's log. */
function formatWorkers(log: string): number {
  return readFileSync(log, 'utf8').split('\n').filter((e) => e.startsWith('worker ') && e.includes('format-worker.js')).length;
}

describeNeeding(
  { what: 'a second CPU core', present: availableParallelism() > 1, hint: 'a render starts its format worker only on a machine with two cores or more (renderPoolSize)' },
  'generate and check start the format worker once they know a render follows, and only then',
  () => {
    const run = (p: TempProject, args: readonly string[]) => {
      const log = join(p.dir, `load-order-${args.join('-')}.log`);
      const result = spawnCli(args, p.dir, { LOAD_ORDER_LOG: log }, { preload: [probe] });
      expect([result.code, result.stderr]).toStrictEqual([0, '']);
      return { workers: formatWorkers(log), events: readFileSync(log, 'utf8').split('\n') };
    };

    // One generated project for the five runs below, in this order (the last one breaks it): a CLI run costs 1-2 s.
    let generated: TempProject;
    beforeAll(() => {
      generated = tempProject();
      expect(spawnCli(['generate'], generated.dir).code).toBe(0);
    });
    afterAll(() => generated.remove());

    it.each([['generate'], ['check']])('%s: no format worker when nothing changed (the no-op pays for no thread)', (command) => {
      expect(run(generated, [command]).workers).toBe(0);
    });

    it.each([['generate', '--force'], ['check', '--force']])('%s %s: one format worker, started ahead (before the render reads its journal) and taken by the render (not a second)', (...args) => {
      const { workers, events } = run(generated, args);
      expect(workers).toBe(1);
      const worker = events.findIndex((e) => e.startsWith('worker ') && e.includes('format-worker.js'));
      const journal = events.findIndex((e) => e === `exists ${join(generated.dir, '.openapi-morph-journal.json')}`);
      expect(journal).toBeGreaterThan(worker);
    });

    it('a pool started ahead that no render took is closed when the command fails (in `generate --watch` it would outlive the run)', () => {
      // An empty release history: check fails (OM105) after the worker started, before its render.
      generated.write('spec/releases.json', '{"releases": []}');
      const log = join(generated.dir, 'load-order-failed.log');
      const result = spawnCli(['check', '--force'], generated.dir, { LOAD_ORDER_LOG: log }, { preload: [probe] });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/OM10\d/);
      const events = readFileSync(log, 'utf8').split('\n').filter((e) => e.includes('format-worker.js') && !e.startsWith('online ') && !e.startsWith('exists '));
      expect(events.map((e) => e.split(' ')[0])).toStrictEqual(['worker', 'terminate']);
    });

    it('the render takes the pool started ahead for its output folder, once; another folder gets a pool of its own', () => {
      const renderPool = pathToFileURL(join(repoRoot, 'dist/generator/format/render-pool.js')).href;
      project = tempProject();
      const count = (body: string) => {
        const log = join(project!.dir, `pool-${formatWorkersRun++}.log`);
        const script = `const m = await import(${JSON.stringify(renderPool)}); const dir = process.cwd(); ${body}`;
        const result = spawnSync(process.execPath, ['--import', pathToFileURL(probe).href, '--input-type=module', '-e', script], { cwd: project!.dir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, LOAD_ORDER_LOG: log } });
        expect([result.status, result.stderr]).toStrictEqual([0, '']);
        return formatWorkers(log);
      };
      expect(count('m.startRenderFormattingAhead(dir); m.startRenderFormattingAhead(dir); m.renderFormatting(dir).close();')).toBe(1);
      expect(count('m.startRenderFormattingAhead(dir); m.renderFormatting(dir).close(); m.renderFormatting(dir).close();')).toBe(2);
      expect(count("m.startRenderFormattingAhead(dir); m.renderFormatting(dir + '/elsewhere').close();")).toBe(2);
      // Closed ahead: forgotten, so the render starts its own.
      expect(count('m.startRenderFormattingAhead(dir); m.closeRenderFormattingAhead(); m.renderFormatting(dir).close();')).toBe(2);
    });
  },
);

let formatWorkersRun = 0;

describeNeeding(
  { what: 'a second CPU core', present: availableParallelism() > 1, hint: 'a render starts its format worker only on a machine with two cores or more (renderPoolSize)' },
  "the markdown pages go to the format worker before TypeScript's compiler is read (prettier formats them while it loads)",
  () => {
    it.each([
      { ...cases.find((c) => c.name === 'generate')! },
      {
        name: 'sync --from (its upstream on a worker thread, a changed one: the diff and the release run first)',
        given: (p: TempProject) => p.write('upstream/openapi.yaml', readFileSync(join(repoRoot, 'spec/openapi.yaml'), 'utf8').replace(/^  version: .*$/m, '  version: 99.0.0')),
        args: ['sync', '--from', 'upstream/openapi.yaml'],
      },
    ])('$name', ({ given, args }) => {
      project = tempProject();
      given(project);
      const log = join(project.dir, 'load-order.log');
      // A format cache of its own, so that the pages are formatted, not found.
      project.write('tmp/.keep', '');
      const run = spawnCli(args, project.dir, { LOAD_ORDER_LOG: log, TMPDIR: join(project.dir, 'tmp') }, { preload: [probe] });
      expect([run.code, run.stderr]).toStrictEqual([0, '']);
      const events = readFileSync(log, 'utf8').split('\n');
      const firstPage = events.findIndex((e) => /^post docs\/.*\.md$/.test(e));
      const compiler = events.findIndex((e) => /^open .*[\\/]typescript[\\/]lib[\\/]typescript\.js$/.test(e));
      expect(firstPage).toBeGreaterThanOrEqual(0);
      expect(compiler).toBeGreaterThan(firstPage);
    });
  },
);

describeNeeding(
  { what: 'a second CPU core', present: availableParallelism() > 1, hint: 'a render starts its format worker only on a machine with two cores or more (renderPoolSize)' },
  'the format worker starts under Node options that a worker started from a file refuses',
  () => {
    it('a pool nobody closes holds the process open only while it has jobs: a program that starts one and does nothing more ends', () => {
      const renderPool = pathToFileURL(join(repoRoot, 'dist/generator/format/render-pool.js')).href;
      project = tempProject();
      const log = join(project.dir, 'load-order.log');
      const script = `const { startRenderFormatting } = await import(${JSON.stringify(renderPool)}); if (!startRenderFormatting(process.cwd())) throw new Error('no pool');`;
      // Killed after 30 s if the worker kept it open (it did, with its listeners added after unref()).
      const run = spawnSync(process.execPath, ['--import', pathToFileURL(probe).href, '--input-type=module', '-e', script], { cwd: project.dir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, LOAD_ORDER_LOG: log } });
      expect([run.status, run.signal, run.stderr]).toStrictEqual([0, null, '']);
      expect(readFileSync(log, 'utf8')).toMatch(/^worker .*format-worker\.js/m);
    });

    it('the public API in a program run as `node --input-type=module -e` starts its format worker (the worker inherits Node\'s options, and Node 20 starts none from a file under --input-type)', () => {
      project = tempProject();
      const api = pathToFileURL(join(repoRoot, 'dist/generator/index.js')).href;
      const script = `const m = await import(${JSON.stringify(api)}); await m.generate(await m.loadConfig({ cwd: ${JSON.stringify(project.dir)} }), {});`;
      const log = join(project.dir, 'load-order.log');
      // A format cache of its own, so that the worker has jobs.
      project.write('tmp/.keep', '');
      const run = spawnSync(process.execPath, ['--import', pathToFileURL(probe).href, '--input-type=module', '-e', script], { cwd: project.dir, encoding: 'utf8', env: { ...process.env, LOAD_ORDER_LOG: log, TMPDIR: join(project.dir, 'tmp') } });
      expect([run.status, run.stderr]).toStrictEqual([0, '']);
      expect(readFileSync(log, 'utf8').split('\n').some((e) => e.startsWith('worker ') && e.includes('format-worker.js'))).toBe(true);
      expect(project.exists('generated/package.json')).toBe(true);
    });
  },
);
