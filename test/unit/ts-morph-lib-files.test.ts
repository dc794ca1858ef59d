/**
 * ts-morph's `@ts-morph/common` compiles without the 6.0 lib files it holds as strings
 * (generator/ts-morph-lib-files.ts): its `getLibFiles()` reads those of the TypeScript it runs on
 * when first asked, a printer never asks, and a project that type-checks gets all of them, right
 * for that compiler. The loads run in a child process: the test process may have loaded ts-morph already.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireWithCodeCache } from '../../generator/code-cache.ts';
import { libFilesFrom } from '../../generator/ts-morph-lib-files.ts';

const require = createRequire(import.meta.url);
const commonFile = createRequire(require.resolve('ts-morph')).resolve('@ts-morph/common');
const libDir = dirname(require.resolve('typescript'));
const libNames = readdirSync(libDir).filter((name) => /^lib(\..+)?\.d\.ts$/.test(name)).sort();

const probe = `
import { tsMorph } from './generator/heavy.ts';
import { printFiles } from './generator/emit/print.ts';
import { STATEMENT_KIND } from './generator/template-api/structure-kinds.ts';
import Module, { createRequire } from 'node:module';
import fs from 'node:fs';
const require = createRequire(import.meta.url);
const libDir = ${JSON.stringify(libDir)};
let reads = 0;
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) { if (String(path).startsWith(libDir + '/lib.')) reads++; return readFileSync.call(this, path, ...rest); };
Module.syncBuiltinESMExports();
const { Project, ts } = tsMorph();
const common = require.cache[${JSON.stringify(commonFile)}].exports;
const loadReads = reads;
// A package's TypeScript file printed as a render prints it: no lib file is read.
const template = { template: { name: 'x' }, file: 'templates/x.ts', source: 'x', origin: 'default', sha256: '' };
const [printed] = printFiles([{ file: { kind: 'typescript', path: 'src/a.ts', statements: [{ kind: STATEMENT_KIND.Interface, name: 'A', isExported: true, properties: [{ name: 'a', type: 'Promise<string>' }] }] }, template }], { specName: 'spec/a.yaml', specSha256: 'f'.repeat(64) });
const printReads = reads;
const libs = common.getLibFiles();
const es5 = libs.find((file) => file.fileName === 'lib.es5.d.ts')?.text === readFileSync(libDir + '/lib.es5.d.ts', 'utf8');
// A project that type-checks, with the newest libs: only the error the code has (5.9 with 6.0's lib files: "Cannot find lib definition for 'es2025'", ...).
const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { target: ts.ScriptTarget.ES2022, lib: ['lib.esnext.d.ts', 'lib.dom.d.ts'] } });
project.createSourceFile('/a.ts', 'export const a: Promise<number> = Promise.resolve([1, 2].map((n) => n * 2).length);\\nexport const s = new Set([1]).union(new Set([2])).size + document.title.length;\\nexport const b: number = "b";\\n');
const errors = project.getPreEmitDiagnostics().map((d) => d.getMessageText());
console.log(JSON.stringify({ loadReads, printReads, printed: printed.content.includes('export interface A {'), names: libs.map((file) => file.fileName), once: common.getLibFiles() === libs, es5, errors }));
`;

describe('ts-morph without its lib files as strings', () => {
  it("reads the install's lib files on first ask only (a printer never asks), and a type-checking project gets all of them", () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { cwd: new URL('../..', import.meta.url), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toStrictEqual({ loadReads: 0, printReads: 0, printed: true, names: libNames, once: true, es5: true, errors: ["Type 'string' is not assignable to type 'number'."] });
    expect(libNames.length).toBeGreaterThan(50);
  });

  it('keeps every line after the array on its number, and compiles another version as it is', () => {
    const bytes = readFileSync(commonFile);
    const original = bytes.toString('utf8').split('\n');
    const edited = libFilesFrom(libDir).source(bytes)!.split('\n');
    expect(edited).toHaveLength(original.length);
    const declaration = original.findIndex((line) => line.startsWith('const libFiles = ['));
    expect(edited.slice(0, declaration)).toStrictEqual(original.slice(0, declaration));
    const after = original.findIndex((line) => line.startsWith('const libFolderInMemoryPath'));
    expect(edited.slice(after)).toStrictEqual(original.slice(after));
    expect(edited.slice(declaration, after).join('\n').length).toBeLessThan(1000);

    expect(libFilesFrom(libDir).source(Buffer.from('const libFiles = [];\nmodule.exports = libFiles;\n'))).toBeUndefined();
    const twice = Buffer.concat([bytes, bytes]);
    expect(libFilesFrom(libDir).source(twice)).toBeUndefined();
    // Another version whose array something else reads: as it is (the edit would leave that reader undefined).
    expect(libFilesFrom(libDir).source(Buffer.concat([bytes, Buffer.from('\nexports.libFileNames = libFiles.map((file) => file.fileName);\n')]))).toBeUndefined();
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

  it("keeps the lines' numbers and reads the lib files of the folder it was given, on the first call, once", () => {
    const file = join(dir, 'node_modules', 'common', 'index.js');
    const libs = join(dir, 'lib');
    mkdirSync(join(dir, 'node_modules', 'common'), { recursive: true });
    mkdirSync(libs);
    writeFileSync(file, shaped('declare var bundled: 1;'));
    writeFileSync(join(libs, 'lib.es5.d.ts'), 'declare var é: "✓";');
    writeFileSync(join(libs, 'lib.d.ts'), '/// <reference lib="es5" />');
    writeFileSync(join(libs, 'typescript.d.ts'), 'not a lib file');
    const common = requireWithCodeCache(file, libFilesFrom(libs)) as { getLibFiles(): unknown; line(): string; before: number };
    expect(common.before).toBe(1);
    // Lines keep their numbers: `line` is on line 11 of the file.
    expect(common.line()).toContain(`${file}:11:`);
    expect(common.getLibFiles()).toStrictEqual([
      { fileName: 'lib.d.ts', text: '/// <reference lib="es5" />' },
      { fileName: 'lib.es5.d.ts', text: 'declare var é: "✓";' },
    ]);
    expect(common.getLibFiles()).toBe(common.getLibFiles());
  });
});
