import { canonicalJson, isObject, own, type JsonObject } from '../json.ts';
import { childPointer } from '../pointer.ts';
import { DOC_KEYWORDS } from './keywords.ts';
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
 * Documentation-only keywords (descriptions, examples, titles, ...) and `deprecated`, on any kind
 * of object. `only` restricts the keywords looked at (an operation has no `readOnly`).
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
