/**
 * The format cache lists each folder of entries once: a key the folder did not hold is a miss
 * without a file read (a cold cache answers tens of thousands of misses on a large spec), a key it
 * held is read, and an entry this cache writes is a hit after its folder was listed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const reads = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const readFileSync = ((path: string, options: never) => {
    reads.push(String(path));
    return real.readFileSync(path, options);
  }) as typeof real.readFileSync;
  return { ...real, default: { ...real, readFileSync }, readFileSync };
});

const { formatCache, formatCacheKey } = await import('../../generator/format/format-cache.ts');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'om-format-reads-'));
  reads.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const keys = Array.from({ length: 600 }, (_, i) => formatCacheKey(['p'], `text ${i}`));
const formatted = 'export const a = 1;\n';

describe('format cache reads', () => {
  it('reads no file for a miss, in an empty cache and beside stored entries', async () => {
    const cache = formatCache(dir);
    for (const key of keys) expect(cache.get(key)).toBeUndefined();
    await formatCache(dir).set(keys[0]!, formatted);
    const second = formatCache(dir);
    const sameShard = keys.slice(1).filter((key) => key.startsWith(keys[0]!.slice(0, 2)));
    expect(sameShard.length).toBeGreaterThan(0);
    for (const key of keys.slice(1)) expect(second.get(key)).toBeUndefined();
    expect(reads).toStrictEqual([]);
    expect(second.get(keys[0]!)).toBe(formatted);
    expect(reads).toHaveLength(1);
  });

  it('finds an entry it wrote in a folder made after it listed the folders (a review found it missed)', async () => {
    const cache = formatCache(dir);
    const other = keys.find((key) => key.slice(0, 2) !== keys[2]!.slice(0, 2))!;
    expect(cache.get(keys[2]!)).toBeUndefined();
    await cache.set(other, formatted);
    expect(cache.get(other)).toBe(formatted);
  });

  it('finds an entry it wrote after listing its folder', async () => {
    const cache = formatCache(dir);
    expect(cache.get(keys[1]!)).toBeUndefined();
    await cache.set(keys[1]!, formatted);
    expect(cache.get(keys[1]!)).toBe(formatted);
  });
});
