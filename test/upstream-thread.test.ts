/**
 * `sync` loads its upstream on a worker thread (generator/sync/upstream-thread.ts) while the main
 * thread loads the render's modules. Only the compiled toolkit has the worker (from the sources,
 * as in the in-process tests of sync.test.ts, the upstream loads on the calling thread), so these
 * run the real bin: the main thread never reads the upstream; what crosses back (the subset, its
 * warnings, a failure's located diagnostics) is what the calling thread would have had, byte for
 * byte in what sync writes and prints. (How a failure crosses: unit/crossing.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { binPath, runCli, spawnCli } from './helpers/cli.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

const probe = fileURLToPath(new URL('./helpers/load-order.mjs', import.meta.url));
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures/hostile', name), 'utf8');

const projects: TempProject[] = [];
afterEach(() => {
  for (const p of projects.splice(0)) p.remove();
});

/** A project whose upstream/openapi.yaml is `upstream`, selecting every operation. */
function project(upstream: string): TempProject {
  const p = tempProject({ config: { select: { include: 'all' } } });
  p.write('upstream/openapi.yaml', upstream);
  projects.push(p);
  return p;
}

const SYNC = ['sync', '--from', 'upstream/openapi.yaml'];

/**
 * The bin's sync in `p`, with the load-order probe: fails unless the upstream was loaded off the
 * main thread (an upstream worker started, the main thread never read the file), so a comparison
 * with an in-thread sync cannot pass by both loading it here.
 */
function offThreadSync(p: TempProject, args: readonly string[] = []): ReturnType<typeof spawnCli> {
  const dir = mkdtempSync(join(tmpdir(), 'om-load-order-'));
  const log = join(dir, 'load-order.log');
  const run = spawnCli([...SYNC, ...args], p.dir, { LOAD_ORDER_LOG: log }, { preload: [probe] });
  const events = readFileSync(log, 'utf8').split('\n');
  rmSync(dir, { recursive: true, force: true });
  expect(events.filter((e) => e.startsWith('worker ')).map((e) => e.replace(/^.*\//, ''))).toContain('upstream-worker.js');
  expect(events).not.toContain(`read ${join(p.dir, 'upstream/openapi.yaml')}`);
  return run;
}

describe('sync by the bin loads its upstream on a worker thread', () => {
  it('the upstream worker starts first, before the config loads, and the main thread never reads the upstream file', () => {
    const p = project(readFileSync(join(import.meta.dirname, '../spec/openapi.yaml'), 'utf8'));
    const log = join(p.dir, 'load-order.log');
    const run = spawnCli(SYNC, p.dir, { LOAD_ORDER_LOG: log }, { preload: [probe] });
    expect([run.code, run.stderr]).toStrictEqual([0, '']);
    const events = readFileSync(log, 'utf8').split('\n');
    const workers = events.filter((e) => e.startsWith('worker ')).map((e) => e.replace(/^.*\//, ''));
    expect(workers[0]).toBe('upstream-worker.js');
    const config = events.indexOf(`read ${join(p.dir, 'openapi-morph.config.mjs')}`);
    expect(config).toBeGreaterThan(0);
    expect(events.findIndex((e) => e.endsWith('/upstream-worker.js'))).toBeLessThan(config);
    expect(events).not.toContain(`read ${join(p.dir, 'upstream/openapi.yaml')}`);
    expect(p.exists('generated/package.json')).toBe(true);
  });

  it('a worker started before a config that fails to load holds nothing open: the run ends with the config error', () => {
    const p = project(readFileSync(join(import.meta.dirname, '../spec/openapi.yaml'), 'utf8'));
    p.write('openapi-morph.config.mjs', 'export default {\n');
    const before = p.snapshot();
    // Killed after 30 s if the worker kept it open (it did, when its listeners were added after `unref`).
    const run = spawnSync(process.execPath, [binPath, ...SYNC], { cwd: p.dir, encoding: 'utf8', timeout: 30_000 });
    expect([run.status, run.signal]).toStrictEqual([1, null]);
    expect(run.stderr).toContain('error OM102: could not load');
    expect(p.snapshot()).toStrictEqual(before);
  });

  // Keys named like Object.prototype's, merge keys and shared anchors, values of every type.
  it.each(['names.yaml', 'merge-keys.yaml', 'values.yaml'])('writes and prints what an in-thread sync does: %s', async (name) => {
    const inThread = project(fixture(name));
    const offThread = project(fixture(name));
    const here = await runCli(SYNC, inThread.dir);
    const bin = offThreadSync(offThread);
    expect(here.code).toBe(0);
    expect([bin.code, bin.stdout, bin.stderr]).toStrictEqual([here.code, here.stdout, here.stderr]);
    expect(offThread.snapshot('spec')).toStrictEqual(inThread.snapshot('spec'));
    expect(offThread.snapshot('generated')).toStrictEqual(inThread.snapshot('generated'));
  });

  const broken: [string, (text: string) => string, string[], RegExp][] = [
    ['an invalid document (located by line and pointer)', (text) => text.replace(/\n +description: The new session[^\n]*\n/, "\n"), [], /upstream\/openapi\.yaml:\d+:\d+ \(#\/paths\/.*\) - error OM206/],
    ['a YAML syntax error (located by line and column)', (text) => text.replace('paths:', 'paths: [\n'), [], /upstream\/openapi\.yaml:\d+:\d+ - error OM202: YAML syntax error/],
    ['a selection that matches nothing', (text) => text, ['--path', '/nowhere'], /error OM\d+: .*\/nowhere/],
  ];
  it.each(broken)('fails as an in-thread sync does, writing nothing: %s', async (_, edit, args, expected) => {
    const upstream = edit(readFileSync(join(import.meta.dirname, '../spec/openapi.yaml'), 'utf8'));
    const inThread = project(upstream);
    const offThread = project(upstream);
    const before = offThread.snapshot();
    const here = await runCli([...SYNC, ...args], inThread.dir);
    const bin = offThreadSync(offThread, args);
    expect(bin.stderr).toMatch(expected);
    expect([bin.code, bin.stdout, bin.stderr]).toStrictEqual([1, here.stdout, here.stderr]);
    expect(offThread.snapshot()).toStrictEqual(before);
  });
});
