import type { JitiOptions } from 'jiti';
import { isBuiltin } from 'node:module';
import { jitiTransform, sucrase } from './heavy.ts';

type Transform = NonNullable<JitiOptions['transform']>;

/**
 * Source that jiti's Babel build transforms and sucrase does not, or not the same way:
 * - `import.meta`: Babel gives it the module's own file URL, path and folder; sucrase leaves it,
 *   which a CommonJS wrapper cannot run;
 * - `import()`: Babel routes it through jiti, sucrase through `require` (a JSDoc type,
 *   `{import('openapi-morph').Config}`, is none);
 * - a namespace or `module` block: sucrase drops one that holds values, silently;
 * - decorators (on a line of their own or before `class`) and `accessor` fields: sucrase leaves
 *   them as written, which does not run (Babel runs decorators, and locates the error an
 *   `accessor` is to it). sucrase refuses a parameter's decorator, which the fallback below covers.
 * A match anywhere, a comment or a string too, only costs the slower transpile; a JSDoc tag
 * (` * @type`) or a scoped package name (`'@acme/client'`) is no match.
 */
const BABEL_ONLY = /\bimport\s*\.\s*meta\b|(?<!\{)\bimport\s*\(|\b(?:namespace|module)\s+[\w$.]+\s*\{|^[ \t]*@[\w$]|@[\w$.]+(?:\([^)]*\))?\s+(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\b|\baccessor\s+[\w$#]/m;

/** The module names in `from '...'`, `import '...'` and `require('...')`. */
const SPECIFIERS = /\b(?:from|import|require\s*\()\s*(['"])([^'"\n]+)\1/g;

/**
 * Whether every module the source imports is one sucrase's `require` loads as Babel's `await
 * jitiImport` would: the running toolkit (a jiti virtual module) or a Node builtin. Anything else
 * differs: a package's ES module is imported natively by jiti's import but transpiled by its require
 * (and the toolkit's `openapi-morph/templates/*.ts`, which ejected templates import, cannot be
 * required at all on Node 20), and a module of the project's own would load without top-level await.
 */
function importsOnlyToolkitAndBuiltins(source: string): boolean {
  for (const [, , name] of source.matchAll(SPECIFIERS)) if (name !== 'openapi-morph' && !isBuiltin(name!)) return false;
  return true;
}

/**
 * How jiti turns a user's module (a config, a team template) into CommonJS when its file cache
 * does not hold it yet (a fresh clone, CI after `npm ci`, an edited file): sucrase for TypeScript
 * and ES modules that import only the toolkit and Node's builtins (a config made by `init`), whose
 * build loads in about 60 ms where Babel's takes about 180 (measured cold: a `.ts` config loaded in
 * 255 ms with Babel). jiti's own Babel transform stays for the rest (`BABEL_ONLY`, other imports,
 * JSX) and for source sucrase refuses, where Babel's answer is the located syntax error jiti reports.
 */
export const moduleTransform: Transform = (options) => {
  if (options.jsx || BABEL_ONLY.test(options.source) || !importsOnlyToolkitAndBuiltins(options.source)) return jitiTransform(options);
  try {
    const { code } = sucrase().transform(options.source, {
      transforms: options.ts ? ['typescript', 'imports'] : ['imports'],
      ...(options.filename !== undefined ? { filePath: options.filename } : {}),
      // Node 20 runs optional chaining, class fields and the rest as written.
      disableESTransforms: true,
    });
    return { code };
  } catch {
    return jitiTransform(options);
  }
};
