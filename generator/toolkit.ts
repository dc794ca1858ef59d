import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
/**
 * Whether this is the compiled toolkit (`dist/generator/toolkit.js`, as installed and as the bin
 * runs) or its TypeScript source (`generator/toolkit.ts`, as the test suite imports it).
 */
export const toolkitCompiled = here.endsWith('.js');
const compiled = toolkitCompiled;

/** The toolkit's own package root, name and version (from its package.json). */
export const toolkitRoot = resolve(dirname(here), compiled ? '../..' : '..');

const manifest = JSON.parse(readFileSync(join(toolkitRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
};

export const toolkit = Object.freeze({ name: manifest.name, version: manifest.version });

/**
 * The toolkit's own code: the no-op check versions it as a whole (by version, or by content in a
 * checkout: inputs/render-stamp.ts), so module graphs of project files stop at it.
 */
export const toolkitCodeDirs = [join(toolkitRoot, 'generator') + sep, join(toolkitRoot, 'templates') + sep];

/** Exact versions of packages the toolkit pins, for templates that write dependency ranges. */
export function pinnedVersion(name: string): string | undefined {
  return manifest.dependencies[name];
}

/**
 * The default templates' TypeScript sources: what `templates list` shows, `templates eject` copies
 * and the manifest hashes, the same whether the toolkit runs compiled or from source.
 */
export const defaultTemplatesDir = join(toolkitRoot, 'templates');

/**
 * The module to import for a default template's source file: its compiled twin under `dist/` when
 * the toolkit runs compiled (no TypeScript loader for the toolkit's own code), the source itself
 * when the toolkit runs from source.
 */
export function defaultTemplateModule(sourcePath: string): string {
  return compiled ? join(toolkitRoot, 'dist', relative(toolkitRoot, sourcePath)).replace(/\.ts$/, '.js') : sourcePath;
}
