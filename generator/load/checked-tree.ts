import { checkTree, type Limits } from './limits.ts';
import { isJsonText, parseSpecText } from './parse.ts';
import type { SpecSource } from './source.ts';

/** A spec, overlay or external document parsed and checked against the limits before anything walks it. */
export function parseCheckedTree(source: SpecSource, limits: Limits): unknown {
  return checkTree(parseSpecText(source), limits, source.name, isJsonText(source.text));
}
