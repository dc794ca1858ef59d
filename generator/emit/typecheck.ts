import { join, relative, resolve, sep } from 'node:path';
// A default import: `typeof TS` is then the module object under both Bundler and NodeNext resolution.
import type TS from 'typescript';
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { isObject } from '../json.ts';
import { toolkitRoot } from '../toolkit.ts';
import type { PrintedFile } from './print.ts';
import { typescript } from '../heavy.ts';

const TS_FILE = /\.[mc]?tsx?$/;
/** Messages per output file: the first few say what is wrong; a hundred say nothing more. */
const PER_FILE = 3;

/** When the templates emit no tsconfig.json: what the default `tsconfig` template sets. */
const FALLBACK_OPTIONS = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  lib: ['ES2022', 'DOM'],
  types: [],
  strict: true,
  skipLibCheck: true,
};

/**
 * Type-checks the emitted TypeScript in memory, before anything is written: the files as they
 * would be on disk under `outDir`, with the compiler options of the emitted `tsconfig.json`, and
 * the package's dependencies' types from the output folder's node_modules or, failing that, the
 * toolkit's (openapi-fetch is a toolkit dependency). Files already on disk in the output folder are
 * invisible, so a stale file cannot hide a missing one. Each error names the template that emitted
 * the file. Costs about 2.3 s of CPU and 40-60 MB for the realtime package (TypeScript must load
 * lib.dom and check openapi-fetch's types), about 40% of a `generate`; so `typecheck: 'auto'` runs
 * it only with team templates (the defaults are type-checked by the toolkit's own tests).
 */
export async function typecheckFiles(files: readonly PrintedFile[], outDir: string): Promise<Diagnostic[]> {
  const ts = typescript();
  // Every emitted file is visible, not only the TypeScript: the emitted package.json decides
  // whether its .ts files are ES modules, whatever the project around the output folder says.
  const virtual = new Map(files.map((f) => [resolve(outDir, f.path), f] as const));
  const sources = [...virtual.keys()].filter((path) => TS_FILE.test(path));
  if (sources.length === 0) return [];
  const { options, include } = compilerOptions(ts, files, outDir);
  const host = virtualHost(ts, options, virtual, outDir);
  const roots = sources.filter((path) => included(relative(outDir, path), include));
  const program = ts.createProgram({ rootNames: roots, options, host });
  const found = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error);

  const byFile = new Map<string, TS.Diagnostic[]>();
  for (const d of found) {
    const key = d.file ? resolve(d.file.fileName) : '';
    byFile.set(key, [...(byFile.get(key) ?? []), d]);
  }
  const diagnostics: Diagnostic[] = [];
  for (const [path, list] of byFile) {
    const emitted = virtual.get(path);
    const shown = list.slice(0, PER_FILE).map((d) => describe(ts, d));
    const more = list.length > PER_FILE ? ` (and ${list.length - PER_FILE} more)` : '';
    if (emitted) {
      diagnostics.push(
        error('OM504', `template "${emitted.template.template.name}" emitted ${emitted.path}, which does not type-check: ${shown.join('; ')}${more}`, { file: emitted.template.file }),
      );
    } else {
      const where = path === '' ? 'the compiler options' : relative(outDir, path).split(sep).join('/');
      diagnostics.push(error('OM504', `the emitted TypeScript does not type-check (${where}): ${shown.join('; ')}${more}`));
    }
  }
  return diagnostics;
}

function describe(ts: typeof TS, d: TS.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
  if (!d.file || d.start === undefined) return `TS${d.code} ${text}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `line ${line + 1}, column ${character + 1}: TS${d.code} ${text}`;
}

/** The emitted tsconfig.json's compiler options (never emitting), and its `include` folders. */
function compilerOptions(ts: typeof TS, files: readonly PrintedFile[], outDir: string): { options: TS.CompilerOptions; include: string[] | undefined } {
  const tsconfig = files.find((f) => f.path === 'tsconfig.json');
  let json: unknown;
  try {
    json = tsconfig ? JSON.parse(tsconfig.content) : undefined;
  } catch {
    json = undefined;
  }
  const raw = isObject(json) && isObject(json['compilerOptions']) ? json['compilerOptions'] : FALLBACK_OPTIONS;
  const { options } = ts.convertCompilerOptionsFromJson(raw, outDir);
  const include = isObject(json) && Array.isArray(json['include']) ? json['include'].filter((p): p is string => typeof p === 'string') : undefined;
  return {
    options: { ...options, noEmit: true, declaration: false, emitDeclarationOnly: false, composite: false, incremental: false },
    include,
  };
}

/** `include` entries as folder or file prefixes (a glob's static head): enough for generated packages. */
function included(path: string, include: string[] | undefined): boolean {
  if (!include) return true;
  const posixPath = path.split(sep).join('/');
  return include.some((pattern) => {
    const head = pattern.split(/[*?{[]/)[0]!.replace(/^\.\//, '').replace(/\/$/, '');
    return head === '' || posixPath === head || posixPath.startsWith(`${head}/`);
  });
}

function virtualHost(ts: typeof TS, options: TS.CompilerOptions, virtual: ReadonlyMap<string, PrintedFile>, outDir: string): TS.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const disk = { fileExists: host.fileExists.bind(host), readFile: host.readFile.bind(host), getSourceFile: host.getSourceFile.bind(host), directoryExists: host.directoryExists?.bind(host) };
  const out = resolve(outDir);
  const modules = join(out, 'node_modules');
  // Inside the output folder only the emitted files exist (and installed dependencies).
  const visible = (path: string) => !inside(out, path) || inside(modules, path);
  host.fileExists = (path) => virtual.has(resolve(path)) || (visible(resolve(path)) && disk.fileExists(path));
  host.readFile = (path) => virtual.get(resolve(path))?.content ?? (visible(resolve(path)) ? disk.readFile(path) : undefined);
  host.directoryExists = (path) => {
    const full = resolve(path);
    if ([...virtual.keys()].some((file) => inside(full, file))) return true;
    return visible(full) ? (disk.directoryExists?.(path) ?? true) : false;
  };
  host.getSourceFile = (path, language, onError, create) => {
    const file = virtual.get(resolve(path));
    return file ? ts.createSourceFile(path, file.content, language, true) : visible(resolve(path)) ? disk.getSourceFile(path, language, onError, create) : undefined;
  };
  host.writeFile = () => undefined;
  // A bare import (`openapi-fetch`) resolves from the output folder first, then from the toolkit.
  const fallback = join(toolkitRoot, 'package.json');
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts, containingSource) =>
    literals.map((literal) => {
      const mode = ts.getModeForUsageLocation(containingSource, literal, opts);
      const first = ts.resolveModuleName(literal.text, containingFile, opts, host, undefined, redirected, mode);
      if (first.resolvedModule || literal.text.startsWith('.')) return first;
      const second = ts.resolveModuleName(literal.text, fallback, opts, host, undefined, redirected, mode);
      return second.resolvedModule ? second : first;
    });
  return host;
}

function inside(dir: string, path: string): boolean {
  return path === dir || path.startsWith(`${dir}${sep}`);
}
