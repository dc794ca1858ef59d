/**
 * The format cache answers only with what it stored: an entry cut short, edited or in another
 * layout is a miss (the file is formatted again), never text written into a package.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENTRY_FOLDER, formatCache, formatCacheKey } from '../../generator/format/format-cache.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'om-format-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const key = formatCacheKey(['prettier 3', 'typescript'], 'export const a = {b:1}');
const formatted = 'export const a = { b: 1 };\n';
const entryFile = () => {
  const shard = readdirSync(join(dir, ENTRY_FOLDER))[0]!;
  return join(dir, ENTRY_FOLDER, shard, readdirSync(join(dir, ENTRY_FOLDER, shard))[0]!);
};

describe('format cache', () => {
  it('gives back what it stored, in a fresh instance too', async () => {
    await formatCache(dir).set(key, formatted);
    expect(formatCache(dir).get(key)).toBe(formatted);
    expect(formatCache(dir).get(formatCacheKey(['prettier 3', 'typescript'], 'export const b = 1'))).toBeUndefined();
  });

  it("keeps its entries out of the folder where earlier versions kept bare text (a shared cache folder must not feed them a digest line), and reads none from it", async () => {
    await formatCache(dir).set(key, formatted);
    expect(readdirSync(dir)).toStrictEqual([ENTRY_FOLDER]);
    rmSync(join(dir, ENTRY_FOLDER), { recursive: true });
    mkdirSync(join(dir, 'format', key.slice(0, 2)), { recursive: true });
    writeFileSync(join(dir, 'format', key.slice(0, 2), key), formatted);
    expect(formatCache(dir).get(key)).toBeUndefined();
  });

  it.each([
    ['cut short', (stored: string) => stored.slice(0, -3)],
    ['edited', (stored: string) => stored.replace('b: 1', 'b: 2')],
    ['in the layout without a digest', () => formatted],
    ['empty', () => ''],
  ])('an entry %s is a miss', async (_, spoil) => {
    await formatCache(dir).set(key, formatted);
    const file = entryFile();
    writeFileSync(file, spoil(readFileSync(file, 'utf8')));
    expect(formatCache(dir).get(key)).toBeUndefined();
  });
});
