import { resolve } from 'node:path';
import { specFileName } from '../display-path.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import { displaySource, isUrlInput } from './url-input.ts';
import type { SpecDocument } from '../spec-context.ts';
import { fetchSpec } from './fetch.ts';
import { readSpec } from './index.ts';
import type { Limits } from './limits.ts';
import { readSpecFile } from './source.ts';


/**
 * Loads the document `--from` (or `--spec`, `diff`'s arguments) names: a file path (relative to
 * the working folder) or an http(s) URL. Any other scheme is refused rather than guessed at (`file:` included: a path says the same
 * without surprises).
 */
export async function loadFrom(input: string, cwd: string, limits: Limits): Promise<SpecDocument> {
  if (isUrlInput(input)) {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      fail('OM211', `${JSON.stringify(displaySource(input))} is neither a file path nor a valid URL`);
    }
    return readSpec(await fetchSpec(url, limits), limits);
  }
  const path = resolve(cwd, input);
  return readSpec(await readSpecFile(path, specFileName(cwd, path), limits.maxBytes), limits);
}

export { displaySource, isUrlInput } from './url-input.ts';
