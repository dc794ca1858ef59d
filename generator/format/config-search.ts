import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Prettier 3's config file names in its search order (prettier's config-searcher.js), after
 * package.json and package.yaml, which count only when their `prettier` key is set.
 */
const CONFIG_FILES = [
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yml',
  '.prettierrc.yaml',
  '.prettierrc.json5',
  '.prettierrc.js',
  'prettier.config.js',
  '.prettierrc.ts',
  'prettier.config.ts',
  '.prettierrc.mjs',
  'prettier.config.mjs',
  '.prettierrc.mts',
  'prettier.config.mts',
  '.prettierrc.cjs',
  'prettier.config.cjs',
  '.prettierrc.cts',
  'prettier.config.cts',
  '.prettierrc.toml',
];

/** What prettier's config search finds for files in a folder: the file that holds the config, and the config's text. */
export interface PrettierConfigSource {
  readonly path: string;
  /** The config file's text; for package.json / package.yaml, only its `prettier` entry. */
  readonly text: string;
}

/**
 * The prettier config that applies to files in `dir`: a config file, or a `prettier` key in
 * package.json / package.yaml, here or in the nearest folder above that has one. Only finding one
 * lets the format stage load the full prettier to resolve it; the usual none formats with the
 * standalone build and defaults, which give the same bytes without the full build's start-up. The
 * text is part of the no-op check's fingerprint and of the format cache's key.
 */
export function prettierConfigSource(dir: string): PrettierConfigSource | undefined {
  for (let current = dir; ; current = dirname(current)) {
    const pkg = join(current, 'package.json');
    const fromJson = readKey(pkg, (text) => {
      const data = JSON.parse(text) as Record<string, unknown>;
      return Object.hasOwn(data, 'prettier') && data['prettier'] ? JSON.stringify(data['prettier']) : undefined;
    });
    if (fromJson !== undefined) return { path: pkg, text: fromJson };
    const yaml = join(current, 'package.yaml');
    const fromYaml = readKey(yaml, (text) => (/^prettier\s*:\s*\S/m.test(text) ? text : undefined));
    if (fromYaml !== undefined) return { path: yaml, text: fromYaml };
    const file = CONFIG_FILES.map((name) => join(current, name)).find((path) => existsSync(path));
    if (file) return { path: file, text: readText(file) ?? '' };
    if (dirname(current) === current) return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function readKey(file: string, pick: (text: string) => string | undefined): string | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return pick(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
