import type { JitiOptions } from 'jiti';
import { isBuiltin } from 'node:module';
import { Script } from 'node:vm';
import { jitiTransform, sucrase } from './heavy.ts';

type Transform = NonNullable<JitiOptions['transform']>;
type TransformOptions = Parameters<Transform>[0];

/**
 * How jiti turns a user's module (a config, a team template) into CommonJS when its file cache
 * does not hold it yet (a fresh clone, CI after `npm ci`, an edited file): sucrase, whose build
 * loads in about 60 ms where Babel's takes about 180 (measured cold: a `.ts` config loaded in
 * 255 ms with Babel), for a module it transpiles as Babel would (`sucraseTakes`: a config made by
 * `init` is one); jiti's own Babel transform for the rest, and for any output V8 refuses, so that
 * an error is Babel's, located at the module's line and column.
 */
export const moduleTransform: Transform = (options) => {
  if (!sucraseTakes(options)) return jitiTransform(options);
  try {
    const { code } = sucrase().transform(options.source, {
      transforms: options.ts ? ['typescript', 'imports'] : ['imports'],
      ...(options.filename !== undefined ? { filePath: options.filename } : {}),
      // Node 20 runs optional chaining, class fields and the rest as written.
      disableESTransforms: true,
    });
    // Compiled, not run, in the function jiti wraps it in: the early errors sucrase's parser does
    // not look for (a name declared twice, or declared where jiti's `module` or `require` is; a
    // decorator or an `accessor` field, which sucrase leaves and Node 20 cannot parse) send the
    // module to Babel.
    new Script(`(${options.async ? 'async ' : ''}function (exports, require, module, __filename, __dirname, jitiImport, jitiESMResolve) { ${code}\n});`);
    return { code };
  } catch {
    return jitiTransform(options);
  }
};

/**
 * Whether sucrase's output runs as Babel's would. Not when the module:
 * - reads `import.meta` (Babel gives it the module's own URL, path and folder);
 * - imports dynamically outside a comment (Babel routes `import()` through jiti, sucrase through
 *   `require`; a JSDoc type, `{import('openapi-morph').Config}`, is in a comment);
 * - holds a namespace or `module` block (sucrase drops one that holds values, silently);
 * - declares one of the names jiti's wrapper passes (a `function exports` would take the place of
 *   the module's exports, silently);
 * - imports anything but the toolkit and Node's builtins (`importsOnlyToolkitAndBuiltins`), or
 *   imports after other code (ES modules evaluate every import first; sucrase requires each where
 *   it stands);
 * - is JSX, or asks for source maps (`JITI_SOURCE_MAPS`), which Babel writes.
 * A match in a comment or a string costs only the slower transpile.
 */
function sucraseTakes(options: TransformOptions): boolean {
  const { source } = options;
  if (options.jsx || options.babel?.['sourceMaps'] !== undefined) return false;
  if (/\bimport\s*\.\s*meta\b|\b(?:namespace|module)\s+[\w$.]+\s*\{/.test(source) || WRAPPER_NAME_DECLARED.test(source)) return false;
  for (const call of source.matchAll(/\bimport\s*\(/g)) if (!inComment(source, call.index)) return false;
  return importsOnlyToolkitAndBuiltins(source) && !importAfterCode(source);
}

/** A declaration of a name jiti's wrapper function passes in (`const __dirname = ...`, `import module from 'node:module'`). */
const WRAPPER_NAME_DECLARED = /\b(?:var|let|const|function|class|import)\b[^;=\n]*?\b(?:exports|require|module|__filename|__dirname)\b/;

/** Whether `index` is inside a block comment or after `//` on its line. */
function inComment(source: string, index: number): boolean {
  if (source.lastIndexOf('/*', index) > source.lastIndexOf('*/', index)) return true;
  return source.slice(source.lastIndexOf('\n', index) + 1, index).includes('//');
}

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

/** An import or re-export statement at the start of the text: `import ... 'x';`, `export ... from 'x';`. */
const LEADING_IMPORT = /^(?:import\b(?!\s*[.(])|export\b[^;'"]*\bfrom\b)[^;'"]*(['"])[^'"\n]*\1\s*;?/;

/** Whether an import or re-export comes after other code (comments and a `'use strict'` aside). */
function importAfterCode(source: string): boolean {
  let rest = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '').trimStart();
  for (let lead = /^(['"])use strict\1;?/.exec(rest) ?? LEADING_IMPORT.exec(rest); lead; lead = LEADING_IMPORT.exec(rest)) rest = rest.slice(lead[0].length).trimStart();
  return /^[ \t]*(?:import\b(?!\s*[.(])|export\b[^;\n]*\bfrom\s*['"])/m.test(rest);
}
