import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The toolkit's own package root, name and version (from its package.json). */
export const toolkitRoot = fileURLToPath(new URL('..', import.meta.url));

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
};

export const toolkit = Object.freeze({ name: manifest.name, version: manifest.version });

/** Exact versions of packages the toolkit pins, for templates that write dependency ranges. */
export function pinnedVersion(name: string): string | undefined {
  return manifest.dependencies[name];
}

export const defaultTemplatesDir = fileURLToPath(new URL('../templates/', import.meta.url));
