import { isAbsolute, relative } from 'node:path';

/** A project-relative path with `/` separators (absolute when outside the project). */
export function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel.split('\\').join('/');
}
