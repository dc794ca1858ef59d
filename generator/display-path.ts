import { basename, isAbsolute, relative } from 'node:path';

/** A project-relative path with `/` separators (absolute when outside the project). */
export function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel.split('\\').join('/');
}

/**
 * How a spec file is named in messages and in generated files (headers, manifest, release
 * history): project-relative, or only its file name when it lies outside the project, so no
 * generated file carries the generating machine's absolute paths.
 */
export function specFileName(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') || isAbsolute(rel) ? basename(path) : rel.split('\\').join('/');
}
