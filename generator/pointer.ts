/** JSON Pointer (RFC 6901) helpers, in URI-fragment form (`#/a/b`) as OpenAPI `$ref`s use. */

// The fast paths below return what the replacements would (most segments hold neither `~` nor `/`, nor `%`): the
// select and model stages build and parse pointers by the hundred thousand on GitHub's spec.
export function encodeSegment(segment: string | number): string {
  if (typeof segment === 'number') return String(segment);
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

export function decodeSegment(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

/** `pointer('paths', '/a/{b}', 'post')` -> `#/paths/~1a~1{b}/post` */
export function pointer(...segments: readonly (string | number)[]): string {
  return segments.length === 0 ? '#' : '#/' + segments.map(encodeSegment).join('/');
}

export function childPointer(parent: string, ...segments: readonly (string | number)[]): string {
  return segments.length === 0 ? parent : `${parent}/${segments.map(encodeSegment).join('/')}`;
}

/** Splits `#/a/b` into decoded segments; returns undefined for anything that is not an internal pointer. */
export function parsePointer(ref: string): string[] | undefined {
  if (ref === '#' || ref === '#/') return [];
  if (!ref.startsWith('#/')) return undefined;
  let body = ref.slice(2);
  try {
    if (body.includes('%')) body = decodeURIComponent(body);
  } catch {
    return undefined;
  }
  return body.split('/').map(decodeSegment);
}

/** Looks up a pointer with own-property checks only (never walks into a prototype). */
export function resolvePointer(root: unknown, segments: readonly string[]): unknown {
  let node: unknown = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
