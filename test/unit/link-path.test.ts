/**
 * `ctx.linkPath(from, to)` answers a link within one folder without `posix.relative` (which resolves
 * both paths against the working directory): the answer is the one `relative` gives, for any paths.
 */
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureContext } from '../helpers/model-fixture.ts';

/** The definition before the shortcut: the relative path from `from`'s folder, or the file's name. */
const byRelative = (from: string, to: string) => posix.relative(posix.dirname(from), to) || posix.basename(to);

describe('ctx.linkPath', () => {
  const ctx = fixtureContext();

  it('links the docs pages as before', () => {
    expect(ctx.linkPath('docs/PetsApi.md', 'docs/Pet.md')).toBe('Pet.md');
    expect(ctx.linkPath('docs/Pet.md', 'README.md')).toBe('../README.md');
    expect(ctx.linkPath('README.md', 'docs/Pet.md')).toBe('docs/Pet.md');
    expect(ctx.linkPath('docs/Pet.md', 'docs/Pet.md')).toBe('Pet.md');
  });

  it('gives what posix.relative gives for every pair of paths made of odd segments', () => {
    const segments = ['', '.', '..', 'docs', 'b.md', '/', 'docs/', './docs', 'docs/..', 'x y', '/abs', '//', 'a/b', 'c/'];
    const paths = segments.flatMap((a) => segments.map((b) => (b ? `${a}/${b}` : a)));
    const pairs = paths.flatMap((from) => paths.map((to) => [from, to] as const));
    expect(pairs.length).toBe(196 ** 2);
    expect(pairs.filter(([from, to]) => ctx.linkPath(from, to) !== byRelative(from, to))).toStrictEqual([]);
  });
});
