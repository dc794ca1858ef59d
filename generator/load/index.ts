import { fail } from '../diagnostics/diagnostic.ts';
import { isObject, own, ownString, type JsonObject } from '../json.ts';
import { specDocument, type SpecDocument, type SpecVersion } from '../spec-context.ts';
import { hoistInternalRefs } from './bundle.ts';
import type { Limits } from './limits.ts';
import { parseCheckedTree, type Reading } from './checked-tree.ts';
import { readSpecFile, type SpecSource } from './source.ts';
import { convertSwagger2, swagger2Pointer } from './swagger2.ts';

/**
 * Load stage: bytes -> parsed, size/depth/alias-checked tree. Validation against the OpenAPI
 * schema happens after selection (validate.ts), on the subset only, so a 3 MB upstream document
 * costs only what the selected operations need. Reads OpenAPI 3.0, 3.1 and 3.2; a Swagger 2.0
 * document needs converting first (`readSpec`).
 */
export function parseSpec(source: SpecSource, limits: Limits): SpecDocument {
  const tree = parseTree(source, limits, 'some');
  return specDocument(source, tree, openapiVersion(source, tree));
}

/**
 * `parseSpec`, a Swagger 2.0 document converted to OpenAPI 3.0 (swagger2.ts), and every internal
 * reference made to point at a component (`hoistInternalRefs`); `reading`: how much of it the run
 * reads (checked-tree.ts).
 */
export async function readSpec(source: SpecSource, limits: Limits, reading: Reading = 'some'): Promise<SpecDocument> {
  const tree = parseTree(source, limits, reading);
  if (own(tree, 'openapi') === undefined && ownString(tree, 'swagger') === '2.0') {
    const converted = specDocument(source, await convertSwagger2(source, tree), '3.0');
    // Diagnostics name the place in the 2.0 file the user wrote, not in the converted document. (The
    // closure holds the locator alone: holding `converted` would keep the whole tree alive as long
    // as the narrowed spec, see pipeline.ts `loadSelected`.)
    const { at } = converted;
    return hoistInternalRefs({ ...converted, at: (pointer) => at(swagger2Pointer(pointer)) });
  }
  return hoistInternalRefs(specDocument(source, tree, openapiVersion(source, tree)));
}

function parseTree(source: SpecSource, limits: Limits, reading: Reading): JsonObject {
  const tree = parseCheckedTree(source, limits, reading);
  if (!isObject(tree)) fail('OM205', `${source.name} is not an OpenAPI document (expected a mapping at the top level)`, { file: source.name });
  return tree;
}

function openapiVersion(source: SpecSource, tree: JsonObject): SpecVersion {
  const openapi = ownString(tree, 'openapi');
  const version = (['3.0', '3.1', '3.2'] as const).find((v) => openapi?.startsWith(`${v}.`));
  if (!version) {
    const found = openapi ?? ownString(tree, 'swagger');
    fail(
      'OM205',
      found
        ? `${openapi === undefined ? 'Swagger' : 'OpenAPI'} ${found} is not supported; openapi-morph reads Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2`
        : `${source.name} has no "openapi" version field; is it an OpenAPI 3.x document?`,
      { file: source.name, pointer: '#/openapi' },
    );
  }
  return version;
}

export async function loadSpecFile(path: string, name: string, limits: Limits, reading: Reading = 'some'): Promise<SpecDocument> {
  return readSpec(await readSpecFile(path, name, limits.maxBytes), limits, reading);
}

export type { Limits } from './limits.ts';
export { defaultLimits } from './limits.ts';
export type { SpecSource } from './source.ts';
