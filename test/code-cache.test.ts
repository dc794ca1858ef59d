/**
 * The V8 code cache for large CommonJS modules (generator/code-cache.ts), in real processes: the
 * entry is written as a process exits, a later process uses it as it stands, and a corrupt entry or
 * an edited module never gives a wrong module.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, spawnCli } from './helpers/cli.ts';
import { tempProject } from './helpers/project.ts';

const codeCache = pathToFileURL(join(repoRoot, 'dist/generator/code-cache.js')).href;

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

/** Loads the module through the code cache in a fresh Node process (with the `SourceEdit` `edit` evaluates to, if any) and returns its exports. */
function load(edit = 'undefined'): Record<string, unknown> {
  const script = `const { requireWithCodeCache } = await import(${JSON.stringify(codeCache)}); process.stdout.write(JSON.stringify(requireWithCodeCache(${JSON.stringify(moduleFile)}, ${edit})));`;
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

  it('never runs an entry made for other bytes: an edited module of the same size loads as it is now', () => {
    expect(load()).toMatchObject({ value: 7 });
    writeModule(8);
    expect(load()).toMatchObject({ value: 8, doubled: 16 });
    expect(readdirSync(entries).filter((n) => n.endsWith('.bin'))).toHaveLength(2);
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

  it('compiles the source an edit gives, and keys its entry apart from the file as it is (same length, other code)', () => {
    const edit = "{ name: 'nine', source: (bytes) => bytes.toString().replace('value: 7', 'value: 9') }";
    expect(load(edit)).toMatchObject({ value: 9, doubled: 14 });
    expect(load()).toMatchObject({ value: 7, doubled: 14 });
    expect(load(edit)).toMatchObject({ value: 9 });
    expect(readdirSync(entries).filter((n) => n.endsWith('.bin'))).toHaveLength(2);
    // An edit that does not know the file (undefined) compiles it as it is, with the file's own entry.
    expect(load("{ name: 'unknown', source: () => undefined }")).toMatchObject({ value: 7 });
    expect(readdirSync(entries).filter((n) => n.endsWith('.bin'))).toHaveLength(2);
  });

  it("a render's format worker writes the entries of prettier's modules (it is terminated, so only its own call writes them)", () => {
    const v8 = join(repoRoot, 'node_modules', '.cache', 'openapi-morph', 'v8');
    const standalone = () => readdirSync(v8, { withFileTypes: true }).filter((e) => e.name.startsWith('standalone.js-') && e.name.endsWith('.bin'));
    mkdirSync(v8, { recursive: true });
    for (const e of standalone()) rmSync(join(v8, e.name), { force: true });
    const project = tempProject();
    try {
      // The real bin: the worker is the compiled one (run from the sources, formatting stays in-thread).
      expect(spawnCli(['generate'], project.dir).code).toBe(0);
    } finally {
      project.remove();
    }
    expect(standalone()).toHaveLength(1);
  });
});

