import { fail } from '../diagnostics/diagnostic.ts';
import { isObject, ownString } from '../json.ts';
import { specDocument, type SpecDocument } from '../spec-context.ts';
import { checkTree, type Limits } from './limits.ts';
import { mayHaveAliases, parseSpecText } from './parse.ts';
import { readSpecFile, type SpecSource } from './source.ts';

/**
 * Load stage: bytes -> parsed, size/depth/alias-checked tree. Validation against the OpenAPI
 * schema happens after selection (validate.ts), on the subset only, so a 3 MB upstream document
 * costs only what the selected operations need.
 */
export function parseSpec(source: SpecSource, limits: Limits): SpecDocument {
  const parsed = parseSpecText(source);
  const tree = checkTree(parsed, limits, source.name, !mayHaveAliases(source.text));
  if (!isObject(tree)) fail('OM205', `${source.name} is not an OpenAPI document (expected a mapping at the top level)`, { file: source.name });
  const openapi = ownString(tree, 'openapi');
  const version = openapi?.startsWith('3.0') ? '3.0' : openapi?.startsWith('3.1') ? '3.1' : undefined;
  if (!version) {
    const found = openapi ?? ownString(tree, 'swagger');
    fail(
      'OM205',
      found
        ? `OpenAPI ${found} is not supported; openapi-morph reads OpenAPI 3.0 and 3.1`
        : `${source.name} has no "openapi" version field; is it an OpenAPI 3.x document?`,
      { file: source.name, pointer: '#/openapi' },
    );
  }
  return specDocument(source, tree, version);
}

export async function loadSpecFile(path: string, name: string, limits: Limits): Promise<SpecDocument> {
  return parseSpec(await readSpecFile(path, name, limits.maxBytes), limits);
}

export type { Limits } from './limits.ts';
export { defaultLimits } from './limits.ts';
export type { SpecSource } from './source.ts';
