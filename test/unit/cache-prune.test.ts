/**
 * Pruning the cache folder (generator/cache-prune.ts): entries no run read or wrote for 30 days
 * go, at most once a day, and only regular files in the entry folders.
 */
import { existsSync, lutimesSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRUNE_EVERY_MS, PRUNE_STAMP, pruneCacheDir, UNUSED_MS } from '../../generator/cache-prune.ts';

const DAY = 24 * 60 * 60 * 1000;
let dir: string;
let outside: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'om-cache-prune-'));
  outside = mkdtempSync(join(tmpdir(), 'om-cache-prune-outside-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

/** A file under `dir` last read `readDaysAgo` and last written `writtenDaysAgo` days before `now`. */
function entry(path: string, readDaysAgo: number, writtenDaysAgo = readDaysAgo, now = Date.now()): string {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, 'x');
  utimesSync(file, new Date(now - readDaysAgo * DAY), new Date(now - writtenDaysAgo * DAY));
  return file;
}

describe('pruneCacheDir', () => {
  it('deletes the entries unused for 30 days (read or written), keeps the rest and what is outside the entry folders', () => {
    expect(UNUSED_MS).toBe(30 * DAY);
    const old = ['v8/typescript.js-0123.bin', 'format-2/ab/abcdef', 'selections/0123.json', 'v8/x.bin.1.tmp'].map((path) => entry(path, 31));
    const kept = [
      entry('v8/ts-morph.js-4567.bin', 1),
      entry('format-2/cd/cdef01', 29),
      // Written long ago, read yesterday (atime): in use.
      entry('format-2/ef/ef0123', 1, 90),
      // Read long ago, written yesterday.
      entry('selections/4567.json', 90, 1),
      // Not an entry folder, or deeper than an entry goes.
      entry('renders/0123.json', 90),
      entry('other/file.txt', 90),
      entry('format-2/ab/deeper/file', 90),
    ];
    const target = join(outside, 'target');
    writeFileSync(target, 'not ours');
    utimesSync(target, new Date(Date.now() - 90 * DAY), new Date(Date.now() - 90 * DAY));
    symlinkSync(target, join(dir, 'v8', 'link.bin'));
    // The link itself unused for 90 days too: only its being no regular file keeps it.
    lutimesSync(join(dir, 'v8', 'link.bin'), new Date(Date.now() - 90 * DAY), new Date(Date.now() - 90 * DAY));
    expect(pruneCacheDir(dir)).toBe(old.length);
    expect(old.filter((file) => existsSync(file))).toStrictEqual([]);
    expect(kept.filter((file) => !existsSync(file))).toStrictEqual([]);
    expect([existsSync(target), existsSync(join(dir, 'v8', 'link.bin'))]).toStrictEqual([true, true]);
    expect(existsSync(join(dir, PRUNE_STAMP))).toBe(true);
  });

  it('does not follow an entry folder that is a symlink: what it points to is not ours', () => {
    const old = (file: string) => {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, 'not ours');
      utimesSync(file, new Date(Date.now() - 90 * DAY), new Date(Date.now() - 90 * DAY));
      return file;
    };
    const targets = [old(join(outside, 'notes.txt')), old(join(outside, 'ab', 'report.txt'))];
    symlinkSync(outside, join(dir, 'format-2'));
    const ours = entry('v8/a.bin', 40);
    expect(pruneCacheDir(dir)).toBe(1);
    expect([existsSync(ours), ...targets.map((file) => existsSync(file))]).toStrictEqual([false, true, true]);
  });

  it('prunes a folder at most once a day (its stamp): a run within the day deletes nothing', () => {
    expect(PRUNE_EVERY_MS).toBe(DAY);
    const now = Date.now();
    entry('v8/a.bin', 40);
    expect(pruneCacheDir(dir, now)).toBe(1);
    const stamp = statSync(join(dir, PRUNE_STAMP)).mtimeMs;
    const second = entry('v8/b.bin', 40);
    expect(pruneCacheDir(dir, now + DAY - 60_000)).toBe(0);
    expect([existsSync(second), statSync(join(dir, PRUNE_STAMP)).mtimeMs]).toStrictEqual([true, stamp]);
    expect(pruneCacheDir(dir, now + DAY + 60_000)).toBe(1);
    expect(existsSync(second)).toBe(false);
  });

  it('leaves a folder it cannot stamp alone, and a missing folder is no error', () => {
    expect(pruneCacheDir(join(dir, 'missing'))).toBe(0);
    entry('v8/a.bin', 40);
    // A folder where the stamp goes, last changed long ago: it cannot be written.
    mkdirSync(join(dir, PRUNE_STAMP));
    utimesSync(join(dir, PRUNE_STAMP), new Date(Date.now() - 40 * DAY), new Date(Date.now() - 40 * DAY));
    expect(pruneCacheDir(dir)).toBe(0);
    expect(existsSync(join(dir, 'v8', 'a.bin'))).toBe(true);
  });
});
