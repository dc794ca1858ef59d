import yaml from 'js-yaml';
import type { JsonObject } from '../json.ts';

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
  return /\.json$/i.test(path) ? `${JSON.stringify(document, null, 2)}\n` : yamlText;
}
