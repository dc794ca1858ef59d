import { resolve } from 'node:path';
import { displayPath } from '../config/resolve.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import type { SpecDocument } from '../spec-context.ts';
import { fetchSpec } from './fetch.ts';
import { readSpec } from './index.ts';
import type { Limits } from './limits.ts';
import { readSpecFile } from './source.ts';

/** A scheme (`https:`, `file:`), but not a Windows drive letter (`C:`). */
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

/**
 * Loads the document `--from` names: a file path (relative to the working folder) or an http(s)
 * URL. Any other scheme is refused rather than guessed at (`file:` included: a path says the same
 * without surprises).
 */
export async function loadFrom(input: string, cwd: string, limits: Limits): Promise<SpecDocument> {
  const scheme = SCHEME.exec(input)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      fail('OM211', `--from ${JSON.stringify(input)} is neither a file path nor a valid URL`);
    }
    return readSpec(await fetchSpec(url, limits), limits);
  }
  const path = resolve(cwd, input);
  return readSpec(await readSpecFile(path, displayPath(cwd, path), limits.maxBytes), limits);
}
