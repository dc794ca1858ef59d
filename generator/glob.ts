/**
 * Path globs, `/`-separated: `*` and `?` match within one path segment, `**` any number of
 * segments. Leaf module: overlays (`overlays` patterns) and the output folder (`output.preserve`).
 */

/** One segment's pattern (`*.yaml`) as a regular expression source. */
export function segmentSource(segment: string): string {
  return [...segment].map((c) => (c === '*' ? '[^/\\\\]*' : c === '?' ? '[^/\\\\]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
}

/** A whole relative path's pattern (`src/**\/*.custom.ts`). */
export function globRegExp(pattern: string): RegExp {
  const segments = pattern.replace(/\/+$/, '').split('/');
  const source = segments.map((segment, i) => (segment === '**' ? (i === segments.length - 1 ? '.*' : '(?:[^/]+/)*') : `${segmentSource(segment)}${i === segments.length - 1 ? '' : '/'}`)).join('');
  return new RegExp(`^${source}$`);
}

/** Whether a relative path, or a folder it is in, matches one of the globs (a kept folder keeps all it holds). */
export function matchesGlobs(path: string, globs: readonly RegExp[]): boolean {
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    if (globs.some((glob) => glob.test(prefix))) return true;
  }
  return false;
}
