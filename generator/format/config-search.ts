import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Prettier 3's config file names, in its search order (its docs, "Configuration File"). */
const CONFIG_FILES = [
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.json5',
  '.prettierrc.js',
  '.prettierrc.ts',
  '.prettierrc.mjs',
  '.prettierrc.mts',
  '.prettierrc.cjs',
  '.prettierrc.cts',
  'prettier.config.js',
  'prettier.config.ts',
  'prettier.config.mjs',
  'prettier.config.mts',
  'prettier.config.cjs',
  'prettier.config.cts',
  '.prettierrc.toml',
];

/**
 * Whether prettier would find a config for files in `dir`: a config file, or a `prettier` key in
 * package.json / package.yaml, here or in any folder above. Only a yes lets the format stage load
 * the full prettier to resolve it; the usual no formats with the standalone build and defaults,
 * which give the same bytes without the full build's start-up.
 */
export function hasPrettierConfig(dir: string): boolean {
  for (let current = dir; ; current = dirname(current)) {
    if (CONFIG_FILES.some((name) => existsSync(join(current, name)))) return true;
    if (hasKey(join(current, 'package.json'), (text) => Object.prototype.hasOwnProperty.call(JSON.parse(text) as object, 'prettier'))) return true;
    if (hasKey(join(current, 'package.yaml'), (text) => /^prettier\s*:/m.test(text))) return true;
    if (dirname(current) === current) return false;
  }
}

function hasKey(file: string, test: (text: string) => boolean): boolean {
  if (!existsSync(file)) return false;
  try {
    return test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}
