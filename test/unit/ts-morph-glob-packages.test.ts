/**
 * `@ts-morph/common` loads `minimatch` and `tinyglobby` when first used, not as it loads
 * (generator/ts-morph-glob-packages.ts): a render, which prints structures, loads neither, and a
 * project that globs files from disk still globs. The loads run in a child process: the test process
 * may have loaded ts-morph already.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { globPackagesOnDemand } from '../../generator/ts-morph-glob-packages.ts';

const require = createRequire(import.meta.url);
const commonFile = createRequire(require.resolve('ts-morph')).resolve('@ts-morph/common');

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const probe = (project: string) => `
import { tsMorph } from './generator/heavy.ts';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const globs = () => Object.keys(require.cache).filter((file) => /[\\\\/]node_modules[\\\\/](minimatch|tinyglobby)[\\\\/]/.test(file)).map((file) => /(minimatch|tinyglobby)/.exec(file)[1]);
const { Project } = tsMorph();
const printer = new Project({ useInMemoryFileSystem: true });
printer.createSourceFile('/a.ts', 'export interface A { a: string }');
const afterPrint = [...new Set(globs())];
// A project on disk, by glob: tinyglobby finds the files.
const disk = new Project({ skipAddingFilesFromTsConfig: true });
const added = disk.addSourceFilesAtPaths([${JSON.stringify(`${project}/src/**/*.ts`)}, ${JSON.stringify(`!${project}/src/skip/**`)}]).map((file) => file.getBaseName()).sort();
const afterDisk = [...new Set(globs())];
// In memory, by glob: minimatch matches the paths.
const memory = new Project({ useInMemoryFileSystem: true });
for (const path of ['/m/x.ts', '/m/y.js', '/m/z/w.ts']) memory.getFileSystem().writeFileSync(path, 'export {};');
const matched = memory.addSourceFilesAtPaths('/m/**/*.ts').map((file) => file.getFilePath()).sort();
console.log(JSON.stringify({ afterPrint, added, afterDisk, matched, afterMemory: [...new Set(globs())].sort() }));
`;

describe("ts-morph's glob packages on demand", () => {
  it('are not loaded by a printing project; a project that globs files, on disk or in memory, loads and uses them', () => {
    dir = mkdtempSync(join(tmpdir(), 'om-globs-'));
    mkdirSync(join(dir, 'src', 'skip'), { recursive: true });
    writeFileSync(join(dir, 'src', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(dir, 'src', 'b.ts'), 'export const b = 2;\n');
    writeFileSync(join(dir, 'src', 'skip', 'c.ts'), 'export const c = 3;\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe(dir)], { cwd: new URL('../..', import.meta.url), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toStrictEqual({ afterPrint: [], added: ['a.ts', 'b.ts'], afterDisk: ['tinyglobby'], matched: ['/m/x.ts', '/m/z/w.ts'], afterMemory: ['minimatch', 'tinyglobby'] });
  });

  it("edits the pinned version's two require lines, keeping every line's number", () => {
    const text = readFileSync(commonFile, 'utf8');
    const edited = globPackagesOnDemand(text).split('\n');
    const original = text.split('\n');
    expect(edited.length).toBe(original.length);
    const changed = original.flatMap((line, i) => (line === edited[i] ? [] : [[line, edited[i]]]));
    expect(changed).toStrictEqual([
      ["var minimatch = require('minimatch');", "var minimatch = { get minimatch() { return require('minimatch').minimatch; } };"],
      ["var tinyglobby = require('tinyglobby');", "var tinyglobby = { get glob() { return require('tinyglobby').glob; }, get globSync() { return require('tinyglobby').globSync; } };"],
    ]);
  });

  it('keeps a require as it is where the text reads another name of the package, or requires it twice', () => {
    const text = [
      "var minimatch = require('minimatch');",
      "var tinyglobby = require('tinyglobby');",
      'var minimatch__namespace = _interopNamespaceCompat(minimatch);',
      'minimatch__namespace.minimatch(a, b);',
      'tinyglobby.glob(p); tinyglobby.escapePath(p);',
    ].join('\n');
    const edited = globPackagesOnDemand(text).split('\n');
    expect(edited[0]).toBe("var minimatch = { get minimatch() { return require('minimatch').minimatch; } };");
    // `escapePath` is not a name the getters answer.
    expect(edited[1]).toBe("var tinyglobby = require('tinyglobby');");
    const twice = `${text}\nvar minimatch = require('minimatch');`;
    expect(globPackagesOnDemand(twice).split('\n')[0]).toBe("var minimatch = require('minimatch');");
    expect(globPackagesOnDemand('module.exports = 1;')).toBe('module.exports = 1;');
  });
});
