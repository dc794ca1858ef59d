import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './cli.ts';

interface DeclarationFile {
  readonly source: ts.SourceFile;
  /** Top-level declarations by name (a name may have several: overloads, interface + const). */
  readonly declarations: Map<string, ts.Statement[]>;
  /** Local name -> where it comes from. */
  readonly imports: Map<string, { readonly module: string; readonly name: string }>;
  /** Exported name -> where it is re-exported from (`export { a as b } from`), and `export *` modules. */
  readonly reexports: Map<string, { readonly module: string; readonly name: string }>;
  readonly star: string[];
}

/**
 * The public type surface of openapi-morph as normalized declaration text: what `generator/index.ts`
 * exports (the template API, the model, the config, the helpers), and every declaration those
 * reach, followed through imports. TypeScript's declaration emit gives the text (bodies dropped):
 * the build's, in dist/ (the tests' global setup builds from the current sources, so a change of
 * the sources is there; emitting again here took 20 s of a second program over the toolkit);
 * comments are removed, so a doc change is not an API change. Types from other packages are
 * listed by name (`ts-morph: SourceFileStructure`): a change of the pinned version shows up as
 * a change of the package's lock entry instead.
 */
export function apiSurface(options: { readonly entry?: string; readonly exclude?: readonly string[] } = {}): string {
  const entry = options.entry ?? join(repoRoot, 'generator/index.ts');
  const excluded = new Set(options.exclude ?? []);
  const files = declarationFiles(entry);

  const reached = new Map<string, Set<ts.Statement>>();
  const external = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const visit = (file: string, name: string): void => {
    const key = `${file}#${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const declaration = files.get(file);
    if (!declaration) {
      external.set(file, (external.get(file) ?? new Set()).add(name));
      return;
    }
    const local = declaration.declarations.get(name);
    if (local) {
      const set = reached.get(file) ?? new Set();
      reached.set(file, set);
      for (const statement of local) {
        set.add(statement);
        for (const used of identifiers(statement)) if (used !== name) follow(declaration, file, used);
      }
      return;
    }
    const via = declaration.imports.get(name) ?? declaration.reexports.get(name);
    if (via) return visit(via.module, via.name);
    for (const module of declaration.star) if (exportsName(files, module, name)) visit(module, name);
  };
  const follow = (declaration: DeclarationFile, file: string, name: string) => {
    if (declaration.declarations.has(name) || declaration.imports.has(name)) visit(file, name);
  };

  const root = files.get(resolve(entry))!;
  for (const name of [...root.reexports.keys(), ...root.declarations.keys()]) if (!excluded.has(name)) visit(resolve(entry), name);
  for (const module of root.star) for (const name of exportedNames(files, module)) if (!excluded.has(name)) visit(module, name);

  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
  const sections = [...reached]
    .map(([file, statements]) => {
      const source = files.get(file)!.source;
      const text = source.statements.filter((s) => statements.has(s)).map((s) => printer.printNode(ts.EmitHint.Unspecified, s, source));
      return `// ${relative(repoRoot, file).split('\\').join('/')}\n${text.join('\n')}`;
    })
    .sort();
  const packages = [...external].map(([module, names]) => `// ${module}: ${[...names].sort().join(', ')}`).sort();
  return `${[...sections, `// from other packages\n${packages.join('\n')}`].join('\n\n')}\n`;
}

/**
 * The declaration files the build (`npm run build`, which the tests' global setup runs) emitted for
 * `entry` and every module of this repository it imports, by source path: dist/generator/x.d.ts
 * for generator/x.ts.
 */
function declarationFiles(entry: string): Map<string, DeclarationFile> {
  const files = new Map<string, DeclarationFile>();
  const pending = [resolve(entry)];
  for (let source = pending.pop(); source !== undefined; source = pending.pop()) {
    if (files.has(source)) continue;
    const emitted = join(repoRoot, 'dist', relative(repoRoot, source)).replace(/\.ts$/, '.d.ts');
    if (!existsSync(emitted)) throw new Error(`no declarations for ${relative(repoRoot, source)} in dist/: run \`npm run build\``);
    const file = parse(source, readFileSync(emitted, 'utf8'));
    files.set(source, file);
    // Another package's module is listed by name, not read (`moduleOf` leaves its specifier as it is).
    const targets = [...[...file.imports.values(), ...file.reexports.values()].map((target) => target.module), ...file.star];
    pending.push(...targets.filter((target) => target.startsWith(repoRoot)));
  }
  return files;
}

function parse(file: string, text: string): DeclarationFile {
  const source = ts.createSourceFile(file.replace(/\.ts$/, '.d.ts'), text, ts.ScriptTarget.Latest, true);
  const declarations = new Map<string, ts.Statement[]>();
  const imports = new Map<string, { module: string; name: string }>();
  const reexports = new Map<string, { module: string; name: string }>();
  const star: string[] = [];
  const target = (specifier: ts.Expression) => moduleOf(file, (specifier as ts.StringLiteral).text);
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) imports.set(element.name.text, { module: target(statement.moduleSpecifier), name: (element.propertyName ?? element.name).text });
      }
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      if (!statement.exportClause) star.push(target(statement.moduleSpecifier));
      else if (ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) reexports.set(element.name.text, { module: target(statement.moduleSpecifier), name: (element.propertyName ?? element.name).text });
      }
    } else {
      for (const name of declaredNames(statement)) declarations.set(name, [...(declarations.get(name) ?? []), statement]);
    }
  }
  return { source, declarations, imports, reexports, star };
}

/** A relative specifier -> the absolute path of its source file; a package name stays as it is. */
function moduleOf(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return resolve(dirname(from), specifier).replace(/\.(d\.ts|js|ts)$/, '') + '.ts';
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  const name = (statement as { name?: ts.Node }).name;
  return name && ts.isIdentifier(name) ? [name.text] : [];
}

function identifiers(node: ts.Node): Set<string> {
  const found = new Set<string>();
  const walk = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) found.add(n.text);
    ts.forEachChild(n, walk);
  };
  walk(node);
  return found;
}

function exportedNames(files: ReadonlyMap<string, DeclarationFile>, module: string): string[] {
  const file = files.get(module);
  if (!file) return [];
  const own = [...file.declarations].filter(([, statements]) => statements.some((s) => ts.getCombinedModifierFlags(s as unknown as ts.Declaration) & ts.ModifierFlags.Export)).map(([name]) => name);
  return [...own, ...file.reexports.keys(), ...file.star.flatMap((m) => exportedNames(files, m))];
}

function exportsName(files: ReadonlyMap<string, DeclarationFile>, module: string, name: string): boolean {
  return exportedNames(files, module).includes(name);
}
