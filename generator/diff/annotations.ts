import { canonicalJson, isObject, own, type JsonObject } from '../json.ts';
import { childPointer } from '../pointer.ts';
import { DOC_KEYWORDS, READ_WRITE_KEYWORDS } from './keywords.ts';
import type { RuleKind } from './rules.ts';
import type { ChangeSink, Place } from './sink.ts';

/** Any object compared keyword by keyword: a schema view, an operation, a parameter, a response. */
export interface Keyed {
  /** Pointer of the object itself. */
  readonly pointer: string;
  readonly keywords: JsonObject;
  keyAt(key: string): string;
}

/** Pointer of a keyword, or of the object when the keyword is absent (the nearest existing node). */
export function pointerOf(node: Keyed, key: string): string {
  return key in node.keywords ? node.keyAt(key) : node.pointer;
}

export function differs(a: unknown, b: unknown): boolean {
  if (a === b) return false;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return true;
  return canonicalJson(a) !== canonicalJson(b);
}

/**
 * Documentation-only keywords (descriptions, examples, titles, ...), `deprecated`, and `readOnly`
 * and `writeOnly` by direction, on any kind of object. `only` restricts the keywords looked at (an
 * operation has no `readOnly`).
 */
export function compareAnnotations(sink: ChangeSink, place: Place, old: Keyed, next: Keyed, only?: readonly string[]): void {
  for (const [key, kind] of DOC_KEYWORDS) {
    if (only && !only.includes(key)) continue;
    if (differs(prose(own(old.keywords, key)), prose(own(next.keywords, key)))) {
      sink.add(kind, place, { old: pointerOf(old, key), new: pointerOf(next, key) }, { name: key });
    }
  }
  const was = own(old.keywords, 'deprecated') === true;
  const is = own(next.keywords, 'deprecated') === true;
  if (was !== is) sink.add(is ? 'deprecated-added' : 'deprecated-removed', place, { old: pointerOf(old, 'deprecated'), new: pointerOf(next, 'deprecated') });
  for (const key of READ_WRITE_KEYWORDS) {
    if (only && !only.includes(key)) continue;
    const before = own(old.keywords, key) === true;
    const after = own(next.keywords, key) === true;
    if (before !== after) sink.add(readWriteKind(key, after, place), place, { old: pointerOf(old, key), new: pointerOf(next, key) }, { name: key });
  }
}

/**
 * `readOnly` matters to what a request sends, `writeOnly` to what a response holds (the generated
 * types leave such a property out there); on the other side each is documentation.
 */
function readWriteKind(key: (typeof READ_WRITE_KEYWORDS)[number], added: boolean, place: Place): RuleKind {
  const side = key === 'readOnly' ? 'request' : 'response';
  if (place.direction !== side && place.direction !== 'both') return 'annotation-changed';
  if (key === 'readOnly') return added ? 'request-read-only-added' : 'request-read-only-removed';
  return added ? 'response-write-only-added' : 'response-write-only-removed';
}

/** Text compared by its words: re-wrapping a description (YAML `|` to `>`, new line breaks) is no change. */
function prose(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value;
}

/** A plain spec object (operation, parameter, response, media type) as a `Keyed`. */
export function keyed(value: unknown, at: string): Keyed {
  const keywords = isObject(value) ? value : {};
  return { pointer: at, keywords, keyAt: (key) => childPointer(at, key) };
}
