import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fail } from '../diagnostics/diagnostic.ts';
import { message } from '../diagnostics/message.ts';
import { importUserModule } from '../import-module.ts';
import { resolveConfig, type ConfigOverrides } from './resolve.ts';
import type { ResolvedConfig } from './types.ts';

/** The config file names looked for, in this order; each loads in ESM and CommonJS projects alike (import-module.ts). */
export const CONFIG_NAMES = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs', 'json'].map((ext) => `openapi-morph.config.${ext}`);

/** The config file a folder holds (the first of `CONFIG_NAMES` that exists), if any. */
export function configFileIn(cwd: string): string | undefined {
  return CONFIG_NAMES.map((n) => resolve(cwd, n)).find((f) => existsSync(f));
}

/**
 * Finds and imports the config (`--config F`, else `openapi-morph.config.*` in the working
 * folder), then resolves it with the command line's overrides. Without a config, `--spec` alone
 * is enough.
 */
export async function loadConfig(options: { readonly config?: string; readonly cwd?: string }, overrides: ConfigOverrides = {}): Promise<ResolvedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const file = options.config !== undefined ? resolve(cwd, options.config) : configFileIn(cwd);
  if (options.config !== undefined && !existsSync(file!)) fail('OM101', `config file not found: ${options.config}`, { file: options.config });
  if (file === undefined) {
    if (overrides.spec === undefined) fail('OM101', `no config file (${CONFIG_NAMES[0]}) in ${cwd}; pass --config FILE or --spec FILE`);
    return resolveConfig({ spec: overrides.spec }, cwd, undefined, overrides, cwd);
  }
  let user: unknown;
  try {
    user = await importUserModule(file);
  } catch (cause) {
    fail('OM102', `could not load ${file}: ${message(cause)}`, { file }, cause);
  }
  return resolveConfig(user, dirname(file), file, overrides, cwd);
}

/**
 * For commands that need no spec (`templates list|eject`): the config when there is one
 * (`--config F`, or `openapi-morph.config.*` in the working folder), undefined otherwise.
 */
export async function loadConfigIfPresent(options: { readonly config?: string; readonly cwd?: string }): Promise<ResolvedConfig | undefined> {
  const cwd = options.cwd ?? process.cwd();
  if (options.config === undefined && configFileIn(cwd) === undefined) return undefined;
  return loadConfig(options);
}
