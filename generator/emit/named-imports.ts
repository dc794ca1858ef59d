import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type * as TS from 'typescript';
import { typescript } from '../heavy.ts';
import { toolkitRoot } from '../toolkit.ts';

/** A named import that names nothing its module exports. */
export interface MissingImport {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly name: string;
  readonly specifier: string;
}

/** An import with named bindings from a team module (`./_routes.ts`) or a toolkit template helper: worth the check. */
const CHECKED_IMPORT = /\bimport\s+(?:[\w$]+\s*,\s*)?\{[^}]*\}\s*from\s*['"](?:\.|openapi-morph\/templates\/)/;

/**
 * The named imports of a team template, and of the team modules it imports, that their module
 * does not export. jiti turns a template into CommonJS, where such an import is `undefined`
 * instead of the link error Node gives an ES module: a misspelled constant was written into the
 * package as `"undefined"`, exit 0, and a misspelled function failed later as `(0 ,
 * _callExample.constructionExampel) is not a function` (a review). Only imports the code uses as
 * values count (TypeScript's transpile drops the others, as jiti's does), from modules whose
 * exports can be read without running them: the team's TypeScript and JavaScript modules and the
 * toolkit's `openapi-morph/templates/*.ts` helpers. Empty, and TypeScript not loaded, for a
 * template without such an import.
 */
export function missingNamedImports(file: string, text: string, seen = new Set<string>()): MissingImport[] {
  if (seen.has(file) || !CHECKED_IMPORT.test(text)) return [];
  seen.add(file);
  const ts = typescript();
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const used = valueImports(ts, file, text);
  const missing: MissingImport[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.importClause?.isTypeOnly) continue;
    const specifier = statement.moduleSpecifier.text;
    const target = modulePath(file, specifier);
    const bindings = statement.importClause?.namedBindings;
    if (!target || !bindings || !ts.isNamedImports(bindings)) continue;
    const targetText = readText(target);
    if (targetText === undefined) continue;
    if (!specifier.startsWith('openapi-morph/')) missing.push(...missingNamedImports(target, targetText, seen));
    const exported = exportsOf(ts, target, targetText, new Set());
    if (exported === undefined) continue;
    for (const element of bindings.elements) {
      const name = (element.propertyName ?? element.name).text;
      if (element.isTypeOnly || !used.has(element.name.text) || exported.has(name)) continue;
      const { line, character } = source.getLineAndCharacterOfPosition(element.getStart(source));
      missing.push({ file, line: line + 1, column: character + 1, name, specifier });
    }
  }
  return missing;
}

/** The local names of the imports a module uses as values: those TypeScript's transpile keeps. */
function valueImports(ts: typeof TS, file: string, text: string): Set<string> {
  const { outputText } = ts.transpileModule(text, { fileName: file, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false } });
  const output = ts.createSourceFile(file, outputText, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
  const names = new Set<string>();
  for (const statement of output.statements) {
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.add(element.name.text);
  }
  return names;
}

/** Where an import of a team module or a toolkit helper leads; undefined for a package or a builtin. */
function modulePath(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('openapi-morph/templates/')) {
    const rest = specifier.slice('openapi-morph/templates/'.length);
    const source = join(toolkitRoot, 'templates', rest);
    return existsSync(source) ? source : join(toolkitRoot, 'dist', 'templates', rest.replace(/\.ts$/, '.d.ts'));
  }
  if (!specifier.startsWith('.')) return undefined;
  const path = resolve(dirname(from), specifier);
  // `./_routes.js` may name the TypeScript module beside it, as TypeScript resolves it.
  return existsSync(path) ? path : /\.[mc]?js$/.test(path) && existsSync(path.replace(/js$/, 'ts')) ? path.replace(/js$/, 'ts') : undefined;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The names an ES module exports, read from its text (its declarations, `export { ... }`, and
 * `export * from` followed); undefined where they cannot be told without running it (CommonJS,
 * an `export *` from a package, JSON).
 */
function exportsOf(ts: typeof TS, file: string, text: string, seen: Set<string>): Set<string> | undefined {
  // JSON, CommonJS (`module.exports`, `exports.x`, `export =`): what jiti hands over is known only by running it (a review found each refused).
  if (/\.(c[jt]s|json)$/.test(file) || /\bmodule\.exports\b|\bexports\.[\w$]+\s*=|\bexport\s*=/.test(text)) return undefined;
  if (seen.has(file)) return new Set();
  seen.add(file);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.exportClause && ts.isNamedExports(statement.exportClause)) for (const element of statement.exportClause.elements) names.add(element.name.text);
      else if (statement.exportClause) names.add(statement.exportClause.name.text);
      else {
        const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : '';
        const target = modulePath(file, specifier);
        const targetText = target === undefined ? undefined : readText(target);
        const more = target === undefined || targetText === undefined ? undefined : exportsOf(ts, target, targetText, seen);
        if (!more) return undefined;
        for (const name of more) names.add(name);
      }
    } else if (ts.isExportAssignment(statement)) {
      names.add('default');
    } else if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      if (ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) names.add('default');
      else if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) bindingNames(ts, declaration.name, names);
      else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as TS.Node)) names.add((statement.name as TS.Identifier).text);
    }
  }
  return names;
}

/** The names a declaration binds, destructuring included (`export const { a, b: c } = ...`). */
function bindingNames(ts: typeof TS, name: TS.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bindingNames(ts, element.name, into);
}
