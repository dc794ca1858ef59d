/**
 * The bin as built (generator/bin/build-bundle.ts): the CLI and the public API bundled into a few
 * files, so a run reads a handful of the toolkit's modules instead of one per source file, and a
 * render works from the bundle (the format worker included).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, repoRoot } from './helpers/cli.ts';
import { copyRepoProject, type TempProject } from './helpers/project.ts';

/** Logs every ES module Node loads from the toolkit's `dist/` to stderr. */
const HOOKS = `export async function load(url, context, next) {
  if (url.startsWith(${JSON.stringify(pathToFileURL(join(repoRoot, 'dist')).href)})) process.stderr.write('loaded ' + url + '\\n');
  return next(url, context);
}`;

let project: TempProject;
let register: string;

beforeAll(() => {
  project = copyRepoProject();
  writeFileSync(join(project.dir, 'hooks.mjs'), HOOKS);
  register = join(project.dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(project.dir, 'hooks.mjs')).href)});\n`);
});
afterAll(() => project.remove());

function run(args: readonly string[]): { code: number | null; stdout: string; modules: string[] } {
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, binPath, ...args], { cwd: project.dir, encoding: 'utf8' });
  const modules = result.stderr.split('\n').filter((line) => line.startsWith('loaded '));
  return { code: result.status, stdout: result.stdout, modules };
}

/** The toolkit's modules a run loaded that are not the bundle's (tsc's per-file output). */
const unbundled = (modules: readonly string[]): string[] => modules.filter((line) => !/\/dist\/generator\/(bin\/openapi-morph|cli|index|format-worker|chunk-[A-Z0-9]+)\.js$|\/dist\/templates\//.test(line));

describe('the bundled CLI', () => {
  // 32 since the upstream's stages (upstream-subset.ts) and the worker's start (upstream-thread.ts,
  // imported by the sync command first) are chunks of their own, which cut shared chunks finer: the
  // no-op check's wall did not change (0.21-0.24 s against 0.21-0.24 s, 8 runs each, at 30 and at 32).
  // 33 since the render's format worker can start ahead (format/render-pool.ts, a chunk of its own):
  // 258 bytes more are read, and the no-op check's wall did not change (median 0.25 s at 32 and at 33, 12 runs each).
  // 35 since the types worker (types/types-worker.ts) is an entry of its own, which cuts `json.ts` and
  // the invisible-character escape into chunks of their own: the no-op check's wall did not change
  // (median 0.24 s at 33 and at 35, 14 interleaved runs each).
  // 36 since the client's default base URL (openapi/default-base-url.ts) is one function the public
  // API gives the templates and `diff` reads too, a chunk of its own: the no-op check's wall did not
  // change (medians 0.42 s and 0.42 s, 12 interleaved runs each, on a busy host).
  it('renders with the bundle, and a no-op check then loads at most 36 of its modules (one per source file was 78)', () => {
    const rendered = run(['generate', '--force']);
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toMatch(/from 1 operation and 3 schemas/);
    // The render ran from the bundle: no module of tsc's per-file output was loaded.
    expect(unbundled(rendered.modules)).toStrictEqual([]);
    // Its format worker too, given texts: a spec the build's format seed does not hold (with every
    // text seeded, a busy host could end the render before the worker had loaded).
    const other = join(project.dir, 'other.yaml');
    writeFileSync(other, readFileSync(join(project.dir, 'spec', 'openapi.yaml'), 'utf8').replace('while all prose is written', 'while all of its prose is written'));
    const unseeded = run(['generate', '--spec', other, '--out', 'other', '--all']);
    expect(unseeded.code).toBe(0);
    expect(unbundled(unseeded.modules)).toStrictEqual([]);
    expect(unseeded.modules.filter((line) => line.endsWith('/dist/generator/format-worker.js'))).toHaveLength(1);
    const noOp = run(['check']);
    expect(noOp.code).toBe(0);
    expect(noOp.stdout).toMatch(/is up to date/);
    expect(noOp.modules.length).toBeLessThanOrEqual(36);
  });

  it("extract loads the upstream's stages only, none of the render's (sync's upstream worker runs the same module, upstream-subset.ts)", () => {
    const extracted = run(['extract', '--from', 'spec/openapi.yaml', '--out', 'subset.yaml', '--all']);
    expect(extracted.code).toBe(0);
    const texts = extracted.modules.map((line) => readFileSync(fileURLToPath(line.slice('loaded '.length)), 'utf8'));
    expect(texts.some((text) => /function selectUpstream\(/.test(text))).toBe(true);
    expect(texts.filter((text) => /function (renderSelected|emitPackage)\(/.test(text))).toStrictEqual([]);
  });
});
