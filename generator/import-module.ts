import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { jiti as loadJiti } from './heavy.ts';
import { moduleTransform } from './module-transform.ts';

/**
 * Imports a user's module (a config, a team template) and returns its default export: TypeScript
 * (`.ts`, `.mts`, `.cts`) or JavaScript (`.js`, `.mjs`, `.cjs`), ES module or CommonJS, in an ESM
 * project, a CommonJS one or a folder without a package.json, through jiti (loaded on first use).
 *
 * - `openapi-morph` inside the module is this running toolkit, as a jiti virtual module: the same
 *   version and the same classes as the CLI that loads it, whether or not the project installed
 *   the toolkit, and without jiti transforming the toolkit's own code. Its other entry points
 *   (`openapi-morph/templates/*.ts`, imported by ejected templates) resolve through the package's
 *   exports and, inside a `node_modules`, load natively too.
 * - No module cache: every call reads the module and what it imports as they are on disk now (an
 *   edited file is loaded again in tests, watch mode and programmatic use). The module itself is
 *   always transpiled (`forceTranspile`), a plain `.mjs` too, because jiti would hand that to Node's
 *   `import()`, whose cache never lets go of a file; jiti's file cache keeps the transpiled text by
 *   content, so an unchanged file costs no second transpile.
 * - CommonJS `module.exports = ...` counts as the default export; a `.json` file's value is one too.
 */
export async function importUserModule(path: string): Promise<unknown> {
  if (extname(path) === '.json') return JSON.parse(await readFile(path, 'utf8'));
  // The public API by the package's own name (Node resolves a package's self-reference through its
  // exports map; tests alias it to the source), so this helper does not import the entry upward.
  const toolkitApi = await import('openapi-morph');
  const { createJiti } = loadJiti();
  const jiti = createJiti(pathToFileURL(path).href, {
    moduleCache: false,
    virtualModules: { 'openapi-morph': toolkitApi },
    nativeModules: ['openapi-morph'],
    transform: moduleTransform,
  });
  const exports = await jiti.evalModule(await readFile(path, 'utf8'), { id: path, filename: path, ext: extname(path), async: true, forceTranspile: true });
  return exports !== null && typeof exports === 'object' && 'default' in exports ? exports.default : exports;
}
