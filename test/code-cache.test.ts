/**
 * The V8 code cache for large CommonJS modules (generator/code-cache.ts), in real processes: the
 * entry is written as a process exits, a later process uses it as it stands, and a corrupt entry or
 * an edited module never gives a wrong module.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, spawnCli } from './helpers/cli.ts';
import { sha256 } from '../generator/hash.ts';
import { tempProject, type TempProject } from './helpers/project.ts';
import { toolkitCopy, type ToolkitCopy } from './helpers/toolkit-copy.ts';

const codeCache = pathToFileURL(join(repoRoot, 'dist/generator/code-cache.js')).href;
const engineFlags = pathToFileURL(join(repoRoot, 'dist/generator/engine-flags.js')).href;

let project: string;
let moduleFile: string;
let entries: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'om-code-cache-'));
  const pkg = join(project, 'node_modules', 'big-module');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'helper.js'), 'module.exports = (x) => x * 2;\n');
  moduleFile = join(pkg, 'index.js');
  writeModule(7);
  entries = join(project, 'node_modules', '.cache', 'openapi-morph', 'v8');
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

/** A module that uses require, module, __filename and __dirname, and whose value is `value` (same length for 1-digit values). */
function writeModule(value: number): void {
  writeFileSync(
    moduleFile,
    `const double = require('./helper.js');\nmodule.exports = { value: ${value}, doubled: double(${value}), file: __filename, dir: __dirname, self: module.id === __filename, inCache: require.cache[__filename] === module };\n`,
  );
}

/**
 * Keeps the module young (its ctime now: keyed by its bytes, file-identity.ts), so that a loaded
 * machine's seconds between two runs never make it settled, keyed by its identity, with a second
 * entry, in a test about something else.
 */
function keepYoung(): void {
  const now = new Date();
  utimesSync(moduleFile, now, now);
}

