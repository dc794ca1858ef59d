import { posix } from 'node:path';
import type { ImportDeclarationStructure, ImportSpecifierStructure, OptionalKind } from 'ts-morph';
import { STATEMENT_KIND } from './structure-kinds.ts';

/**
 * A name that generated code refers to, and the module that declares it: a package file, by its
 * path from the package root (`src/models.ts`), or any other module specifier (`openapi-fetch`).
 */
export interface CodeSymbol {
  readonly name: string;
  readonly module: string;
}

/**
 * The imports of one TypeScript file, following from the symbols its code uses: a template records
 * each symbol as it writes it (`imports.value('ApiCore', 'src/runtime/core.ts')` returns `ApiCore`
 * to write), and `declarations()` gives the file's import declarations. No type string is parsed.
 */
export interface ImportRegistry {
  /** Records a use of `name` from `module` in code that runs (a call, `new`, `instanceof`); returns the name to write. */
  value(name: string, module: string): string;
  /** Records a use of `name` from `module` as a type only; returns the name to write. */
  type(name: string, module: string): string;
  /** Records each symbol as a type-only use (a signature's `referencedTypes`). */
  types(symbols: readonly CodeSymbol[]): void;
  /**
   * One declaration per module, packages first, then package files, each group sorted by module
   * specifier; names sorted and deduplicated. `import type` when every name from the module is used
   * as a type only; otherwise `import { a, type B }`.
   */
  declarations(): ImportDeclarationStructure[];
}

/** Relative module specifier from one package file to another: `importPath('src/apis/A.ts', 'src/models.ts')` is `'../models.js'`. */
export function importPath(from: string, to: string): string {
  const rel = posix.relative(posix.dirname(from), to).replace(/\.(m|c)?tsx?$/, (ext) => ext.replace('ts', 'js'));
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** A package file (`src/x.ts`) is addressed from the importing file; anything else is a specifier already. */
function specifier(from: string, module: string): string {
  return /\.(m|c)?tsx?$/.test(module) && !module.startsWith('.') ? importPath(from, module) : module;
}

/**
 * The registry for the file at `from` (a path from the package root). Two symbols of one name from
 * different modules cannot share a file: that throws, naming both modules, so the template that
 * asked fails with a located error instead of emitting code that means something else.
 */
export function importRegistry(from: string): ImportRegistry {
  const byName = new Map<string, { module: string; value: boolean }>();
  const record = (name: string, module: string, value: boolean): string => {
    const seen = byName.get(name);
    if (seen && seen.module !== module) {
      throw new Error(`${from}: "${name}" is imported from ${JSON.stringify(seen.module)} and from ${JSON.stringify(module)}; one file cannot use both under one name`);
    }
    byName.set(name, { module, value: value || (seen?.value ?? false) });
    return name;
  };
  return {
    value: (name, module) => record(name, module, true),
    type: (name, module) => record(name, module, false),
    types(symbols) {
      for (const symbol of symbols) record(symbol.name, symbol.module, false);
    },
    declarations() {
      const modules = new Map<string, { name: string; value: boolean }[]>();
      for (const [name, { module, value }] of byName) {
        const key = specifier(from, module);
        modules.set(key, [...(modules.get(key) ?? []), { name, value }]);
      }
      const isPackage = (spec: string) => !spec.startsWith('.');
      const order = [...modules.keys()].sort((a, b) => Number(isPackage(b)) - Number(isPackage(a)) || compare(a, b));
      return order.map((spec) => {
        const names = modules.get(spec)!.sort((a, b) => compare(a.name, b.name));
        const typeOnly = names.every((n) => !n.value);
        const namedImports: (string | OptionalKind<ImportSpecifierStructure>)[] = names.map((n) => (typeOnly || n.value ? n.name : { name: n.name, isTypeOnly: true }));
        return {
          kind: STATEMENT_KIND.ImportDeclaration,
          moduleSpecifier: spec,
          namedImports,
          ...(typeOnly ? { isTypeOnly: true } : {}),
        };
      });
    },
  };
}

/** Code-unit order, the same on every machine (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
