import type { JsonObject } from '../json.ts';
import { isBranch, lazyObject } from './lazy-tree.ts';
import { lineText, linesText, scanYamlLines, type YamlLines } from './yaml-lines.ts';

/**
 * A large YAML document's tree, parsed entry by entry as it is read: a 3 MB document (OpenAI's) is
 * mostly `components` and `paths`, and one operation reaches a few dozen of their thousands of
 * entries. The branches (lazy-tree.ts `isBranch`: the top level, `paths`, each path item, each
 * operation, `components` and each of its groups) are cut into their entries; every entry is an
 * accessor that, the first time it is read, cuts its own lines in turn (a branch) or parses them
 * (any other), then holds the value as a plain data property. Enumerating keys parses nothing;
 * finding the operations reads an operation's `operationId` and `tags` only; reading every value
 * (a walk, `--all`) parses every entry once, which is the whole parse again, in pieces. A branch whose value is not a block
 * mapping of simple keys (`get: {}`, a merge key) is parsed whole instead.
 *
 * `undefined` when the text cannot be cut safely (yaml-lines.ts) or its top level is not a block
 * mapping of simple keys (`/pets/{id}`, `Pet`, `"a b"`): the caller parses the whole text then,
 * with the same result and errors as before. An entry's text is given to `parse` with where it
 * starts, so a syntax error in it names the line in the whole file; an error in an entry never
 * read is not found (the document is untrusted, but what is not read cannot reach the output).
 */
export function lazyYamlTree(text: string, parse: ParseEntry): JsonObject | undefined {
  const lines = scanYamlLines(text);
  if (!lines) return undefined;
  const top = entriesOf(text, lines, 0, lines.count, 0);
  return top && yamlObject({ text, lines, parse }, top, []);
}

/**
 * Parses one entry's text (`key: value` at its indentation, the lines from `firstLine`, 0-based)
 * and returns the value, checked as the node at `path` of the whole document.
 */
export type ParseEntry = (entry: string, firstLine: number, path: readonly string[]) => unknown;

/** The text, its lines and the parser: what every entry of one tree reads. */
interface Source {
  readonly text: string;
  readonly lines: YamlLines;
  readonly parse: ParseEntry;
}

/** An entry of a block mapping: its key, and its lines [from, to). */
interface Entry {
  readonly key: string;
  readonly from: number;
  readonly to: number;
}

/** The lazy object (lazy-tree.ts) of a block mapping's entries. */
function yamlObject(source: Source, entries: readonly Entry[], at: readonly string[]): JsonObject {
  return lazyObject(entries, at, (entry, path) => read(source, entry, path));
}

/** An entry's value: cut into a lazy object (a branch that is a block mapping of simple keys) or parsed. */
function read(source: Source, entry: Entry, path: readonly string[]): unknown {
  const { text, lines, parse } = source;
  const children = isBranch(path) ? childEntries(text, lines, entry) : undefined;
  return children ? yamlObject(source, children, path) : parse(linesText(text, lines, entry.from, entry.to), entry.from, path);
}

/** The entries of the block mapping an entry's header line opens (`paths:` then its lines), or undefined. */
function childEntries(text: string, lines: YamlLines, parent: Entry): Entry[] | undefined {
  // The header holds its key alone (a comment at most): its value is the lines below.
  const header = simpleKey(lineText(text, lines, parent.from).trimStart());
  if (!header || !/^\s*(?:#.*)?$/.test(header.rest)) return undefined;
  let first = parent.from + 1;
  while (first < parent.to && lines.indents[first] === -1) first++;
  if (first === parent.to) return undefined;
  const indent = lines.indents[first]!;
  return indent > lines.indents[parent.from]! ? entriesOf(text, lines, parent.from + 1, parent.to, indent) : undefined;
}

/**
 * The entries of a block mapping at `indent` in lines [from, to): each starts at a line of that
 * indentation with a simple key; blank, comment and block-scalar lines, and lines indented more,
 * belong to the entry before. Undefined for anything else: a node line indented less, or at the
 * mapping's indentation without a simple key, a key twice, a node line before the first entry.
 */
function entriesOf(text: string, lines: YamlLines, from: number, to: number, indent: number): Entry[] | undefined {
  const entries: { key: string; from: number; to: number }[] = [];
  const keys = new Set<string>();
  for (let index = from; index < to; index++) {
    const at = lines.indents[index]!;
    if (at === -1 || at > indent) {
      if (at !== -1 && entries.length === 0) return undefined;
      continue;
    }
    if (at < indent) return undefined;
    const key = simpleKey(lineText(text, lines, index).slice(indent))?.key;
    if (key === undefined || keys.has(key)) return undefined;
    keys.add(key);
    if (entries.length > 0) entries.at(-1)!.to = index;
    entries.push({ key, from: index, to });
  }
  return entries.length > 0 ? entries : undefined;
}

/**
 * A key whose text is its value under js-yaml's core schema: a plain key starting with a letter,
 * `_`, `$` or `/`, without spaces, quotes or `#` (`/v1/{name}:cancel` has a colon: one not followed
 * by a space is text), not a boolean or null word (which the schema would turn into another key); or a
 * quoted key without escapes; with the text after its colon. Undefined for any other (`1`, `<<`,
 * `"a\"b"`: the mapping is not cut).
 */
function simpleKey(line: string): { key: string; rest: string } | undefined {
  // Spaces only before the colon: js-yaml keeps any other white space (a no-break space) in the key.
  const match = /^(?:([A-Za-z_$/](?:[^\s#:'"]|:(?! |$))*)|"([^"\\]*)"|'([^']*)') *:(?: |$)/.exec(line);
  if (!match) return undefined;
  const plain = match[1];
  if (plain !== undefined && /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/.test(plain)) return undefined;
  return { key: plain ?? match[2] ?? match[3]!, rest: line.slice(match[0].length) };
}
