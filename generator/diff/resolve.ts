import { isObject, own, setOwn, type JsonObject } from '../json.ts';
import { childPointer, parsePointer, resolvePointer } from '../pointer.ts';

/** A node with its `$ref`s followed, and where each part of it lives. */
export interface Resolved {
  /** The target, with the referencing node's sibling keywords (3.1 allows them) laid over it. */
  readonly value: unknown;
  /** Pointer of the target (the node itself when it is no reference). */
  readonly pointer: string;
  /** Pointer of the node as written where it is used. */
  readonly site: string;
  /** Component name the site refers to (`RealtimeSessionCreateRequest`), if it is a reference. */
  readonly ref: string | undefined;
  /** Keywords that come from the site rather than the target (e.g. a `description` next to `$ref`). */
  readonly siblings: ReadonlySet<string>;
}

const MAX_HOPS = 32;

/**
 * Follows internal `$ref`s (select has already refused the rest and checked every target exists).
 * A chain `A -> B -> C` reports `ref: A`, the name the site uses.
 */
export function resolveNode(document: JsonObject, value: unknown, at: string): Resolved {
  let current = value;
  let pointer = at;
  let ref: string | undefined;
  const overlay: JsonObject = {};
  for (let hop = 0; hop < MAX_HOPS && isObject(current); hop++) {
    const target = own(current, '$ref');
    if (typeof target !== 'string') break;
    for (const [key, sibling] of Object.entries(current)) {
      if (key !== '$ref' && !(key in overlay)) setOwn(overlay, key, sibling);
    }
    const segments = parsePointer(target);
    if (!segments) break;
    ref ??= segments[0] === 'components' ? segments[2] : undefined;
    current = resolvePointer(document, segments);
    pointer = target;
  }
  const siblings = new Set(Object.keys(overlay));
  if (siblings.size === 0 || !isObject(current)) return { value: current, pointer, site: at, ref, siblings };
  const merged: JsonObject = { ...current };
  for (const key of siblings) setOwn(merged, key, overlay[key]);
  return { value: merged, pointer, site: at, ref, siblings };
}

/** Pointer of one keyword of a resolved node: at the site for sibling keywords, in the target otherwise. */
export function keywordPointer(resolved: Pick<Resolved, 'pointer' | 'site' | 'siblings'>, key: string): string {
  return childPointer(resolved.siblings.has(key) ? resolved.site : resolved.pointer, key);
}
