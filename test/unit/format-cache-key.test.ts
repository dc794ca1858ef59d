/**
 * A format key is the sha256 of its parts and text, and the last one is kept: the same parts and
 * text asked again (the print stage's seed check, then the format stage) are hashed once; any other
 * parts or text are hashed afresh.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

const hashed = vi.hoisted(() => [] as string[]);
vi.mock('../../generator/hash.ts', async (original) => {
  const real = await original<typeof import('../../generator/hash.ts')>();
  return {
    ...real,
    sha256Joined: (...parts: string[]) => {
      hashed.push(parts.join('\0'));
      return real.sha256Joined(...parts);
    },
  };
});

const { formatCacheKey } = await import('../../generator/format/format-cache.ts');

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('formatCacheKey', () => {
  it('is the sha256 of the parts as JSON, a NUL and the text, hashed once for the same parts and text', () => {
    hashed.length = 0;
    const text = 'export const a = {b:1}';
    const first = formatCacheKey(['prettier 3', ['standalone', { plugins: ['estree'] }], 'typescript', 'src/a.ts'], text);
    expect(first).toBe(sha(`["prettier 3",["standalone",{"plugins":["estree"]}],"typescript","src/a.ts"]\0${text}`));
    // A text equal to the last one, another string (the format stage slices its header off).
    const again = formatCacheKey(['prettier 3', ['standalone', { plugins: ['estree'] }], 'typescript', 'src/a.ts'], `x${text}`.slice(1));
    expect(again).toBe(first);
    expect(hashed).toHaveLength(1);
  });

  it('hashes other parts or another text afresh, and keeps only the last', () => {
    hashed.length = 0;
    const keys = [
      formatCacheKey(['p', 'typescript', 'a.ts'], 'a'),
      formatCacheKey(['p', 'typescript', 'b.ts'], 'a'),
      formatCacheKey(['p', 'typescript', 'b.ts'], 'b'),
      formatCacheKey(['p', 'typescript', 'a.ts'], 'a'),
    ];
    expect(new Set(keys.slice(0, 3)).size).toBe(3);
    expect(keys[3]).toBe(keys[0]);
    expect(hashed).toHaveLength(4);
  });
});
