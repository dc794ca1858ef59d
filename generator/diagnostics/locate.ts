import type { Document, LineCounter, Node } from 'yaml';
import { yamlPositions } from '../heavy.ts';
import { parsePointer } from '../pointer.ts';
import type { SourceLocation } from './diagnostic.ts';

/**
 * Maps JSON pointers to lines in a YAML or JSON source. Parsing with source positions is slow on
 * large documents (about 1.3 s for a 3 MB spec), so it only happens when a diagnostic needs a line,
 * and at most once per file.
 */
export class Locator {
  readonly file: string;
  /** The text, or how to get it when a diagnostic first needs a line (a source that let go of its text reads it again). */
  readonly #text: string | (() => string);
  #parsed: { doc: Document; lines: LineCounter } | undefined;

  constructor(file: string, text: string | (() => string)) {
    this.file = file;
    this.#text = text;
  }

  /** The location of the deepest existing node on the pointer's path (the key's line for map entries). */
  locate(pointer: string): SourceLocation {
    const segments = parsePointer(pointer);
    const position = segments ? this.#position(segments) : undefined;
    return { file: this.file, ...position, pointer };
  }

  #position(segments: readonly string[]): { line: number; column: number } | undefined {
    try {
      this.#parsed ??= this.#parse();
    } catch {
      return undefined;
    }
    const { doc, lines } = this.#parsed;
    const { isAlias, isMap, isPair, isSeq } = yamlPositions();
    let node: unknown = doc.contents;
    let offset: number | undefined = rangeStart(node);
    for (const segment of segments) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && keyText(item.key) === segment);
        if (!pair) break;
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item === undefined || !/^\d+$/.test(segment)) break;
        offset = rangeStart(item) ?? offset;
        node = item;
      } else {
        break;
      }
    }
    if (offset === undefined) return undefined;
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  }

  #parse(): { doc: Document; lines: LineCounter } {
    const { LineCounter, parseDocument } = yamlPositions();
    const lines = new LineCounter();
    const doc = parseDocument(typeof this.#text === 'string' ? this.#text : this.#text(), { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
    return { doc, lines };
  }
}

function keyText(key: unknown): string | undefined {
  if (yamlPositions().isScalar(key)) return String(key.value);
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null)?.range;
  return range ? range[0] : undefined;
}
