import { isObject } from '../json.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import { pointer } from '../pointer.ts';
import { lazyJsonTree } from './lazy-json.ts';
import { lazyYamlTree } from './lazy-yaml.ts';
import { checkTree, type Limits } from './limits.ts';
import { isJsonText, parseSpecText, parseYaml } from './parse.ts';
import type { SpecSource } from './source.ts';

/**
 * How a run reads the document it selects from: a few of its entries (`some`, one operation's), or
 * every one (`all`, a selection of every operation).
 */
export type Reading = 'some' | 'all';

/**
 * A spec, overlay or external document parsed and checked against the limits before anything walks it.
 * `reading`, for the document a run selects from: a spec of LAZY_JSON_BYTES or more of JSON, or
 * LAZY_YAML_CHARS of YAML, is parsed entry by entry as it is read (lazy-json.ts, lazy-yaml.ts),
 * each entry checked as it is parsed. YAML only when the run reads `some`: cutting YAML into entries
 * costs more than it saves when every entry is parsed anyway (OpenAI's 3 MB, parsed and every node
 * read, in 0.33-0.46 s lazily against 0.20-0.24 s at once; the load and select stages of its `--all`
 * run, `--verbose`, median 495 ms against 603, 8 interleaved runs). JSON stays lazy: GitHub's
 * `--all` took as long either way (4.93 s against 4.98, 6 rounds), with 24 MiB less at its peak
 * (the text not decoded whole).
 */
export function parseCheckedTree(source: SpecSource, limits: Limits, reading?: Reading): unknown {
  const bytes = reading && source.byteLength >= LAZY_JSON_BYTES ? source.bytes?.() : undefined;
  const json = bytes && lazyJsonTree(bytes, (from, to, path) => checkTree(parseJsonRange(source, bytes, from, to, path), limits, source.name, true, { path, depth: path.length }));
  if (json) return json;
  const text = source.text;
  if (reading === 'some' && text.length >= LAZY_YAML_CHARS && !isJsonText(text)) {
    const tree = lazyYamlTree(text, (entry, firstLine, path) => {
      const parsed = parseYaml(entry, source.name, firstLine);
      const key = path.at(-1)!;
      // The entry's text holds its key alone (lazy-yaml.ts cut it there); anything else is a cut it must not have made.
      if (!isObject(parsed) || Object.keys(parsed).length !== 1 || !Object.hasOwn(parsed, key)) {
        fail('OM202', `openapi-morph could not read ${pointer(...path)} on its own; please report this with the file`, { file: source.name, line: firstLine + 1 });
      }
      return checkTree(parsed[key], limits, source.name, false, { path, depth: path.length });
    });
    if (tree) return tree;
  }
  return checkTree(parseSpecText(source), limits, source.name, isJsonText(text));
}

/**
 * An entry of a lazy JSON tree. A syntax error is reported as the whole text's parse reports it
 * (the first one in the file, at its line and column: the same error as without the lazy tree).
 */
function parseJsonRange(source: SpecSource, bytes: Buffer, from: number, to: number, path: readonly string[]): unknown {
  try {
    return JSON.parse(bytes.toString('utf8', from, to));
  } catch (cause) {
    if (!(cause instanceof SyntaxError || cause instanceof RangeError)) throw cause;
    parseSpecText(source);
    // The whole text parses: the entry was cut wrong.
    fail('OM202', `openapi-morph could not read ${pointer(...path)} on its own; please report this with the file`, { file: source.name }, cause);
  }
}

/** From this size a JSON spec is parsed lazily (lazy-json.ts), as `LAZY_YAML_CHARS` for YAML. */
export const LAZY_JSON_BYTES = 256 * 1024;

/**
 * From this size a spec's YAML is parsed lazily: OpenAI's 3 MB document parses in about 0.3 s on a
 * fresh thread, and one operation reads a few percent of it; a small document parses in a blink anyway.
 */
export const LAZY_YAML_CHARS = 256 * 1024;
