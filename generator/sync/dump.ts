import yaml from 'js-yaml';
import { basename } from 'node:path';
import { fail } from '../diagnostics/diagnostic.ts';
import type { JsonObject } from '../json.ts';
import { childPointer } from '../pointer.ts';

/**
 * The spec file `sync` and `extract` write: YAML in the order the subset was built in (stable
 * across runs and machines, see select/subset.ts), no anchors or aliases (a shared node is
 * written out in full each time), no line folding (long descriptions stay one line, so diffs stay
 * small), and strings quoted whenever a YAML reader could take them for another type.
 */
export function dumpSpec(document: JsonObject): string {
  return yaml.dump(document, { noRefs: true, lineWidth: -1, sortKeys: false, noCompatMode: false });
}

/**
 * The spec file's text for a file at `path`: JSON (two-space indent, the same order) for a `.json`
 * file, which `init` writes for a JSON source, else YAML (`dumpSpec`). Before, `sync` wrote YAML into
 * a project's `spec/openapi.json`, which JSON readers then refused.
 */
export function specFileText(document: JsonObject, yamlText: string, path: string): string {
  if (!/\.json$/i.test(path)) return yamlText;
  // YAML's `.inf` and `.nan` are numbers JSON cannot hold (`JSON.stringify` would write `null`).
  const at = nonFinite(document, '#');
  if (at) fail('OM206', `${at.value} (YAML's .inf or .nan) cannot be written to a JSON spec file; write it in YAML (a .yaml spec file) or leave the keyword out with an overlay`, { file: basename(path), pointer: at.pointer });
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The first number that is infinite or NaN, and where. */
function nonFinite(value: unknown, pointer: string): { readonly value: number; readonly pointer: string } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { value, pointer };
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = nonFinite(child, childPointer(pointer, key));
    if (found) return found;
  }
  return undefined;
}