/** Loads the module through the code cache in a fresh Node process (with the `SourceEdit` `edit` evaluates to, if any) and returns its exports; young unless `settled` (a test that waited for it). */
function load(edit = 'undefined', { settled = false, tuned = false } = {}): Record<string, unknown> {
  if (!settled) keepYoung();
  // `tuned`: the interrupt budget set first, as the bin does (engine-flags.ts).
  const tune = tuned ? `(await import(${JSON.stringify(engineFlags)})).tuneEngine(); ` : '';
  const script = `${tune}const { requireWithCodeCache } = await import(${JSON.stringify(codeCache)}); process.stdout.write(JSON.stringify(requireWithCodeCache(${JSON.stringify(moduleFile)}, ${edit})));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

function entry(): { path: string; bytes: Buffer; mtimeMs: number; ino: number } {
  const names = readdirSync(entries).filter((n) => n.endsWith('.bin'));
  expect(names).toHaveLength(1);
  const path = join(entries, names[0]!);
  const info = statSync(path);
  return { path, bytes: readFileSync(path), mtimeMs: info.mtimeMs, ino: info.ino };
}

describe('V8 code cache', () => {
  it('loads the module as require would, writes an entry as the process exits, and a later process uses it unchanged', () => {
    const want = { value: 7, doubled: 14, file: moduleFile, dir: join(project, 'node_modules', 'big-module'), self: true, inCache: true };
    expect(load()).toStrictEqual(want);
    const first = entry();
    expect(first.bytes.subarray(0, 30).toString()).toBe('openapi-morph v8 code cache 2\n');
    expect(load()).toStrictEqual(want);
    const second = entry();
    expect([second.ino, second.mtimeMs, second.bytes.equals(first.bytes)]).toStrictEqual([first.ino, first.mtimeMs, true]);
    expect(readdirSync(entries).filter((n) => n.endsWith('.tmp'))).toStrictEqual([]);
  });

  it('ignores a corrupt entry (loads normally) and replaces it with an intact one', () => {
    load();
    const good = entry();
    const corrupt = Buffer.from(good.bytes);
    corrupt[corrupt.length - 10] = corrupt[corrupt.length - 10]! ^ 0xff;
    writeFileSync(good.path, corrupt);
    expect(load()).toMatchObject({ value: 7, doubled: 14 });
    expect(entry().bytes.equals(corrupt)).toBe(false);
    writeFileSync(good.path, 'not a cache');
    expect(load()).toMatchObject({ value: 7, doubled: 14 });
    expect(entry().bytes.subarray(0, 30).toString()).toBe('openapi-morph v8 code cache 2\n');
  });

  it('a worker thread, whose exit hooks never run when it is terminated, writes its entries when told to (writePendingCodeCaches)', () => {
    const inWorker = (flush: boolean) => {
      const worker = `const { requireWithCodeCache, writePendingCodeCaches } = await import(${JSON.stringify(codeCache)}); const { parentPort } = await import('node:worker_threads'); const value = requireWithCodeCache(${JSON.stringify(moduleFile)}).value; ${flush ? 'writePendingCodeCaches();' : ''} parentPort.postMessage(value); await new Promise(() => setInterval(() => undefined, 1000));`;
      const script = `import { Worker } from 'node:worker_threads'; const w = new Worker(new URL('data:text/javascript,' + encodeURIComponent(${JSON.stringify(worker)}))); w.once('message', async (value) => { await w.terminate(); process.stdout.write(String(value)); });`;
      keepYoung();
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect([run.stderr, run.stdout]).toStrictEqual(['', '7']);
    };
    const written = () => readdirSync(entries).filter((n) => n.endsWith('.bin'));
    mkdirSync(entries, { recursive: true });
    inWorker(false);
    expect(written()).toStrictEqual([]);
    inWorker(true);
    expect(written()).toHaveLength(1);
    expect(load()).toMatchObject({ value: 7, doubled: 14 });
    expect(entry().bytes.subarray(0, 30).toString()).toBe('openapi-morph v8 code cache 2\n');
  });

  it('a process that loads a module through the cache prunes its cache folder as it exits (cache-prune.ts), with no format cache there: an entry unused for 30 days goes', () => {
    mkdirSync(entries, { recursive: true });
    const stale = join(entries, 'gone.js-00000000000000000000000000000000.bin');
    writeFileSync(stale, 'stale');
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    utimesSync(stale, longAgo, longAgo);
    expect(load()).toMatchObject({ value: 7 });
    expect(existsSync(stale)).toBe(false);
    expect(entry().bytes.subarray(0, 30).toString()).toBe('openapi-morph v8 code cache 2\n');
  });

  it("keeps an entry per interrupt budget (V8 refuses data made under another): runs with the bin's budget and without it, alternating, rewrite neither", () => {
    const all = () =>
      readdirSync(entries)
        .filter((n) => n.endsWith('.bin'))
        .sort()
        .map((n) => ({ name: n, ino: statSync(join(entries, n)).ino }));
    expect(load()).toMatchObject({ value: 7 });
    expect(load('undefined', { tuned: true })).toMatchObject({ value: 7 });
    const written = all();
    expect(written).toHaveLength(2);
    expect(load()).toMatchObject({ value: 7 });
    expect(load('undefined', { tuned: true })).toMatchObject({ value: 7 });
    expect(all()).toStrictEqual(written);
  });

  it("writes no entry for a module loaded before the bin let the heaps grow less (engine-flags.ts `preferSmallHeaps`), unless written just before: V8 would make its data under the new flag hash, which the entry's key does not name", () => {
    keepYoung();
    const flags = `const flags = await import(${JSON.stringify(engineFlags)}); flags.tuneEngine(); flags.allowHeapControl();`;
    const script = `${flags} const { requireWithCodeCache } = await import(${JSON.stringify(codeCache)}); const loaded = requireWithCodeCache(${JSON.stringify(moduleFile)}); flags.preferSmallHeaps(); process.stdout.write(JSON.stringify(loaded));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ value: 7 });
    expect(existsSync(entries) ? readdirSync(entries).filter((n) => n.endsWith('.bin')) : []).toStrictEqual([]);
    // The format pool writes such entries just before it sets the flag (preferSmallHeaps' `before`): then
    // a project whose every run is large has them too, and the bin's next run uses it as it stands.
    keepYoung();
    const first = spawnSync(process.execPath, ['--input-type=module', '-e', script.replace('flags.preferSmallHeaps();', 'flags.preferSmallHeaps(writePendingCodeCaches);').replace('{ requireWithCodeCache }', '{ requireWithCodeCache, writePendingCodeCaches }')], { encoding: 'utf8' });
    expect([first.stderr, JSON.parse(first.stdout)]).toMatchObject(['', { value: 7 }]);
    const written = entry();
    expect(load('undefined', { tuned: true })).toMatchObject({ value: 7 });
    expect(entry()).toStrictEqual(written);
  });

  it("a module compiled while the bin's budget is only chosen (a config through jiti, before the render's worker is online) is written just before the budget is set, keyed by the flags it was compiled under: at exit V8 would make its data under the budget", () => {
    const run = () => {
      keepYoung();
      const script = `const flags = await import(${JSON.stringify(engineFlags)}); flags.tuneEngineLater(); const { requireWithCodeCache } = await import(${JSON.stringify(codeCache)}); const loaded = requireWithCodeCache(${JSON.stringify(moduleFile)}); flags.workerEngineFlags(); flags.applyEngineFlags(); process.stdout.write(JSON.stringify([loaded, flags.engineFlags()]));`;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect([result.stderr, JSON.parse(result.stdout)]).toMatchObject(['', [{ value: 7 }, '--interrupt-budget=1081344']]);
    };
    run();
    const written = entry();
    // Keyed as no flags: the public API's run and the bin's next such run use it as they find it.
    expect(load()).toMatchObject({ value: 7 });
    run();
    expect(entry()).toStrictEqual(written);
  });

  it('never runs an entry made for other bytes: an edited module of the same size loads as it is now', () => {
    expect(load()).toMatchObject({ value: 7 });
    writeModule(8);
    expect(load()).toMatchObject({ value: 8, doubled: 16 });
    expect(readdirSync(entries).filter((n) => n.endsWith('.bin'))).toHaveLength(2);
  });

  it('keys a settled module by its identity (no hash of its bytes), a module written within the last 2 s by its bytes: a write always reaches the code', async () => {
    const bins = () => readdirSync(entries).filter((n) => n.endsWith('.bin')).sort();
    expect(load()).toMatchObject({ value: 7 });
    const byBytes = bins();
    expect(byBytes).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    // Settled now: the same bytes under another key, the file's identity; a later run uses that entry.
    expect(load('undefined', { settled: true })).toMatchObject({ value: 7, doubled: 14 });
    const settled = bins();
    expect(settled).toHaveLength(2);
    const byIdentity = join(entries, settled.find((n) => !byBytes.includes(n))!);
    const written = statSync(byIdentity).mtimeMs;
    expect(load('undefined', { settled: true })).toMatchObject({ value: 7 });
    expect([bins(), statSync(byIdentity).mtimeMs]).toStrictEqual([settled, written]);
    // Rewritten with the same size: another ctime, a young file, its bytes' key.
    writeModule(8);
    expect(load()).toMatchObject({ value: 8, doubled: 16 });
    expect(bins()).toHaveLength(3);
  });

  it('a settled module rewritten between its stat and its read (same size, in place) runs the bytes read, not the entry of its identity before the write', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(load('undefined', { settled: true })).toMatchObject({ value: 7 });
    expect(load('undefined', { settled: true })).toMatchObject({ value: 7 });
    // A concurrent writer, placed deterministically: the first open of the module for its read first
    // rewrites it (fs's named exports re-synced, so file-identity.js's `openSync` is the wrapped one).
    const moduleText = readFileSync(moduleFile, 'utf8').replaceAll('7', '8');
    const script = `import fs from 'node:fs'; import { syncBuiltinESMExports } from 'node:module';
      const file = ${JSON.stringify(moduleFile)}; const open = fs.openSync; let written = false;
      fs.openSync = (path, ...rest) => { if (path === file && !written) { written = true; fs.writeFileSync(file, ${JSON.stringify(moduleText)}); } return open(path, ...rest); };
      syncBuiltinESMExports();
      const { requireWithCodeCache } = await import(${JSON.stringify(codeCache)});
      const exported = requireWithCodeCache(file); process.stdout.write(JSON.stringify({ written, ...exported }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ written: true, value: 8, doubled: 16 });
    expect(load()).toMatchObject({ value: 8, doubled: 16 });
  });

  it('decodes a UTF-8 module as UTF-8 from its entry too (the entry records whether the bytes are ASCII, under its digest)', () => {
    writeFileSync(moduleFile, "module.exports = { text: 'café ✓', value: 7 };\n");
    expect(load()).toStrictEqual({ text: 'café ✓', value: 7 });
    const first = entry();
    expect(first.bytes[30]).toBe('u'.charCodeAt(0));
    expect(load()).toStrictEqual({ text: 'café ✓', value: 7 });
    expect(entry().mtimeMs).toBe(first.mtimeMs);
    // A flag changed on disk does not match the digest: the entry is ignored, the module decoded right.
    const flipped = Buffer.from(first.bytes);
    flipped[30] = 'a'.charCodeAt(0);
    writeFileSync(first.path, flipped);
    expect(load()).toStrictEqual({ text: 'café ✓', value: 7 });
    expect(entry().bytes[30]).toBe('u'.charCodeAt(0));
    writeModule(7);
    load();
    expect(readdirSync(entries).filter((n) => n.endsWith('.bin')).map((n) => readFileSync(join(entries, n))[30]).sort((a, b) => a! - b!)).toStrictEqual(['a'.charCodeAt(0), 'u'.charCodeAt(0)]);
  });

  it('compiles the source an edit gives, and keys its entry by that text: apart from the file as it is and from another edit (same length, other code)', () => {
    const edit = (value: number) => `{ source: (bytes) => bytes.toString().replace('value: 7', 'value: ${value}') }`;
    expect(load(edit(9))).toMatchObject({ value: 9, doubled: 14 });
    expect(load()).toMatchObject({ value: 7, doubled: 14 });
    expect(load(edit(9))).toMatchObject({ value: 9 });
    expect(load(edit(8))).toMatchObject({ value: 8 });
    expect(readdirSync(entries).filter((n) => n.endsWith('.bin'))).toHaveLength(3);
    // An edit that does not know the file (undefined) compiles it as it is, with the file's own entry.
    expect(load('{ source: () => undefined }')).toMatchObject({ value: 7 });
    expect(readdirSync(entries).filter((n) => n.endsWith('.bin'))).toHaveLength(3);
  });

  it('an entry that says ASCII for a UTF-8 module (with a digest that matches) is refused by V8 for its length: the module is decoded as UTF-8 and the entry rewritten', () => {
    writeFileSync(moduleFile, "module.exports = { text: 'café ✓', value: 7 };\n");
    load();
    const good = entry();
    const data = good.bytes.subarray(63);
    const flag = Buffer.of('a'.charCodeAt(0));
    writeFileSync(good.path, Buffer.concat([good.bytes.subarray(0, 30), flag, createHash('sha256').update(flag).update(data).digest(), data]));
    expect(load()).toStrictEqual({ text: 'café ✓', value: 7 });
    expect(entry().bytes[30]).toBe('u'.charCodeAt(0));
  });

});

/**
 * What the real bin loads through the cache, in a copy of the built toolkit (test/helpers/toolkit-copy.ts)
 * with a cache folder of its own: the repository's is shared with every other test that spawns the
 * bin, so there an entry could be written by another process, or rewritten by one that started
 * before it existed.
 */
describe("a module's text in memory", () => {
  // 16 MB of ASCII: wrapping the text as a string would make V8 flatten a copy of it into its heap
  // (a large object, young or old); read between the wrapper's halves, it is one string outside the heap.
  it('an ASCII module compiles from one string of the buffer it was read into: no copy of its text in the heap', () => {
    writeFileSync(moduleFile, `module.exports = { value: 7 };\n${'// padding padding padding padding padding padding padding padding padding\n'.repeat(220_000)}`);
    const script = `import v8 from 'node:v8'; const { requireWithCodeCache } = await import(${JSON.stringify(codeCache)});
      const large = () => v8.getHeapSpaceStatistics().filter((s) => s.space_name.endsWith('large_object_space')).reduce((sum, s) => sum + s.space_used_size, 0);
      const before = large(); const exported = requireWithCodeCache(${JSON.stringify(moduleFile)});
      process.stdout.write(JSON.stringify({ ...exported, grew: large() - before }));`;
    for (let round = 0; round < 2; round++) {
      keepYoung();
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const { value, grew } = JSON.parse(run.stdout) as { value: number; grew: number };
      // Without an entry, then with the one the first process wrote.
      expect([round, value]).toStrictEqual([round, 7]);
      expect(grew).toBeLessThan(2_000_000);
    }
    expect(entry().bytes.length).toBeGreaterThan(0);
  });

  it('reads the bytes between the two texts of a frame, and a file whose size changes during the read whole, without a frame', async () => {
    const { readWithIdentity } = (await import(pathToFileURL(join(repoRoot, 'dist/generator/file-identity.js')).href)) as typeof import('../generator/file-identity.ts');
    const text = readFileSync(moduleFile);
    const framed = readWithIdentity(moduleFile, ['(head ', ' tail)']);
    expect(framed.bytes).toStrictEqual(text);
    expect(framed.framed!.toString('latin1')).toBe(`(head ${text.toString('latin1')} tail)`);
    expect(framed.framed!.buffer).toBe(framed.bytes.buffer);
    expect(readWithIdentity(moduleFile)).toStrictEqual({ bytes: text, identity: undefined });
    // The size fstat reports, off by one either way: the file is read again, whole.
    for (const delta of [-1, 1]) {
      const script = `import fs from 'node:fs'; import { syncBuiltinESMExports } from 'node:module';
        const fstat = fs.fstatSync; fs.fstatSync = (fd, ...rest) => { const info = fstat(fd, ...rest); info.size += ${delta}; return info; };
        syncBuiltinESMExports();
        const { readWithIdentity } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'dist/generator/file-identity.js')).href)});
        const read = readWithIdentity(${JSON.stringify(moduleFile)}, ['(', ')']);
        process.stdout.write(JSON.stringify({ framed: read.framed === undefined, bytes: read.bytes.toString('latin1') }));`;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toStrictEqual({ framed: true, bytes: text.toString('latin1') });
    }
  });
});

describe('V8 code cache in a real run', () => {
  // One copy for the three cases (jiti and prettier copied: their modules cache in the copy; a
  // linked package caches where it really is), settled once (file-identity.ts), each case in a
  // project of its own. The cases look at different entries.
  let toolkit: ToolkitCopy;
  let app: TempProject | undefined;
  beforeAll(async () => {
    toolkit = toolkitCopy(['jiti', 'prettier']);
    await toolkit.settled();
  });
  afterAll(() => toolkit.remove());
  afterEach(() => {
    app?.remove();
    app = undefined;
  });

  /** Runs the copy's bin in the project; `JITI_FS_CACHE=false`: jiti transpiles the config on every run (no file cache to answer it). */
  const run = (args: readonly string[]) => {
    const result = spawnCli(args, app!.dir, { JITI_FS_CACHE: 'false' }, { bin: toolkit.bin });
    expect([result.code, result.stderr]).toStrictEqual([0, '']);
  };
  /** The copy's entries whose names match `name`, with what shows whether a later run rewrote them. */
  const entries = (name: RegExp) =>
    (existsSync(toolkit.codeCache) ? readdirSync(toolkit.codeCache) : [])
      .filter((n) => name.test(n))
      .map((n) => {
        const info = statSync(join(toolkit.codeCache, n));
        return { name: n, ino: info.ino, mtimeMs: info.mtimeMs, sha256: sha256(readFileSync(join(toolkit.codeCache, n))) };
      });

  it("the build's schema validator (a module outside node_modules) caches under the toolkit's root; a later run uses the entry as it stands", () => {
    app = tempProject();
    run(['generate', '--force']);
    // spec/openapi.yaml is OpenAPI 3.1: dist/generator/schema-validators/v3.1.cjs validated it.
    const first = entries(/^v3\.1\.cjs-[0-9a-f]{32}\.bin$/);
    expect(first).toHaveLength(1);
    run(['generate', '--force']);
    // Entries are written only when a run found none or V8 rejected it: the second run used it.
    expect(entries(/^v3\.1\.cjs-/)).toStrictEqual(first);
  });

  it("jiti transpiles a TypeScript config with sucrase, not its Babel build; a config that reads `import.meta` gets Babel, loaded through the cache, its bundle too", () => {
    app = tempProject();
    rmSync(join(app.dir, 'openapi-morph.config.mjs'));
    // An enum and `satisfies`: TypeScript that only a transpiler turns into the values below.
    const config = `enum Names { Client = 'enum-client', Key = 'ENUM_API_KEY' }\nexport default { spec: 'spec/openapi.yaml', package: { name: Names.Client, apiKeyEnv: Names.Key } } satisfies Record<string, unknown>;\n`;
    app.write('openapi-morph.config.ts', config);
    run(['generate']);
    expect(JSON.parse(app.read('generated/package.json'))).toMatchObject({ name: 'enum-client' });
    expect(app.read('generated/README.md')).toContain('ENUM_API_KEY');
    // sucrase transpiled it (module-transform.ts): Babel's 1.5 MB build was never loaded.
    expect(entries(/^babel\.cjs-/)).toStrictEqual([]);
    // jiti's own bundle (its entry requires it) loads through the cache.
    const bundle = entries(/^jiti\.cjs-[0-9a-f]{32}\.bin$/);
    expect(bundle).toHaveLength(1);
    // `import.meta` is Babel's (jiti's plugin gives the module its own URL): the spec is found through it.
    app.write('openapi-morph.config.ts', config.replace("'spec/openapi.yaml'", "import.meta.url.endsWith('/openapi-morph.config.ts') ? 'spec/openapi.yaml' : 'elsewhere.yaml'"));
    run(['generate', '--force']);
    const first = entries(/^babel\.cjs-[0-9a-f]{32}\.bin$/);
    expect(first).toHaveLength(1);
    app.write('openapi-morph.config.ts', `${app.read('openapi-morph.config.ts')}// edited: jiti's file cache misses\n`);
    run(['generate', '--force']);
    expect(entries(/^babel\.cjs-/)).toStrictEqual(first);
    expect(entries(/^jiti\.cjs-/)).toStrictEqual(bundle);
  });

  it("a render's format worker writes the entries of prettier's modules (it is terminated, so only its own call writes them), keyed by the bin's V8 flags: the public API's run beside it keeps its own", () => {
    // The real bin: the worker is the compiled one (run from the sources, formatting stays in-thread).
    app = tempProject();
    run(['generate']);
    const bin = entries(/^standalone\.js-[0-9a-f]{32}\.bin$/);
    expect(bin).toHaveLength(1);
    // The public API in a process of its own sets no interrupt budget (engine-flags.ts): V8 would
    // refuse the bin's entries, so its worker keys its own instead of replacing them.
    const api = join(dirname(toolkit.bin), '..', 'index.js');
    // A program of the user's: a file that imports the API.
    app.write('render.mjs', `const m = await import(${JSON.stringify(pathToFileURL(api).href)}); await m.generate(await m.loadConfig({ cwd: ${JSON.stringify(app.dir)} }), {});`);
    // A format cache of its own (the project has no node_modules: the temp folder's), so that its worker formats and writes its entries.
    app.write('tmp/.keep', '');
    const programmatic = spawnSync(process.execPath, [join(app.dir, 'render.mjs')], { cwd: app.dir, encoding: 'utf8', env: { ...process.env, JITI_FS_CACHE: 'false', TMPDIR: join(app.dir, 'tmp') } });
    expect([programmatic.status, programmatic.stderr]).toStrictEqual([0, '']);
    const both = entries(/^standalone\.js-[0-9a-f]{32}\.bin$/);
    expect(both).toHaveLength(2);
    run(['generate', '--force']);
    expect(entries(/^standalone\.js-[0-9a-f]{32}\.bin$/)).toStrictEqual(both);
    expect(both).toContainEqual(bin[0]);
  });
});

