import { isObject, own, setOwn, type JsonObject } from '../json.ts';
import { childPointer, parsePointer, resolvePointer } from '../pointer.ts';

/** A node with its internal `$ref`s followed, and where each part of it lives. */
export interface Followed {
  /**
   * The target with the sibling keywords of every reference on the way laid over it (OpenAPI 3.1
   * lets a `description`, `summary` and, in a schema, any keyword sit beside `$ref`; the nearest
   * site wins). Undefined when the chain loops or a target is missing or not an internal pointer.
   */
  readonly value: unknown;
  /** Pointer of the last node reached (the node itself when it is no reference). */
  readonly pointer: string;
  /** Pointer of the node as written where it is used. */
  readonly site: string;
  /** Component name the site refers to (`RealtimeSessionCreateRequest`), if it is a reference. */
  readonly ref: string | undefined;
  /** Keywords that come from a referencing node rather than the target (e.g. a `description` next to `$ref`). */
  readonly siblings: ReadonlySet<string>;
  /** The chain came back to a node it had passed (`A -> B -> A`); `value` is then undefined. */
  readonly cycle: boolean;
}

/**
 * The one `$ref` follower: follows internal references (`#/...`) until a node that is no reference.
 * A chain `A -> B -> C` reports `ref: A`, the name the site uses. A chain that returns to a pointer
 * it has passed stops there, whatever its length (no hop limit).
 */
export function followRef(document: JsonObject, value: unknown, at: string): Followed {
  let current = value;
  let pointer = at;
  let ref: string | undefined;
  const overlay: JsonObject = {};
  const passed = new Set<string>();
  while (isObject(current)) {
    const target = own(current, '$ref');
    if (typeof target !== 'string') break;
    for (const [key, sibling] of Object.entries(current)) {
      if (key !== '$ref' && !(key in overlay)) setOwn(overlay, key, sibling);
    }
    const segments = parsePointer(target);
    if (!segments) return { value: undefined, pointer, site: at, ref, siblings: new Set(Object.keys(overlay)), cycle: false };
    ref ??= segments[0] === 'components' ? segments[2] : undefined;
    if (passed.has(target)) return { value: undefined, pointer: target, site: at, ref, siblings: new Set(Object.keys(overlay)), cycle: true };
    passed.add(target);
    current = resolvePointer(document, segments);
    pointer = target;
  }
  const siblings = new Set(Object.keys(overlay));
  if (siblings.size === 0 || !isObject(current)) return { value: current, pointer, site: at, ref, siblings, cycle: false };
  const merged: JsonObject = { ...current };
  for (const key of siblings) setOwn(merged, key, overlay[key]);
  return { value: merged, pointer, site: at, ref, siblings, cycle: false };
}

/** Pointer of one keyword of a followed node: at the site for sibling keywords, in the target otherwise. */
export function keywordPointer(followed: Pick<Followed, 'pointer' | 'site' | 'siblings'>, key: string): string {
  return childPointer(followed.siblings.has(key) ? followed.site : followed.pointer, key);
}
