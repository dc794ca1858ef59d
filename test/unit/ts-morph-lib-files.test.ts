/**
 * ts-morph's `@ts-morph/common` compiles without the lib files it holds as strings
 * (generator/ts-morph-lib-files.ts): its `getLibFiles()` reads them from the file when first asked,
 * a printer never asks, and a project that type-checks still gets them all. The loads run in a child
 * process: the test process may have loaded ts-morph already.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireWithCodeCache } from '../../generator/code-cache.ts';
import { libFilesOnDemand } from '../../generator/ts-morph-lib-files.ts';

const require = createRequire(import.meta.url);
const commonFile = createRequire(require.resolve('ts-morph')).resolve('@ts-morph/common');

const probe = `
import { tsMorph } from './generator/heavy.ts';
import { printFiles } from './generator/emit/print.ts';
import { STATEMENT_KIND } from './generator/template-api/structure-kinds.ts';
import Module, { createRequire } from 'node:module';
import fs from 'node:fs';
const require = createRequire(import.meta.url);
const commonFile = ${JSON.stringify(commonFile)};
let reads = 0;
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) { if (path === commonFile) reads++; return readFileSync.call(this, path, ...rest); };
Module.syncBuiltinESMExports();
const { Project } = tsMorph();
const common = require.cache[commonFile].exports;
const loadReads = reads;
// A package's TypeScript file printed as a render prints it: the lib files are not read.
const template = { template: { name: 'x' }, file: 'templates/x.ts', source: 'x', origin: 'default', sha256: '' };
const [printed] = printFiles([{ file: { kind: 'typescript', path: 'src/a.ts', statements: [{ kind: STATEMENT_KIND.Interface, name: 'A', isExported: true, properties: [{ name: 'a', type: 'Promise<string>' }] }] }, template }], { specName: 'spec/a.yaml', specSha256: 'f'.repeat(64) });
const printReads = reads;
// The module as ts-morph ships it, compiled whole, for comparison.
const whole = new Module(commonFile);
whole.paths = module.paths ?? [];
whole.filename = commonFile;
whole._compile(readFileSync(commonFile, 'utf8'), commonFile);
const libs = common.getLibFiles();
const same = JSON.stringify(libs) === JSON.stringify(whole.exports.getLibFiles()) && common.getLibFiles() === libs;
// A project that type-checks: its lib files are the real ones (an unknown Promise or Array would be an error).
const project = new Project({ useInMemoryFileSystem: true });
project.createSourceFile('/a.ts', 'export const a: Promise<number> = Promise.resolve([1, 2].map((n) => n * 2).length);\\nexport const b: number = "b";\\n');
const errors = project.getPreEmitDiagnostics().map((d) => d.getMessageText());
console.log(JSON.stringify({ loadReads, printReads, printed: printed.content.includes('export interface A {'), libs: libs.length, same, errors, edited: /readFileSync/.test(common.getLibFiles.toString()) }));
`.replace('whole.paths = module.paths ?? [];', 'whole.paths = createRequire(commonFile).resolve.paths("x") ?? [];');

describe('ts-morph without its lib files as strings', () => {
  it('reads them on first ask only (a printer never asks), and a type-checking project gets all of them', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { cwd: new URL('../..', import.meta.url), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ loadReads: 1, printReads: 1, printed: true, same: true, edited: true, errors: ["Type 'string' is not assignable to type 'number'."] });
    expect(result.libs).toBeGreaterThan(50);
  });

  it('keeps every line after the array on its number, and compiles another version as it is', () => {
    const bytes = readFileSync(commonFile);
    const original = bytes.toString('utf8').split('\n');
    const edited = libFilesOnDemand.source(bytes)!.split('\n');
    expect(edited).toHaveLength(original.length);
    const declaration = original.findIndex((line) => line.startsWith('const libFiles = ['));
    expect(edited.slice(0, declaration)).toStrictEqual(original.slice(0, declaration));
    const after = original.findIndex((line) => line.startsWith('const libFolderInMemoryPath'));
    expect(edited.slice(after)).toStrictEqual(original.slice(after));
    expect(edited.slice(declaration, after).join('\n').length).toBeLessThan(1000);

    expect(libFilesOnDemand.source(Buffer.from('const libFiles = [];\nmodule.exports = libFiles;\n'))).toBeUndefined();
    const twice = Buffer.concat([bytes, bytes]);
    expect(libFilesOnDemand.source(twice)).toBeUndefined();
    // Another version whose array something else reads: as it is (the edit would leave that reader undefined).
    expect(libFilesOnDemand.source(Buffer.concat([bytes, Buffer.from('\nexports.libFileNames = libFiles.map((file) => file.fileName);\n')]))).toBeUndefined();
  });
});

describe('the edited module, on a small file of the same shape', () => {
  const shaped = (texts: string) =>
    `exports.before = 1;\nconst libFiles = [{\n        fileName: "lib.a.d.ts",\n        text: ${JSON.stringify(texts)}\n    }];\n\nfunction getLibFiles() {\n    return libFiles;\n}\nexports.getLibFiles = getLibFiles;\nexports.line = () => new Error().stack.split('\\n')[1];\n`;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'om-lib-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the array from the file on the first call, once; a file changed on disk since is an error, not other lib files', () => {
    const file = join(dir, 'node_modules', 'common', 'index.js');
    mkdirSync(join(dir, 'node_modules', 'common'), { recursive: true });
    writeFileSync(file, shaped('declare var é: "✓";'));
    const common = requireWithCodeCache(file, libFilesOnDemand) as { getLibFiles(): unknown; line(): string; before: number };
    expect(common.before).toBe(1);
    // Lines keep their numbers: `line` is on line 11 of the file.
    expect(common.line()).toContain(`${file}:11:`);
    expect(common.getLibFiles()).toStrictEqual([{ fileName: 'lib.a.d.ts', text: 'declare var é: "✓";' }]);
    expect(common.getLibFiles()).toBe(common.getLibFiles());

    const again = join(dir, 'node_modules', 'common', 'again.js');
    writeFileSync(again, shaped('x'));
    const changed = requireWithCodeCache(again, libFilesOnDemand) as { getLibFiles(): unknown };
    // Grown after the array only: the array's bytes are where they were, yet it is another file.
    writeFileSync(again, `${shaped('x')}// another version\n`);
    expect(() => changed.getLibFiles()).toThrow(/changed on disk while it was loaded/);
  });
});
