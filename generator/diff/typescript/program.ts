import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as TS from 'typescript';
import { toolkitRoot } from '../../toolkit.ts';
import { typescript } from '../../heavy.ts';

/** A generated package in memory: package-relative path -> content. */
export type PackageFiles = ReadonlyMap<string, string>;

export interface SurfaceProgram {
  readonly ts: typeof TS;
  readonly program: TS.Program;
  readonly checker: TS.TypeChecker;
  /** `src/index.ts` of each package by its key, undefined when it has none. */
  readonly entries: ReadonlyMap<string, TS.SourceFile | undefined>;
}

const ENTRY = 'src/index.ts';
const VIRTUAL = join(toolkitRoot, '.openapi-morph-diff');
/** The packages' folder as TypeScript spells file names (forward slashes). */
const PACKAGES_PREFIX = `${VIRTUAL.replace(/\\/g, '/')}/`;

/**
 * Whether a file is one of the packages' own (served from memory), not a dependency's or the
 * standard library's: an installed toolkit's root, and so the packages' folder, is inside a
 * `node_modules` folder.
 */
export function inPackages(fileName: string): boolean {
  return fileName.startsWith(PACKAGES_PREFIX);
}


/**
 * One TypeScript program over several packages (the diff passes `old` and `new`), served from
 * memory: nothing is written. They sit in virtual folders under the toolkit's root, so their
 * imports of dependencies (`openapi-fetch`) resolve from the toolkit's node_modules; one program
 * shares the standard library between them, which is most of the cost. The compiler options are
 * those of the last package's tsconfig.json.
 */
export async function createSurfaceProgram(packages: ReadonlyMap<string, PackageFiles>): Promise<SurfaceProgram> {
  const ts = typescript();
  const virtual = new Map<string, string>();
  let tsconfig: string | undefined;
  for (const [key, files] of packages) {
    for (const [path, content] of files) virtual.set(join(VIRTUAL, key, path), content);
    tsconfig = files.get('tsconfig.json') ?? tsconfig;
  }
  const options = compilerOptions(ts, tsconfig, VIRTUAL);
  const host = ts.createCompilerHost(options, true);
  const isVirtualDir = (dir: string): boolean => [...virtual.keys()].some((file) => file.startsWith(dir.endsWith('/') ? dir : `${dir}/`));
  const realGetSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (file) => virtual.has(file) || (!file.startsWith(VIRTUAL) && existsSync(file));
  host.readFile = (file) => virtual.get(file) ?? (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  host.directoryExists = (dir) => isVirtualDir(dir) || existsSync(dir);
  host.getSourceFile = (file, languageVersion, onError, shouldCreate) => {
    const text = virtual.get(file);
    return text !== undefined ? ts.createSourceFile(file, text, languageVersion, true) : realGetSourceFile(file, languageVersion, onError, shouldCreate);
  };
  host.writeFile = () => undefined;
  const keys = [...packages.keys()];
  const rootNames = keys.filter((key) => packages.get(key)!.has(ENTRY)).map((key) => join(VIRTUAL, key, ENTRY));
  const program = ts.createProgram({ rootNames, options, host });
  const entries = new Map(keys.map((key) => [key, packages.get(key)!.has(ENTRY) ? program.getSourceFile(join(VIRTUAL, key, ENTRY)) : undefined] as const));
  return { ts, program, checker: program.getTypeChecker(), entries };
}

function compilerOptions(ts: typeof TS, tsconfig: string | undefined, base: string): TS.CompilerOptions {
  const fallback: TS.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true };
  let options = fallback;
  if (tsconfig !== undefined) {
    const parsed = ts.parseConfigFileTextToJson(join(base, 'tsconfig.json'), tsconfig);
    const raw = (parsed.config as { compilerOptions?: unknown } | undefined)?.compilerOptions;
    if (raw !== undefined) options = ts.convertCompilerOptionsFromJson(raw, base).options;
  }
  return { ...options, noEmit: true, declaration: false, skipLibCheck: true, types: [] };
}
