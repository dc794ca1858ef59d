import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { sha256 } from './hash.ts';

/**
 * Imports a user module (config, team template) as it is on disk now. ES modules are cached by
 * URL for the life of the process, so the URL carries the file's hash: an edited file is loaded
 * again (tests, watch mode, programmatic use), an unchanged one comes from the cache.
 */
export async function importFresh(path: string): Promise<unknown> {
  const version = sha256(await readFile(path)).slice(0, 16);
  return import(`${pathToFileURL(path).href}?v=${version}`);
}