describe('V8 code cache of a format worker a large package adds', () => {
  // A copy of its own (prettier copied: its modules cache in the copy), so that the entries it writes are the only ones.
  let toolkit: ToolkitCopy;
  beforeAll(async () => {
    toolkit = toolkitCopy(['prettier']);
    await toolkit.settled();
  });
  afterAll(() => toolkit.remove());

  it("a format worker that a large package adds (no warm-up) writes prettier's entries with its first job, keyed by the heap flag set before it started; the next such worker uses them as they stand", () => {
    const module = (path: string) => JSON.stringify(pathToFileURL(join(toolkit.root, 'dist/generator', path)).href);
    const script = [
      `const flags = await import(${module('engine-flags.js')});`,
      `const { startFormatPool } = await import(${module('format/format-jobs.js')});`,
      'flags.tuneEngine(); flags.allowHeapControl(); flags.preferSmallHeaps();',
      "const setup = { kind: 'standalone', parsers: ['markdown'], all: false };",
      'const pool = startFormatPool(setup, 1);',
      "const outcome = await pool.format({ text: '# a\\n', parser: 'markdown', filepath: 'a.md' }, setup);",
      'pool.close();',
      'process.stdout.write(JSON.stringify(outcome));',
    ].join('\n');
    const added = () => {
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect([child.status, child.stderr, child.stdout]).toStrictEqual([0, '', JSON.stringify({ content: '# a\n', rewritten: true })]);
    };
    const markdown = () =>
      (existsSync(toolkit.codeCache) ? readdirSync(toolkit.codeCache) : [])
        .filter((n) => /^markdown\.js-[0-9a-f]{32}\.bin$/.test(n))
        .map((n) => ({ name: n, ino: statSync(join(toolkit.codeCache, n)).ino }));
    added();
    const after = markdown();
    expect(after).toHaveLength(1);
    added();
    expect(markdown()).toStrictEqual(after);
  });
});
