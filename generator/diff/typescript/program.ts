import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as TS from 'typescript';
import { toolkitRoot } from '../../toolkit.ts';

/** A generated package in memory: package-relative path -> content. */
export type PackageFiles = ReadonlyMap<string, string>;

export interface SurfaceProgram {
  readonly ts: typeof TS;
  readonly program: TS.Program;
  readonly checker: TS.TypeChecker;
  /** `src/index.ts` of each package, when it has one. */
  readonly entries: { readonly old: TS.SourceFile | undefined; readonly new: TS.SourceFile | undefined };
}

const ENTRY = 'src/index.ts';

/**
 * One TypeScript program over both packages, served from memory (nothing is written). They sit
 * in virtual folders under the toolkit's root, so their imports of dependencies (`openapi-fetch`)
 * resolve from the toolkit's node_modules; one program shares the standard library between
 * the two, which is most of the cost. The compiler options are the new package's tsconfig.json.
 */
export async function createSurfaceProgram(packages: { readonly old: PackageFiles; readonly new: PackageFiles }): Promise<SurfaceProgram> {
  const ts = (await import('typescript')).default;
  const roots = { old: join(toolkitRoot, '.openapi-morph-diff', 'old'), new: join(toolkitRoot, '.openapi-morph-diff', 'new') };
  const virtual = new Map<string, string>();
  for (const side of ['old', 'new'] as const) {
    for (const [path, content] of packages[side]) virtual.set(join(roots[side], path), content);
  }
  const options = compilerOptions(ts, packages.new.get('tsconfig.json') ?? packages.old.get('tsconfig.json'), roots.new);
  const host = ts.createCompilerHost(options, true);
  const isVirtualDir = (dir: string): boolean => [...virtual.keys()].some((file) => file.startsWith(dir.endsWith('/') ? dir : `${dir}/`));
  const realGetSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (file) => virtual.has(file) || (!file.startsWith(join(toolkitRoot, '.openapi-morph-diff')) && existsSync(file));
  host.readFile = (file) => virtual.get(file) ?? (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  host.directoryExists = (dir) => isVirtualDir(dir) || existsSync(dir);
  host.getSourceFile = (file, languageVersion, onError, shouldCreate) => {
    const text = virtual.get(file);
    return text !== undefined ? ts.createSourceFile(file, text, languageVersion, true) : realGetSourceFile(file, languageVersion, onError, shouldCreate);
  };
  host.writeFile = () => undefined;
  const rootNames = (['old', 'new'] as const).filter((side) => packages[side].has(ENTRY)).map((side) => join(roots[side], ENTRY));
  const program = ts.createProgram({ rootNames, options, host });
  const entry = (side: 'old' | 'new') => (packages[side].has(ENTRY) ? program.getSourceFile(join(roots[side], ENTRY)) : undefined);
  return { ts, program, checker: program.getTypeChecker(), entries: { old: entry('old'), new: entry('new') } };
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
